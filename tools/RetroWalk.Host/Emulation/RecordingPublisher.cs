using System.Globalization;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Session;
using RetroWalk.Core.Power;
using RetroWalk.Core.Status;
using RetroWalk.Core.Device;
using RetroWalk.Core.Storage;

namespace RetroWalk.Host.Emulation;

/// <summary>One thing a phone or scanner saw: when, through what, and what it decoded.</summary>
/// <param name="TimeMs">Device time in milliseconds when it was sent.</param>
/// <param name="Channel">"notify" for a GATT notification, "advert" for an advertisement.</param>
/// <param name="Source">The characteristic's User Description, or "BTHome".</param>
/// <param name="Decoded">The decoded values, or the decode error.</param>
/// <param name="Payload">The bytes as sent on the air.</param>
/// <param name="DecodedOk">False if the phone-side decoder rejected the bytes (a codec bug).</param>
public sealed record PhoneObservation(long TimeMs, string Channel, string Source, string Decoded, byte[] Payload, bool DecodedOk)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TimeMs / 1000.0,9:F3} s  {Channel,-6}  {Source,-16}  {Decoded}  [{Convert.ToHexString(Payload)}]");
}

/// <summary>
/// The host stand-in for the device's BLE adapter, with a phone and a scanner listening: the core's
/// <see cref="GattSessionState"/> encodes every publication and decides every notification exactly as the firmware's
/// BleTracker does, and the core's <see cref="AdvertisingSequence"/> runs against an emulated advertising stack. The
/// phone (nRF Connect, a fitness app) is connected and subscribed to every notifying characteristic, RSC Measurement
/// and Battery Level included, and decodes what it receives; the scanner (Home Assistant's BTHome integration)
/// decodes each advertisement. Both views cover a whole run: the device stops advertising while a phone is connected,
/// which <see cref="PhoneBlocksAdvertising"/> models when set (then <see cref="DisconnectPhone"/> lets it go on).
/// </summary>
public sealed class RecordingPublisher : IStatusPublisher, IHealthPublisher, IDeviceBound
{
    private readonly Func<long> _clockMs;
    private readonly List<PhoneObservation> _log = new();
    private readonly RscMeasurement _rscSeen = new();
    private AdvertisingSequence? _adverts;
    private GattSessionState? _session;
    private int _stackStatus = AdvertisingSequence.StatusCreated;
    private bool _phoneConnected;

    /// <param name="clockMs">Device time in ms for the log (the emulated loop's clock); 0 if omitted.</param>
    public RecordingPublisher(Func<long>? clockMs = null)
    {
        _clockMs = clockMs ?? (() => 0);
    }

    /// <summary>Device name as advertised.</summary>
    public string DeviceName { get; init; } = AdvertisementCodec.DefaultDeviceName;

    /// <summary>The battery divider's ADC, as on the device; null = no battery part (no Battery Level).</summary>
    public IBatteryAdc? Battery { get; init; }

    /// <summary>Config flag b0 as the advertisement uses it; null = the device's setting.</summary>
    public bool? BtHomeAdvertising { get; set; }

    /// <summary>True: the advertisement pauses while the phone is connected, as on the device.</summary>
    public bool PhoneBlocksAdvertising { get; init; }

    /// <summary>
    /// The observations kept: all of them, or with <see cref="LogKeep"/> set at least the newest LogKeep (older ones are
    /// dropped in batches). Index <see cref="FirstLogged"/> + i is observation i of the run.
    /// </summary>
    public IReadOnlyList<PhoneObservation> Log => _log;

    /// <summary>0: keep every observation (tests read the whole run). N: keep at least the newest N, so a long run's
    /// memory stays flat (simulate over a day-long recording).</summary>
    public int LogKeep { get; init; }

    /// <summary>Observations made since the start, kept or dropped.</summary>
    public long Logged => _dropped + _log.Count;

    /// <summary>How many of the oldest observations were dropped: the run index of <c>Log[0]</c>.</summary>
    public long FirstLogged => _dropped;

    private long _dropped;

    /// <summary>What the subscribed phone has reconstructed from notifications so far.</summary>
    public TrackerStatus PhoneView { get; } = new();

    /// <summary>What a fitness app subscribed to RSC shows now; null before the first measurement.</summary>
    public string? LastRsc { get; private set; }

    /// <summary>The Battery Level the phone was last notified of; null before the first.</summary>
    public int? LastBatteryPercent { get; private set; }

    /// <summary>The Health the phone was last notified of; null before the first.</summary>
    public DeviceHealth? LastHealth { get; private set; }

    /// <summary>The Session summary the phone was last notified of; null before the first.</summary>
    public SessionRecord? LastSession { get; private set; }

    /// <summary>The session download in progress or last finished (<see cref="DownloadSessions"/>).</summary>
    public SessionLogReader? SessionLog { get; private set; }

    /// <summary>What the scanner decoded from the last advertisement it received; null before the first.</summary>
    public BtHomeReading? LastBtHome { get; private set; }

    /// <summary>The last advertisement and scan response as broadcast.</summary>
    public AdvertisementFrames Frames => Adverts.Frames;

    /// <summary>True while a scanner hears the advertisement (it was started and no connected phone blocks it).</summary>
    public bool Advertising => _stackStatus == AdvertisingSequence.StatusStarted && !(PhoneBlocksAdvertising && _phoneConnected);

    public bool PhoneConnected => _phoneConnected;

    /// <summary>The GATT session, bound to the device loop by <see cref="Bind"/> (or to stand-in sinks if used alone).</summary>
    public GattSessionState Session => _session ?? Bind(new DetachedSinks(), new DetachedSinks(), null);

    private AdvertisingSequence Adverts
    {
        get
        {
            _ = Session;
            return _adverts!;
        }
    }

    public void Bind(DeviceLoop loop, ISessionSource? sessions)
    {
        Bind(loop, loop, loop.History);
        if (sessions is not null)
        {
            AttachSessions(sessions);
        }
    }

    /// <summary>Serves <paramref name="sessions"/> on the Session and Session log characteristics.</summary>
    public void AttachSessions(ISessionSource sessions) => Session.AttachSessions(sessions);

    /// <summary>
    /// The phone downloads the kept sessions from number <paramref name="fromNumber"/> on: it writes Control Point
    /// 0x13 (it is subscribed to Session log already) and reads the notifications until the end marker. Returns the
    /// Control Point's status; the sessions are in <see cref="SessionLog"/>.
    /// </summary>
    public byte DownloadSessions(uint fromNumber)
    {
        SessionLog = new SessionLogReader();
        var request = new byte[ControlPointCodec.MaxRequestLength];
        int n = ControlPointCodec.EncodeRequest(ControlOp.RequestSessions, fromNumber, request, 0);
        _lastControlStatus = 0;
        PhoneWrites(GattTable.ControlPoint, request[..n]);
        return _lastControlStatus;
    }

    private byte _lastControlStatus;

    /// <summary>From the loop's health monitor: the Health notification (and the advertisement's device-fault flag).</summary>
    public void PublishHealth(DeviceHealth health)
    {
        Session.PublishHealth(health);
        Deliver();
    }

    private GattSessionState Bind(ICommandSink commands, IConfigSink config, IHistorySource? history)
    {
        _session = new GattSessionState(commands, config, history, Battery is null ? null : new BatteryReporter(Battery));
        _adverts = new AdvertisingSequence(DeviceName);
        // Nothing is published yet, so nothing is advertised (and the time is unused): the first Advertise starts it.
        // (The clock may not exist yet: the device binds its publisher while it is being built.)
        _adverts.Start(BtHome, 0);
        RunAdvertising();
        ConnectPhone();
        return _session;
    }

    private bool BtHome => BtHomeAdvertising ?? _session!.BtHomeAdvertising;

    /// <summary>
    /// True (the default) for a phone the wearer paired in a pairing window earlier: on connecting it re-encrypts with
    /// its bond, as a bonded phone does, so its writes are accepted. False: a stranger's phone, whose link stays
    /// unencrypted and every write is answered 0x05 (docs/ble.md, Pairing).
    /// </summary>
    public bool PhoneBonded { get; set; } = true;

    /// <summary>The phone connects (re-encrypting with its bond if <see cref="PhoneBonded"/>) and subscribes to every characteristic that notifies.</summary>
    public void ConnectPhone()
    {
        _phoneConnected = true;
        Session.ConnectionChanged(true);
        if (PhoneBonded)
        {
            Session.Link.PairingCompleted(encrypted: true, approved: true, window: null);
        }

        Adverts.ConnectionChanged(PhoneBlocksAdvertising);
        for (int id = 0; id < GattTable.Count; id++)
        {
            if (GattTable.Can(id, GattTable.PropertyNotify))
            {
                Session.SubscribersChanged(id, 1);
            }
        }
    }

    /// <summary>The phone goes away; the stack resumes advertising the last data (as nanoFramework does).</summary>
    public void DisconnectPhone()
    {
        _phoneConnected = false;
        Session.ConnectionChanged(false);
        Adverts.ConnectionChanged(false);
        if (PhoneBlocksAdvertising && _stackStatus == AdvertisingSequence.StatusStarted)
        {
            LogAdvert(_clockMs(), "resumed");
        }
    }

    /// <summary>The phone writes <paramref name="value"/> to characteristic <paramref name="id"/>; returns the ATT answer.</summary>
    public byte PhoneWrites(int id, byte[] value)
    {
        Array.Copy(value, Session.WriteBuffer, Math.Min(value.Length, Session.WriteBuffer.Length));
        byte answer = Session.Write(id, 0, value.Length);
        if (Session.TakeAdvertisementChanged())
        {
            Adverts.Invalidate();
        }

        Deliver();
        while (Session.NextHistoryPacket() is int n and > 0)
        {
            Add(new PhoneObservation(_clockMs(), "notify", GattTable.Name(GattTable.History), $"{n / HistoryCodec.RecordLength} records",
                Session.Value(GattTable.History)[..n], true));
        }

        while (Session.NextSessionLogPacket() is int n and > 0)
        {
            byte[] packet = Session.Value(GattTable.SessionLog)[..n];
            bool ok = SessionLog?.Add(packet) ?? true;
            string decoded = SessionLog is null ? $"{n} bytes"
                : SessionLog.Error ?? (SessionLog.Ended ? $"end: {SessionLog.EndCount} sessions" : $"packet {packet[0]}, {SessionLog.Sessions.Count} sessions so far");
            Add(new PhoneObservation(_clockMs(), "notify", GattTable.Name(GattTable.SessionLog), decoded, packet, ok));
        }

        return answer;
    }

    /// <summary>The phone reads characteristic <paramref name="id"/>: the value, or null on an ATT error.</summary>
    public byte[]? PhoneReads(int id, long utcNowS)
    {
        byte answer = Session.Read(id, utcNowS, 0);
        return answer == GattWrites.Accept ? Session.Value(id)[..Session.ValueLength(id)] : null;
    }

    public void Publish(TrackerStatus status, int changedFields)
    {
        Session.Publish(status, changedFields);
        Adverts.Published(status);
        Deliver();
    }

    public void Advertise(TrackerStatus status)
    {
        long now = _clockMs();
        Session.UpdateBattery(status, now);
        Session.BeforeAdvertise(status, now);
        Deliver();
        if (Adverts.Offer(status, now) && Adverts.BeginRefresh(BtHome, _stackStatus))
        {
            RunAdvertising();
        }
    }

    /// <summary>The emulated stack: stopping takes one poll, starting puts the frames on the air.</summary>
    private void RunAdvertising()
    {
        int stopPolls = 0;
        while (true)
        {
            switch (_adverts!.Next(_stackStatus))
            {
                case AdvertisingSequence.ActionStop:
                    stopPolls = 1;
                    break;
                case AdvertisingSequence.ActionWait:
                    if (--stopPolls <= 0)
                    {
                        _stackStatus = AdvertisingSequence.StatusStopped;
                    }

                    break;
                case AdvertisingSequence.ActionStart:
                    _stackStatus = AdvertisingSequence.StatusStarted;
                    LogAdvert(_clockMs(), null);
                    return;
                default:
                    return;
            }
        }
    }

    private void LogAdvert(long now, string? note)
    {
        AdvertisementFrames frames = _adverts!.Frames;
        byte[] advertisement = frames.Advertisement[..frames.AdvertisementLength];
        int at = AdvertisementCodec.Find(advertisement, 0, advertisement.Length,
            AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int dataLength);
        if (at < 0)
        {
            Add(new PhoneObservation(now, "advert", "no BTHome", note ?? "name only", advertisement, !BtHome));
            return;
        }

        var reading = new BtHomeReading();
        byte result = BtHomeCodec.DecodeServiceData(advertisement, at, dataLength, reading);
        if (result == CodecStatus.Ok)
        {
            LastBtHome = reading;
        }

        string decoded = result == CodecStatus.Ok ? Describe(reading) : $"decode error {result}";
        Add(new PhoneObservation(now, "advert", "BTHome", note is null ? decoded : $"{note}: {decoded}", advertisement, result == CodecStatus.Ok));
    }

    /// <summary>Decodes what the session notified, as the phone does.</summary>
    private void Deliver()
    {
        int pending = Session.TakeNotifications();
        for (int id = 0; id < GattTable.Count; id++)
        {
            if ((pending & GattSessionState.Bit(id)) == 0)
            {
                continue;
            }

            byte[] payload = Session.Value(id)[..Session.ValueLength(id)];
            string decoded;
            byte result;
            if (id < StatusCharacteristics.Count)
            {
                result = StatusCharacteristics.Decode(id, payload, 0, payload.Length, PhoneView);
                decoded = result == CodecStatus.Ok ? Describe(id, PhoneView) : $"decode error {result}";
            }
            else if (id == GattTable.RscMeasurement)
            {
                result = RscMeasurementCodec.Decode(payload, 0, payload.Length, _rscSeen);
                decoded = result == CodecStatus.Ok ? Describe(_rscSeen) : $"decode error {result}";
                LastRsc = decoded;
            }
            else if (id == GattTable.BatteryLevel)
            {
                result = BatteryLevelCodec.Decode(payload, 0, payload.Length, out byte percent);
                decoded = result == CodecStatus.Ok ? $"{percent} % ({Session.BatteryCellMv} mV)" : $"decode error {result}";
                LastBatteryPercent = result == CodecStatus.Ok ? percent : LastBatteryPercent;
            }
            else if (id == GattTable.ControlPoint)
            {
                result = ControlPointCodec.DecodeResponse(payload, 0, payload.Length, out byte op, out byte status);
                decoded = result == CodecStatus.Ok ? $"op 0x{op:X2}: status {status}" : $"decode error {result}";
                _lastControlStatus = result == CodecStatus.Ok ? status : (byte)0;
            }
            else if (id == GattTable.Health)
            {
                var health = new DeviceHealth();
                result = HealthCodec.Decode(payload, 0, payload.Length, health);
                decoded = result == CodecStatus.Ok ? Describe(health) : $"decode error {result}";
                LastHealth = result == CodecStatus.Ok ? health : LastHealth;
            }
            else if (id == GattTable.Session)
            {
                var session = new SessionRecord();
                result = SessionCodec.DecodeSummary(payload, 0, payload.Length, session, new int[SessionCodec.FigureCount]);
                decoded = result == CodecStatus.Ok ? Describe(session, SessionCodec.InProgress(payload, 0)) : $"decode error {result}";
                LastSession = result == CodecStatus.Ok ? session : LastSession;
            }
            else if (id == GattTable.CurrentTime)
            {
                result = CurrentTimeCodec.Decode(payload, 0, payload.Length, out uint local);
                decoded = result == CodecStatus.Ok ? $"local {Epoch(local)}" : $"decode error {result}";
            }
            else
            {
                result = CodecStatus.Ok;
                decoded = Convert.ToHexString(payload);
            }

            Add(new PhoneObservation(_clockMs(), "notify", GattTable.Name(id), decoded, payload, result == CodecStatus.Ok));
        }
    }

    private void Add(PhoneObservation observation)
    {
        if (LogKeep > 0 && _log.Count >= 2 * LogKeep)
        {
            _log.RemoveRange(0, LogKeep);
            _dropped += LogKeep;
        }

        _log.Add(observation);
    }

    /// <summary>Prints the log, one observation a line (for the <c>simulate</c> command).</summary>
    public void WriteTo(TextWriter writer)
    {
        foreach (PhoneObservation observation in _log)
        {
            writer.WriteLine(observation);
        }
    }

    private static string Describe(int characteristic, TrackerStatus s) => characteristic switch
    {
        StatusCharacteristics.ForwardSteps => $"{s.ForwardSteps}",
        StatusCharacteristics.BackwardSteps => $"{s.BackwardSteps}",
        StatusCharacteristics.Snapshot =>
            $"fwd {s.ForwardSteps}, bwd {s.BackwardSteps}, reset {Epoch(s.ResetEpochS)}, {s.CadenceSpm} steps/min, {s.Direction}",
        StatusCharacteristics.TiltAlarm =>
            $"{Degrees(s.TiltDeciDeg)} {s.TiltDirection}, alarm {s.Alarm}, clock {(s.ClockSynced ? "synced" : "unset")}",
        StatusCharacteristics.BackwardSession =>
            $"{s.BackwardWalkingS} s backward, longest {s.LongestBackwardStreakSteps} steps, {s.BackwardIntervals} intervals",
        StatusCharacteristics.Cadence => $"{s.CadenceSpm} steps/min",
        _ => Degrees(s.TiltDeciDeg),
    };

    /// <summary>What a fitness app shows: speed (m/s and km/h), cadence, stride, walking or running.</summary>
    private static string Describe(RscMeasurement m)
    {
        double speed = m.SpeedQ8MPerS / 256.0;
        string stride = m.HasStrideLength ? string.Create(CultureInfo.InvariantCulture, $", stride {m.StrideLengthCm / 100.0:0.00} m") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{speed:0.00} m/s ({speed * 3.6:0.0} km/h), {m.CadencePerMin} steps/min{stride}, {(m.Running ? "running" : "walking")}");
    }

    /// <summary>What the phone shows for a Health notification.</summary>
    public static string Describe(DeviceHealth h) => string.Create(CultureInfo.InvariantCulture,
        $"{(h.HasFault ? "FAULT" : "ok")}: sensor {h.Sensor}, last save {h.LastSave}, restore {h.Restore}, up {h.UptimeS} s, I2C errors {h.I2cErrors}, resyncs {h.FifoResyncs}, overflows {h.FifoOverflows}, failed saves {h.FailedSaves}, re-inits {h.SensorReinits}");

    /// <summary>What the phone shows for a Session summary.</summary>
    public static string Describe(SessionRecord s, bool inProgress) => string.Create(CultureInfo.InvariantCulture,
        $"session {s.Number}{(inProgress ? " (running)" : "")}: {s.DurationMs / 1000} s, forward {s.ForwardSteps} steps, backward {s.BackwardSteps} steps, {s.ForwardKcal + s.BackwardKcal} kcal, {s.IntervalTotal} intervals");

    private static string Describe(BtHomeReading r)
    {
        string counts = string.Join(", ", r.Counts.Take(r.CountCount).Select((c, i) => $"count_{i + 1} {c}"));
        string rotation = r.HasRotation ? Degrees(r.RotationDeciDeg) : "-";
        string battery = r.BatteryPercent >= 0 ? $"battery {r.BatteryPercent} %, " : "";
        return $"packet {r.PacketId}, {battery}fall (problem_1) {(r.Problem ? "on" : "off")}, device fault (problem_2) {(r.DeviceProblem ? "on" : "off")}, tilt warning (safety) {(r.Unsafe ? "on" : "off")}, {counts}, rotation {rotation}";
    }

    private static string Degrees(short deciDegrees) =>
        (deciDegrees / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "°";

    private static string Epoch(uint epochS) =>
        epochS == 0 ? "clock unset" : DateTimeOffset.FromUnixTimeSeconds(epochS).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
