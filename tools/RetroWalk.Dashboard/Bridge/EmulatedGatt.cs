using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;
using RetroWalk.Core.Recording;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Dashboard;

/// <summary>
/// The emulated tracker's GATT server, a thin host-side table over the core: reads encode with
/// <see cref="StatusCharacteristics"/> and <see cref="GattWrites"/>, writes are decided by <see cref="GattWrites"/> (the
/// same rules and ATT codes as the firmware's BleTracker), History is streamed by the core's <see cref="HistoryStream"/>
/// at the default MTU, and the Control Point refuses writes from a client that has not subscribed (0xFD), as on the
/// device. Recording mode: Raw Samples reads its format and notifies while <see cref="RecordingControl"/> says so
/// (Control Point 0x11/0x12, stopped by an unsubscribe or a dropped link), packed at the same MTU.
/// One client at a time; every call is made under the device lock (<see cref="EmulatedTracker"/>).
/// </summary>
public sealed class EmulatedGatt
{
    public const int AttMtu = 23;

    private static readonly string ControlPoint = GattUuid.Normalize(BleUuids.ControlPoint);
    private static readonly string Config = GattUuid.Normalize(BleUuids.Config);
    private static readonly string History = GattUuid.Normalize(BleUuids.History);
    private static readonly string RawSamples = GattUuid.Normalize(BleUuids.RawSamples);
    private static readonly string CurrentTime = GattUuid.FromSig(BleUuids.CurrentTimeCharacteristic);

    private readonly EmulatedDevice _device;
    private readonly GattWrites _writes;
    private readonly HashSet<string> _subscribed = new();
    private readonly HistoryStream _history = new();
    private readonly byte[] _buffer = new byte[HistoryCodec.MaxPayloadLength];

    public EmulatedGatt(EmulatedDevice device, RecordingControl? recording = null)
    {
        _device = device;
        _writes = new GattWrites(device.Loop, device.Loop);
        Recording = recording ?? new RecordingControl();
    }

    /// <summary>Recording mode's state (the device loop's <see cref="RawSampleTap"/> reads the same object).</summary>
    public RecordingControl Recording { get; }

    /// <summary>Receives every notification for a subscribed characteristic (uuid, value).</summary>
    public Action<string, byte[]>? Notified { get; set; }

    public int IdentifyRequests { get; private set; }

    /// <summary>The services and characteristics, as a client discovers them.</summary>
    public static IReadOnlyDictionary<string, string[]> Services { get; } = new Dictionary<string, string[]>
    {
        [GattUuid.Normalize(BleUuids.Service)] = Enumerable.Range(0, StatusCharacteristics.Count)
            .Select(c => GattUuid.Normalize(StatusCharacteristics.Uuid(c)))
            .Concat(new[] { ControlPoint, Config, History, RawSamples }).ToArray(),
        [GattUuid.FromSig(BleUuids.CurrentTimeService)] = new[] { CurrentTime },
    };

    /// <summary>The link dropped: the device forgets the subscriptions (CCCDs are per connection for an unbonded client).</summary>
    public void Disconnected()
    {
        _subscribed.Clear();
        Recording.LinkDropped();
    }

    public GattResult Subscribe(string uuid, bool on)
    {
        if (!CanNotify(uuid))
        {
            return new GattResult(CodecStatus.AttRequestNotSupported);
        }

        if (on)
        {
            _subscribed.Add(uuid);
        }
        else
        {
            _subscribed.Remove(uuid);
            if (uuid == RawSamples)
            {
                Recording.Unsubscribed();
            }
        }

        return GattResult.Ok();
    }

    public GattResult Read(string uuid)
    {
        for (int c = 0; c < StatusCharacteristics.Count; c++)
        {
            if (uuid == GattUuid.Normalize(StatusCharacteristics.Uuid(c)))
            {
                int n = StatusCharacteristics.Encode(c, _device.Loop.Status, _buffer, 0);
                return GattResult.Ok(_buffer[..n]);
            }
        }

        if (uuid == Config)
        {
            int n = _writes.ReadConfig(_buffer, 0);
            return GattResult.Ok(_buffer[..n]);
        }

        if (uuid == RawSamples)
        {
            int n = RawSamplesCodec.EncodeFormat(Recording.IsOn, _device.Config.Sensor, _buffer, 0);
            return GattResult.Ok(_buffer[..n]);
        }

        if (uuid == CurrentTime)
        {
            int n = _writes.ReadCurrentTime(_device.Clock.UtcSeconds, (int)(_device.Clock.MonotonicMs % 1000), 0, _buffer, 0);
            return GattResult.Ok(_buffer[..n]);
        }

        return new GattResult(CodecStatus.AttRequestNotSupported);
    }

    public GattResult Write(string uuid, byte[] value)
    {
        if (uuid == ControlPoint)
        {
            return WriteControlPoint(value);
        }

        if (uuid == Config)
        {
            return new GattResult(_writes.WriteConfig(value, value.Length, out _));
        }

        if (uuid == CurrentTime)
        {
            byte att = _writes.WriteCurrentTime(value, value.Length);
            if (att == GattWrites.Accept && _subscribed.Contains(CurrentTime))
            {
                // The loop applies the clock at its next iteration; the notification carries the time written.
                int n = CurrentTimeCodec.Encode(0, 0, 0, _buffer, 0);
                Array.Copy(value, _buffer, n);
                _buffer[9] = CurrentTimeCodec.AdjustManual;
                Notify(CurrentTime, _buffer[..n]);
            }

            return new GattResult(att);
        }

        return new GattResult(CodecStatus.AttRequestNotSupported);
    }

    /// <summary>Sends a notification if the client subscribed; false if it was not sent.</summary>
    public bool Notify(string uuid, byte[] value)
    {
        var notified = Notified;
        if (!_subscribed.Contains(uuid) || notified is null)
        {
            return false;
        }

        notified(uuid, value);
        return true;
    }

    private GattResult WriteControlPoint(byte[] value)
    {
        if (!_subscribed.Contains(ControlPoint))
        {
            return new GattResult(CodecStatus.AttCccdImproperlyConfigured);
        }

        byte status = _writes.ControlPoint(value, value.Length, out byte op, out uint since);
        bool streamHistory = false;
        if (status == ControlStatus.Ok && op == ControlOp.RequestHistory)
        {
            streamHistory = _subscribed.Contains(History);
            status = streamHistory ? ControlStatus.Ok : ControlStatus.Failed;
        }

        if (status == ControlStatus.Ok && (op == ControlOp.StartRecording || op == ControlOp.StopRecording))
        {
            status = Recording.Apply(op, _subscribed.Contains(RawSamples), HistoryCodec.PayloadLengthForMtu(AttMtu));
        }

        if (status == ControlStatus.Ok && op == ControlOp.Identify)
        {
            IdentifyRequests++;
        }

        var response = new byte[ControlPointCodec.ResponseLength];
        ControlPointCodec.EncodeResponse(op, status, response, 0);
        Notify(ControlPoint, response);
        if (streamHistory)
        {
            _history.Begin(_device.Loop.History, since, HistoryCodec.PayloadLengthForMtu(AttMtu));
            int n;
            while ((n = _history.Next(_buffer, 0)) > 0)
            {
                Notify(History, _buffer[..n]);
            }
        }

        return GattResult.Ok();
    }

    private static bool CanNotify(string uuid) =>
        uuid == ControlPoint || uuid == History || uuid == CurrentTime || uuid == RawSamples
        || Enumerable.Range(0, StatusCharacteristics.Count).Any(c => uuid == GattUuid.Normalize(StatusCharacteristics.Uuid(c)));
}
