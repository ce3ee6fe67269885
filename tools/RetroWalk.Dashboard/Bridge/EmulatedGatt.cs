using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Recording;
using RetroWalk.Core.Status;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Dashboard;

/// <summary>
/// The emulated tracker's GATT server for the dashboard page: UUID strings on the outside, the core's
/// <see cref="GattSessionState"/> inside, so every rule (subscribe before writing the Control Point, ATT codes, History
/// at the default MTU, who is notified, recording mode) is the one the firmware's BleTracker follows. Raw Samples
/// packets come from the device loop's RawSampleTap through <see cref="RawPacketForwarder"/>. One client at a time;
/// every call is made under the device lock (<see cref="EmulatedTracker"/>).
/// </summary>
public sealed class EmulatedGatt
{
    private readonly EmulatedDevice _device;
    private readonly GattSessionState _session;

    public EmulatedGatt(EmulatedDevice device, RecordingControl? recording = null)
    {
        _device = device;
        // The emulated cell (EmulatedBattery: 4.15 V falling to 3.5 V over 10 h of device time), measured as on the device.
        _session = new GattSessionState(device.Loop, device.Loop, device.Loop.History,
            new BatteryReporter(new EmulatedBattery(() => device.Clock.MonotonicMs)));
        Recording = recording ?? new RecordingControl();
        _session.AttachRecording(Recording, device.Config.Sensor);
        _session.AttachSessions(device.Sessions);
        Connected();
    }

    /// <summary>Recording mode's state (the device loop's RawSampleTap reads the same object).</summary>
    public RecordingControl Recording { get; }

    /// <summary>A Raw Samples packet from the loop: notified if the page subscribed; false if it went nowhere.</summary>
    public bool NotifyRawSamples(byte[] packet)
    {
        var notified = Notified;
        if (!_session.IsSubscribed(GattTable.RawSamples) || notified is null)
        {
            return false;
        }

        notified(Uuid(GattTable.RawSamples), packet);
        return true;
    }

    /// <summary>Receives every notification for a subscribed characteristic (uuid, value).</summary>
    public Action<string, byte[]>? Notified { get; set; }

    /// <summary>Identify requests the Control Point accepted (the page's "find" button).</summary>
    public int IdentifyRequests { get; private set; }

    /// <summary>The services and characteristics, as a client discovers them.</summary>
    public static IReadOnlyDictionary<string, string[]> Services { get; } = Enumerable.Range(0, GattTable.Count)
        .GroupBy(id => GattTable.Service(id))
        .ToDictionary(g => ServiceUuid(g.Key), g => g.Select(Uuid).ToArray());

    public static string Uuid(int id) =>
        GattTable.CustomUuid(id) is string custom ? GattUuid.Normalize(custom) : GattUuid.FromSig(GattTable.Uuid16(id));

    public static int IdOf(string uuid)
    {
        for (int id = 0; id < GattTable.Count; id++)
        {
            if (Uuid(id) == GattUuid.Normalize(uuid))
            {
                return id;
            }
        }

        return GattTable.None;
    }

    private static string ServiceUuid(int service) =>
        GattTable.ServiceUuid16(service) == 0 ? GattUuid.Normalize(BleUuids.Service) : GattUuid.FromSig(GattTable.ServiceUuid16(service));

    /// <summary>The link dropped: the device forgets the subscriptions (CCCDs are per connection for an unbonded client).</summary>
    public void Disconnected() => _session.ConnectionChanged(false);

    /// <summary>
    /// A page connected. It stands for a phone the wearer paired in a pairing window earlier (the browser leaves
    /// pairing to the operating system), so its link is encrypted with an approved bond and its writes are accepted.
    /// </summary>
    public void Connected()
    {
        _session.ConnectionChanged(true);
        _session.Link.PairingCompleted(encrypted: true, approved: true, window: null);
    }

    public GattResult Subscribe(string uuid, bool on)
    {
        int id = IdOf(uuid);
        if (id == GattTable.None || !GattTable.Can(id, GattTable.PropertyNotify))
        {
            return new GattResult(CodecStatus.AttRequestNotSupported);
        }

        _session.SubscribersChanged(id, on ? 1 : 0);
        return GattResult.Ok();
    }

    public GattResult Read(string uuid)
    {
        int id = IdOf(uuid);
        if (id == GattTable.None)
        {
            return new GattResult(CodecStatus.AttRequestNotSupported);
        }

        byte att = _session.Read(id, _device.Clock.UtcSeconds, (int)(_device.Clock.MonotonicMs % 1000));
        return att == GattWrites.Accept ? GattResult.Ok(_session.Value(id)[.._session.ValueLength(id)]) : new GattResult(att);
    }

    public GattResult Write(string uuid, byte[] value)
    {
        int id = IdOf(uuid);
        if (id == GattTable.None)
        {
            return new GattResult(CodecStatus.AttRequestNotSupported);
        }

        Array.Copy(value, _session.WriteBuffer, Math.Min(value.Length, _session.WriteBuffer.Length));
        byte att = _session.Write(id, 0, value.Length);
        _session.TakeAdvertisementChanged(); // advertising is not bridged
        Deliver();
        while (_session.NextHistoryPacket() is int n and > 0)
        {
            Notified?.Invoke(Uuid(GattTable.History), _session.Value(GattTable.History)[..n]);
        }

        while (_session.NextSessionLogPacket() is int n and > 0)
        {
            Notified?.Invoke(Uuid(GattTable.SessionLog), _session.Value(GattTable.SessionLog)[..n]);
        }

        return new GattResult(att);
    }

    /// <summary>The battery level last measured, % (-1 before the first measurement).</summary>
    public int BatteryPercent { get; private set; } = -1;

    /// <summary>The device loop's advertising offer (every second): as the firmware's adapter, the battery is measured when due.</summary>
    public void Advertise(TrackerStatus status)
    {
        _session.UpdateBattery(status, _device.Clock.MonotonicMs);
        BatteryPercent = status.BatteryPercent;
        _session.BeforeAdvertise(status, _device.Clock.MonotonicMs); // the Session notification when due
        Deliver();
    }

    /// <summary>The loop's HealthMonitor (through <see cref="GattPublisher"/>): notified at once on a fault.</summary>
    public void PublishHealth(DeviceHealth health)
    {
        _session.PublishHealth(health);
        Deliver();
    }

    /// <summary>A publication of the device loop (through <see cref="GattPublisher"/>).</summary>
    public void Publish(TrackerStatus status, int changedFields)
    {
        _session.Publish(status, changedFields);
        Deliver();
    }

    private void Deliver()
    {
        int pending = _session.TakeNotifications();
        for (int id = 0; id < GattTable.Count; id++)
        {
            if ((pending & GattSessionState.Bit(id)) == 0)
            {
                continue;
            }

            byte[] value = _session.Value(id)[.._session.ValueLength(id)];
            if (id == GattTable.ControlPoint && value[1] == ControlOp.Identify && value[2] == ControlStatus.Ok)
            {
                IdentifyRequests++;
            }

            Notified?.Invoke(Uuid(id), value);
        }
    }
}
