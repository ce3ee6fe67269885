using System.Globalization;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Power;
using RetroWalk.Core.Status;

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
/// The host stand-in for the device's BLE adapter: encodes every publication with the core codecs exactly as the
/// firmware does (same characteristic table, same change bits, same advertisement builder and refresh policy), then
/// decodes each payload as a phone (nRF Connect, a GATT client) or a passive scanner (Home Assistant's BTHome
/// integration) would, and logs what they see. It models a subscribed phone for notifications and a scanner for the
/// advertisement at the same time; on the device the advertisement pauses while a phone is connected.
/// </summary>
public sealed class RecordingPublisher : IStatusPublisher
{
    private readonly Func<long> _clockMs;
    private readonly byte[] _payload = new byte[StatusCharacteristics.MaxLength];
    private readonly AdvertisementFrames _frames = new();
    private readonly AdvertRefreshPolicy _policy = new();
    private readonly List<PhoneObservation> _log = new();
    private readonly RscMeasurement _rsc = new();
    private readonly RscMeasurement _rscSeen = new();
    private readonly byte[] _rscBytes = new byte[RscMeasurementCodec.MaxLength];
    private readonly BatteryGauge _gauge = BatteryDivider.NewGauge();
    private long _lastBatteryMs = long.MinValue;

    /// <param name="clockMs">Device time in ms for the log (the emulated loop's clock); 0 if omitted.</param>
    public RecordingPublisher(Func<long>? clockMs = null)
    {
        _clockMs = clockMs ?? (() => 0);
    }

    /// <summary>Device name as advertised.</summary>
    public string DeviceName { get; init; } = AdvertisementCodec.DefaultDeviceName;

    /// <summary>The battery divider's ADC, as on the device; null = no battery part (no Battery Level).</summary>
    public IBatteryAdc? Battery { get; init; }

    /// <summary>Step lengths for the RSC speed, cm (the defaults for a 170 cm wearer).</summary>
    public int ForwardStepCm { get; init; } = StepLengths.ForwardFromHeightCm(StepLengths.DefaultHeightCm);
    public int BackwardStepCm { get; init; } = StepLengths.BackwardFromForwardCm(StepLengths.ForwardFromHeightCm(StepLengths.DefaultHeightCm));

    /// <summary>Config flag b0: broadcast BTHome service data.</summary>
    public bool BtHomeAdvertising { get; set; } = true;

    public IReadOnlyList<PhoneObservation> Log => _log;

    /// <summary>What the subscribed phone has reconstructed from notifications so far.</summary>
    public TrackerStatus PhoneView { get; } = new();

    /// <summary>What a fitness app subscribed to RSC shows now; null before the first measurement.</summary>
    public string? LastRsc { get; private set; }

    /// <summary>What the scanner decoded from the last advertisement it received; null before the first.</summary>
    public BtHomeReading? LastBtHome { get; private set; }

    /// <summary>The last advertisement and scan response as broadcast.</summary>
    public AdvertisementFrames Frames => _frames;

    public void Publish(TrackerStatus status, int changedFields)
    {
        for (int c = 0; c < StatusCharacteristics.Count; c++)
        {
            if ((changedFields & StatusCharacteristics.Field(c)) == 0)
            {
                continue;
            }

            int length = StatusCharacteristics.Encode(c, status, _payload, 0);
            byte result = StatusCharacteristics.Decode(c, _payload, 0, length, PhoneView);
            string decoded = result == CodecStatus.Ok ? Describe(c, PhoneView) : $"decode error {result}";
            _log.Add(new PhoneObservation(_clockMs(), "notify", StatusCharacteristics.Description(c).Split(':')[0],
                decoded, _payload[..length], result == CodecStatus.Ok));
        }

        if ((changedFields & StatusFields.Snapshot) != 0)
        {
            // As the device's StandardServices: the RSC Measurement follows the Snapshot; a fitness app decodes it.
            RscMetrics.Fill(status.CadenceSpm, status.Direction, status.Running, ForwardStepCm, BackwardStepCm, _rsc);
            int length = RscMeasurementCodec.Encode(_rsc, _rscBytes, 0);
            byte result = RscMeasurementCodec.Decode(_rscBytes, 0, length, _rscSeen);
            LastRsc = result == CodecStatus.Ok ? Describe(_rscSeen) : $"decode error {result}";
            _log.Add(new PhoneObservation(_clockMs(), "notify", "RSC Measurement", LastRsc, _rscBytes[..length], result == CodecStatus.Ok));
        }
    }

    /// <summary>As the device's StandardServices.UpdateBattery: measures once a minute, notifies on change.</summary>
    private void UpdateBattery(TrackerStatus status, long now)
    {
        if (Battery != null && (_lastBatteryMs == long.MinValue || now - _lastBatteryMs >= BatteryDivider.MeasureIntervalMs))
        {
            _lastBatteryMs = now;
            int sum = Battery.ReadRawSum(BatteryDivider.ReadingsPerMeasurement);
            if (sum >= 0 && _gauge.Update(sum, BatteryDivider.ReadingsPerMeasurement))
            {
                byte[] bytes = new byte[BatteryLevelCodec.Length];
                BatteryLevelCodec.Encode(Math.Max(0, _gauge.Percent), bytes, 0);
                byte result = BatteryLevelCodec.Decode(bytes, 0, bytes.Length, out byte percent);
                _log.Add(new PhoneObservation(now, "notify", "Battery Level",
                    result == CodecStatus.Ok ? $"{percent} % ({_gauge.CellMv} mV)" : $"decode error {result}", bytes, result == CodecStatus.Ok));
            }
        }

        status.BatteryPercent = _gauge.Percent;
    }

    public void Advertise(TrackerStatus status)
    {
        long now = _clockMs();
        UpdateBattery(status, now);
        if (!_policy.IsDue(status, now, clientConnected: false))
        {
            return;
        }

        _policy.MarkAdvertised(status, now);
        _frames.Build(status, BtHomeAdvertising, DeviceName);
        byte[] advertisement = _frames.Advertisement[.._frames.AdvertisementLength];
        int at = AdvertisementCodec.Find(advertisement, 0, advertisement.Length,
            AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int dataLength);
        if (at < 0)
        {
            _log.Add(new PhoneObservation(now, "advert", "no BTHome", "name only", advertisement, !BtHomeAdvertising));
            return;
        }

        var reading = new BtHomeReading();
        byte result = BtHomeCodec.DecodeServiceData(advertisement, at, dataLength, reading);
        if (result == CodecStatus.Ok)
        {
            LastBtHome = reading;
        }

        _log.Add(new PhoneObservation(now, "advert", "BTHome",
            result == CodecStatus.Ok ? Describe(reading) : $"decode error {result}", advertisement, result == CodecStatus.Ok));
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

    private static string Describe(BtHomeReading r)
    {
        string counts = string.Join(", ", r.Counts.Take(r.CountCount).Select((c, i) => $"count_{i + 1} {c}"));
        string rotation = r.HasRotation ? Degrees(r.RotationDeciDeg) : "-";
        string battery = r.BatteryPercent >= 0 ? $"battery {r.BatteryPercent} %, " : "";
        return $"packet {r.PacketId}, {battery}fall (problem) {(r.Problem ? "on" : "off")}, tilt warning (safety) {(r.Unsafe ? "on" : "off")}, {counts}, rotation {rotation}";
    }

    private static string Degrees(short deciDegrees) =>
        (deciDegrees / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "°";

    private static string Epoch(uint epochS) =>
        epochS == 0 ? "clock unset" : DateTimeOffset.FromUnixTimeSeconds(epochS).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
