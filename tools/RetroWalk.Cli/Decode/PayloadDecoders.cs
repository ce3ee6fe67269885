using System.Globalization;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Status;
using RetroWalk.Host.Settings;

namespace RetroWalk.Cli.Decode;

/// <summary>
/// What `retrowalk decode` knows: one entry per payload, each decoding with the core's own codec (so the tool and the
/// firmware cannot disagree) and then naming the fields with their units. Adding a payload is adding one entry.
/// </summary>
public static class PayloadDecoders
{
    public static readonly IReadOnlyList<PayloadDecoder> All =
    [
        .. Custom(),
        .. StandardDecoders.All,
    ];

    private static PayloadDecoder[] Custom() =>
    [
        Status("forward-steps", StatusCharacteristics.ForwardSteps),
        Status("backward-steps", StatusCharacteristics.BackwardSteps),
        Status("snapshot", StatusCharacteristics.Snapshot),
        Status("tilt-alarm", StatusCharacteristics.TiltAlarm),
        Status("session", StatusCharacteristics.BackwardSession),
        Status("cadence", StatusCharacteristics.Cadence),
        Status("tilt", StatusCharacteristics.Tilt),
        new("config", $"Config characteristic (read/write, {ConfigCodec.Length} bytes, or a write of the leading fields): every setting", Config),
        new("current-time", "Current Time 0x2A2B (10 bytes, local time)", CurrentTime),
        new("control-point", "Control Point request (op code and its parameter)", ControlRequest),
        new("control-response", "Control Point response notification (80 op status)", ControlResponse),
        new("history", "History notification: hourly records of 8 bytes (hour start, forward, backward) or the terminator", History),
        new("health", $"Health characteristic (read/notify, {HealthCodec.Length} bytes): sensor, saves, restore at boot, uptime, fault counts", Health),
        new("history-stream", "A whole History transfer: every notification's bytes one after another, ending with the terminator", HistoryStream),
        new("raw-samples", "Raw samples notification (recording mode): sequence u16, flags u8, n × 6 s16 counts", RawSamples),
        new("raw-format", "Raw samples read (7 bytes): format version, recording state, rate, accelerometer and gyroscope ranges", RawFormat),
        new("bthome", "BTHome v2 service data (from the UUID D2 FC), as Home Assistant reads it", BtHome),
        new("advert", "A whole advertisement or scan response: AD structures (flags, BTHome, names, service UUIDs)", Advert),
        SessionDecoder.Entry,
        new("presentation-format", "Characteristic Presentation Format descriptor 0x2904 (7 bytes)", Presentation),
    ];

    public static PayloadDecoder? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>The one-line error for a codec's status.</summary>
    public static string Problem(byte status, int length, string expected) => status switch
    {
        CodecStatus.BadLength => $"wrong length: {length} bytes, expected {expected}",
        CodecStatus.Unsupported => "well-formed but not supported by this firmware",
        _ => "a field is out of its documented range",
    };

    private static PayloadDecoder Status(string name, int characteristic) =>
        new(name, $"{StatusCharacteristics.Description(characteristic)} ({StatusCharacteristics.Length(characteristic)} bytes)", bytes =>
        {
            var status = new TrackerStatus();
            var result = StatusCharacteristics.Decode(characteristic, bytes, 0, bytes.Length, status);
            if (result != CodecStatus.Ok)
            {
                return DecodedPayload.Fail(Problem(result, bytes.Length, $"{StatusCharacteristics.Length(characteristic)}"));
            }
            var d = new DecodedPayload();
            switch (characteristic)
            {
                case StatusCharacteristics.ForwardSteps: return d.Add("forward steps", $"{status.ForwardSteps} steps");
                case StatusCharacteristics.BackwardSteps: return d.Add("backward steps", $"{status.BackwardSteps} steps");
                case StatusCharacteristics.Snapshot:
                    return d.Add("forward steps", $"{status.ForwardSteps} steps")
                        .Add("backward steps", $"{status.BackwardSteps} steps")
                        .Add("counts reset at", Epoch(status.ResetEpochS))
                        .Add("cadence", $"{status.CadenceSpm} steps/min")
                        .Add("direction", status.Direction.ToString());
                case StatusCharacteristics.TiltAlarm:
                    return d.Add("tilt", Inv($"{status.TiltDeciDeg / 10.0:F1} °"))
                        .Add("tilt direction", status.TiltDirection.ToString())
                        .Add("alarm", status.Alarm.ToString())
                        .Add("clock synced", status.ClockSynced ? "yes" : "no");
                case StatusCharacteristics.BackwardSession:
                    return d.Add("backward walking time", $"{status.BackwardWalkingS} s")
                        .Add("longest backward streak", $"{status.LongestBackwardStreakSteps} steps")
                        .Add("backward intervals", $"{status.BackwardIntervals}");
                case StatusCharacteristics.Cadence: return d.Add("cadence", $"{status.CadenceSpm} steps/min");
                default: return d.Add("tilt", Inv($"{status.TiltDeciDeg / 10.0:F1} °"));
            }
        });

    private static string Epoch(uint epochS) =>
        epochS == 0 ? "0 (clock not set)" : $"{epochS} ({DateTimeOffset.FromUnixTimeSeconds(epochS):yyyy-MM-dd HH:mm:ss} UTC)";

    private static DecodedPayload Health(byte[] bytes)
    {
        var h = new RetroWalk.Core.Health.DeviceHealth();
        var result = HealthCodec.Decode(bytes, 0, bytes.Length, h);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, $"{HealthCodec.Length}") +
                (result == CodecStatus.OutOfRange ? " (sensor 0..5, last save 0..2, restore 0..3, flags 0 or 1)" : ""));
        }
        var uptime = TimeSpan.FromSeconds(h.UptimeS);
        return new DecodedPayload()
            .Add("fault", HealthCodec.FaultFlag(bytes, 0, bytes.Length) ? "yes" : "no")
            .Add("sensor", h.Sensor.ToString())
            .Add("last save", h.LastSave.ToString())
            .Add("restore at boot", h.Restore.ToString())
            .Add("uptime", Inv($"{h.UptimeS} s ({(int)uptime.TotalDays} d {uptime.Hours:D2}:{uptime.Minutes:D2}:{uptime.Seconds:D2})"))
            .Add("I2C errors", $"{h.I2cErrors}")
            .Add("FIFO resyncs", $"{h.FifoResyncs}")
            .Add("FIFO overflows", $"{h.FifoOverflows}")
            .Add("failed saves", $"{h.FailedSaves}")
            .Add("sensor re-inits", $"{h.SensorReinits}");
    }

    private static DecodedPayload Config(byte[] bytes)
    {
        var scratch = new UserSettings();
        var settings = new UserSettings();
        var result = ConfigCodec.Decode(bytes, 0, bytes.Length, scratch, settings);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, $"{ConfigCodec.Length}, or a write ending at a field boundary") +
                (result == CodecStatus.OutOfRange ? SettingsText.RangeHint(scratch) : ""));
        }

        int fields = SettingsCodec.Decode(bytes, 0, bytes.Length, scratch);
        var payload = new DecodedPayload();
        foreach (var (label, value) in SettingsText.Lines(settings, fields))
        {
            payload.Add(label, value);
        }

        if (fields < SettingTable.Count)
        {
            payload.Add("settings not in this write", $"{SettingTable.Count - fields} (unchanged)");
        }

        return payload;
    }

    private static DecodedPayload CurrentTime(byte[] bytes)
    {
        var result = CurrentTimeCodec.Decode(bytes, 0, bytes.Length, out var local);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, $"{CurrentTimeCodec.Length}") +
                (result == CodecStatus.OutOfRange ? $" (year {CurrentTimeCodec.MinYear}..{CurrentTimeCodec.MaxYear}, a real date and time, day of week 0 or matching)" : ""));
        }
        var reason = bytes[9];
        var reasons = new List<string>();
        if ((reason & CurrentTimeCodec.AdjustManual) != 0) reasons.Add("manual");
        if ((reason & CurrentTimeCodec.AdjustExternalReference) != 0) reasons.Add("external reference");
        if ((reason & 0x04) != 0) reasons.Add("time zone change");
        if ((reason & 0x08) != 0) reasons.Add("DST change");
        return new DecodedPayload()
            .Add("local time", $"{DateTimeOffset.FromUnixTimeSeconds(local):yyyy-MM-dd HH:mm:ss}")
            .Add("day of week", bytes[7] == 0 ? "0 (unknown)" : ((DayOfWeek)(bytes[7] % 7)).ToString())
            .Add("fractions", Inv($"{bytes[8]}/256 s"))
            .Add("adjust reason", reasons.Count == 0 ? $"0x{reason:X2}" : $"0x{reason:X2} ({string.Join(", ", reasons)})");
    }

    private static string OpName(byte op) => op switch
    {
        ControlOp.ResetCounts => "reset counts",
        ControlOp.AcknowledgeAlarm => "acknowledge alarm",
        ControlOp.Identify => "identify",
        ControlOp.RecaptureUpright => "recapture upright",
        ControlOp.RequestHistory => "request history",
        ControlOp.StartRecording => "start recording",
        ControlOp.StopRecording => "stop recording",
        ControlOp.SetCurrentTime => "set current time",
        _ => $"unknown op 0x{op:X2}",
    };

    private static DecodedPayload RawSamples(byte[] bytes)
    {
        var result = RawSamplesCodec.DecodePacket(bytes, 0, bytes.Length, out var sequence, out var flags, out var count);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, $"{RawSamplesCodec.HeaderLength} + {RawSamplesCodec.SampleLength} × n"));
        }
        var names = new List<string>();
        if ((flags & RawSamplesCodec.FlagStart) != 0) names.Add("start");
        if ((flags & RawSamplesCodec.FlagSensorGap) != 0) names.Add("sensor gap before");
        if ((flags & RawSamplesCodec.FlagEnd) != 0) names.Add("end");
        var d = new DecodedPayload()
            .Add("first sample", $"{sequence} (index since the start, mod 65536)")
            .Add("flags", names.Count == 0 ? "none" : string.Join(", ", names))
            .Add("samples", $"{count}");
        for (int i = 0; i < count; i++)
        {
            d.Add($"sample {sequence + i}", Inv($"ax {RawSamplesCodec.GetCount(bytes, 0, i, 0)}, ay {RawSamplesCodec.GetCount(bytes, 0, i, 1)}, az {RawSamplesCodec.GetCount(bytes, 0, i, 2)}, gx {RawSamplesCodec.GetCount(bytes, 0, i, 3)}, gy {RawSamplesCodec.GetCount(bytes, 0, i, 4)}, gz {RawSamplesCodec.GetCount(bytes, 0, i, 5)} counts"));
        }
        return d;
    }

    private static DecodedPayload RawFormat(byte[] bytes)
    {
        var sensor = new SensorConfig();
        var result = RawSamplesCodec.DecodeFormat(bytes, 0, bytes.Length, out var recording, sensor);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, $"{RawSamplesCodec.FormatLength}"));
        }
        return new DecodedPayload()
            .Add("version", $"{bytes[0]}")
            .Add("recording", recording ? "on" : "off")
            .Add("rate", $"{sensor.SampleRateHz} Hz")
            .Add("accelerometer range", $"±{2 << (int)sensor.AccelRange} g")
            .Add("gyroscope range", $"±{RawSamplesCodec.GyroRangeDps(sensor.GyroRange)} °/s");
    }

    private static DecodedPayload ControlRequest(byte[] bytes)
    {
        var result = ControlPointCodec.DecodeRequest(bytes, 0, bytes.Length, out var op, out var argument);
        if (result != ControlStatus.Ok)
        {
            return DecodedPayload.Fail(result == ControlStatus.Unsupported
                ? $"unknown op code 0x{op:X2}"
                : bytes.Length == 0 ? "empty request" : $"wrong length for {OpName(op)}: {bytes.Length} bytes, expected {ControlPointCodec.RequestLength(op)}");
        }
        var d = new DecodedPayload().Add("op", $"0x{op:X2} ({OpName(op)})");
        if (ControlPointCodec.RequestLength(op) > 1)
        {
            d.Add(op == ControlOp.RequestHistory ? "since" : "argument", op is ControlOp.RequestHistory or ControlOp.SetCurrentTime ? Epoch(argument) : $"{argument}");
        }
        return d;
    }

    private static DecodedPayload ControlResponse(byte[] bytes)
    {
        var result = ControlPointCodec.DecodeResponse(bytes, 0, bytes.Length, out var op, out var status);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, $"{ControlPointCodec.ResponseLength}, starting 80"));
        }
        string statusName = status switch
        {
            ControlStatus.Ok => "success",
            ControlStatus.Unsupported => "op code not supported",
            ControlStatus.BadParameter => "invalid parameter",
            ControlStatus.Failed => "operation failed",
            _ => $"0x{status:X2}",
        };
        return new DecodedPayload().Add("request op", $"0x{op:X2} ({OpName(op)})").Add("status", $"{status} ({statusName})");
    }

    private static DecodedPayload History(byte[] bytes)
    {
        int records = bytes.Length / HistoryCodec.RecordLength;
        if (bytes.Length == 0 || bytes.Length % HistoryCodec.RecordLength != 0 || bytes.Length > HistoryCodec.MaxPayloadLength)
        {
            return DecodedPayload.Fail($"wrong length: {bytes.Length} bytes, expected a multiple of {HistoryCodec.RecordLength} up to {HistoryCodec.MaxPayloadLength}");
        }
        var d = new DecodedPayload();
        for (var i = 0; i < records; i++)
        {
            HistoryCodec.DecodeRecord(bytes, 0, bytes.Length, i, out var hour, out var forward, out var backward);
            if (hour == HistoryCodec.TerminatorEpoch)
            {
                d.Add($"record {i + 1}", $"end of transfer: {forward} records sent");
            }
            else
            {
                d.Add($"record {i + 1}", $"hour from {Epoch(hour)}: forward {forward} steps, backward {backward} steps");
            }
        }
        return d;
    }

    /// <summary>The records of a whole transfer, checked as the phone checks them: in order, ending with a terminator whose count matches.</summary>
    private static DecodedPayload HistoryStream(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length % HistoryCodec.RecordLength != 0)
        {
            return DecodedPayload.Fail($"wrong length: {bytes.Length} bytes, expected a multiple of {HistoryCodec.RecordLength}");
        }
        int records = bytes.Length / HistoryCodec.RecordLength;
        var d = new DecodedPayload();
        uint previous = 0;
        long forwardTotal = 0, backwardTotal = 0;
        for (var i = 0; i < records; i++)
        {
            HistoryCodec.DecodeRecord(bytes, 0, bytes.Length, i, out var hour, out var forward, out var backward);
            if (hour == HistoryCodec.TerminatorEpoch)
            {
                if (i != records - 1)
                {
                    return DecodedPayload.Fail($"terminator at record {i + 1} of {records}: records follow the end of the transfer");
                }
                if (forward != i)
                {
                    return DecodedPayload.Fail($"terminator says {forward} records were sent, the stream holds {i}");
                }
                return d.Add("total", $"{i} hourly records: forward {forwardTotal} steps, backward {backwardTotal} steps");
            }
            if (i > 0 && hour <= previous)
            {
                return DecodedPayload.Fail($"record {i + 1} ({hour}) is not after record {i} ({previous})");
            }
            previous = hour;
            forwardTotal += forward;
            backwardTotal += backward;
            d.Add($"hour from {Epoch(hour)}", $"forward {forward} steps, backward {backward} steps");
        }
        return DecodedPayload.Fail($"no terminator (FFFFFFFF): the transfer is incomplete after {records} records");
    }

    private static DecodedPayload BtHome(byte[] bytes)
    {
        var reading = new BtHomeReading();
        var result = BtHomeCodec.DecodeServiceData(bytes, 0, bytes.Length, reading);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(result switch
            {
                CodecStatus.BadLength => $"truncated BTHome data ({bytes.Length} bytes)",
                CodecStatus.Unsupported => "encrypted BTHome data, or an object id of unknown size",
                _ => "not BTHome v2 (UUID must be D2 FC, device info version 2)",
            });
        }
        return AddBtHome(new DecodedPayload(), reading);
    }

    /// <summary>The entities Home Assistant's BTHome integration creates from these objects.</summary>
    public static DecodedPayload AddBtHome(DecodedPayload d, BtHomeReading r)
    {
        d.Add("BTHome", r.TriggerBased ? "v2, unencrypted, trigger based" : "v2, unencrypted, regular interval");
        if (r.PacketId >= 0) d.Add("packet id", $"{r.PacketId}");
        if (r.BatteryPercent >= 0) d.Add("battery", $"{r.BatteryPercent} %");
        if (r.HasProblem) d.Add(r.HasDeviceProblem ? "problem_1 (fall)" : "problem", r.Problem ? "on" : "off");
        if (r.HasDeviceProblem) d.Add("problem_2 (device fault)", r.DeviceProblem ? "on" : "off");
        if (r.HasSafety) d.Add("safety", r.Unsafe ? "on (unsafe: tilt warning)" : "off");
        for (var i = 0; i < r.CountCount; i++) d.Add(r.CountCount > 1 ? $"count_{i + 1}" : "count", $"{r.Counts[i]}");
        if (r.HasRotation) d.Add("rotation", Inv($"{r.RotationDeciDeg / 10.0:F1} °"));
        if (r.OutOfOrder) d.Add("warning", "object ids not in ascending order");
        return d;
    }

    private static DecodedPayload Advert(byte[] bytes)
    {
        if (bytes.Length > AdvertisementCodec.MaxLegacyLength)
        {
            return DecodedPayload.Fail($"wrong length: {bytes.Length} bytes, a legacy advertisement holds at most {AdvertisementCodec.MaxLegacyLength}");
        }
        var d = new DecodedPayload();
        var at = 0;
        while (at < bytes.Length)
        {
            int length = bytes[at];
            if (length == 0)
            {
                break; // the rest is padding
            }
            if (at + 1 + length > bytes.Length)
            {
                return DecodedPayload.Fail($"AD structure at byte {at} claims {length} bytes, only {bytes.Length - at - 1} left");
            }
            byte type = bytes[at + 1];
            var data = bytes.AsSpan(at + 2, length - 1).ToArray();
            switch (type)
            {
                case AdvertisementCodec.TypeFlags:
                    d.Add("flags", data.Length == 1 ? FlagsText(data[0]) : $"{HexInput.Format(data)} (expected 1 byte)");
                    break;
                case AdvertisementCodec.TypeShortenedName:
                case AdvertisementCodec.TypeCompleteName:
                    d.Add(type == AdvertisementCodec.TypeCompleteName ? "complete local name" : "shortened local name",
                        Printable.Excerpt(System.Text.Encoding.UTF8.GetString(data)));
                    break;
                case AdvertisementCodec.TypeCompleteList128:
                    for (var i = 0; i + 16 <= data.Length; i += 16)
                    {
                        var uuid = new Guid(data.AsSpan(i, 16).ToArray().Reverse().ToArray(), bigEndian: true).ToString();
                        d.Add("128-bit service UUID", uuid + (string.Equals(uuid, BleUuids.Service, StringComparison.OrdinalIgnoreCase) ? " (RetroWalk service)" : ""));
                    }
                    break;
                case AdvertisementCodec.TypeServiceData16 when data.Length >= 2 && (data[0] | data[1] << 8) == BleUuids.BtHome:
                    var reading = new BtHomeReading();
                    var result = BtHomeCodec.DecodeServiceData(data, 0, data.Length, reading);
                    if (result != CodecStatus.Ok)
                    {
                        return DecodedPayload.Fail($"BTHome service data at byte {at}: {BtHome(data).Error}");
                    }
                    AddBtHome(d, reading);
                    break;
                default:
                    d.Add($"AD type 0x{type:X2}", HexInput.Format(data));
                    break;
            }
            at += 1 + length;
        }
        return d;
    }

    private static string FlagsText(byte flags)
    {
        var names = new List<string>();
        if ((flags & 0x01) != 0) names.Add("LE Limited Discoverable");
        if ((flags & 0x02) != 0) names.Add("LE General Discoverable");
        if ((flags & 0x04) != 0) names.Add("BR/EDR not supported");
        if ((flags & 0x08) != 0) names.Add("LE and BR/EDR controller");
        if ((flags & 0x10) != 0) names.Add("LE and BR/EDR host");
        return $"0x{flags:X2} ({string.Join(", ", names)})";
    }

    private static DecodedPayload Presentation(byte[] bytes)
    {
        var result = PresentationFormat.Decode(bytes, 0, bytes.Length, out var format, out var exponent, out var unit);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(Problem(result, bytes.Length, "7"));
        }
        return new DecodedPayload().Add("format", $"0x{format:X2}").Add("exponent", $"{exponent}").Add("unit", $"0x{unit:X4}");
    }
}
