using System.Globalization;
using RetroWalk.Core.Ble;

namespace RetroWalk.Cli.Decode;

/// <summary>Decoders of the SIG-standard characteristics (docs/ble.md, standard services), each over its core codec.</summary>
public static class StandardDecoders
{
    public static readonly IReadOnlyList<PayloadDecoder> All =
    [
        new("rsc", "RSC Measurement 0x2A53 (4-10 bytes): flags, speed, cadence, stride length, total distance", Rsc),
        new("rsc-feature", "RSC Feature 0x2A54 (2 bytes)", RscFeature),
        new("battery", "Battery Level 0x2A19 (1 byte, %)", Battery),
        new("alert-level", "Alert Level 0x2A06 of Immediate Alert (1 byte)", AlertLevel),
        new("local-time", "Local Time Information 0x2A0F (2 bytes): time zone, DST offset", LocalTime),
    ];

    private static DecodedPayload Rsc(byte[] bytes)
    {
        var m = new RscMeasurement();
        var result = RscMeasurementCodec.Decode(bytes, 0, bytes.Length, m);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(PayloadDecoders.Problem(result, bytes.Length, $"{RscMeasurementCodec.MinLength}..{RscMeasurementCodec.MaxLength} as the flags say"));
        }
        var d = new DecodedPayload()
            .Add("speed", string.Create(CultureInfo.InvariantCulture, $"{m.SpeedQ8MPerS / 256.0:F2} m/s"))
            .Add("cadence", $"{m.CadencePerMin} /min")
            .Add("status", m.Running ? "running" : "walking");
        if (m.HasStrideLength) d.Add("stride length", string.Create(CultureInfo.InvariantCulture, $"{m.StrideLengthCm / 100.0:F2} m"));
        if (m.HasTotalDistance) d.Add("total distance", string.Create(CultureInfo.InvariantCulture, $"{m.TotalDistanceDm / 10.0:F1} m"));
        return d;
    }

    private static DecodedPayload RscFeature(byte[] bytes)
    {
        var result = RscFeatureCodec.DecodeFeature(bytes, 0, bytes.Length, out var f);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(PayloadDecoders.Problem(result, bytes.Length, $"{RscFeatureCodec.FeatureLength}"));
        }
        var names = new List<string>();
        if ((f & RscFeatureCodec.StrideLengthSupported) != 0) names.Add("stride length");
        if ((f & RscFeatureCodec.TotalDistanceSupported) != 0) names.Add("total distance");
        if ((f & RscFeatureCodec.WalkingOrRunningSupported) != 0) names.Add("walking or running status");
        if ((f & RscFeatureCodec.CalibrationSupported) != 0) names.Add("calibration");
        if ((f & RscFeatureCodec.MultipleLocationsSupported) != 0) names.Add("multiple sensor locations");
        return new DecodedPayload().Add("features", $"0x{f:X4} ({(names.Count == 0 ? "none" : string.Join(", ", names))})");
    }

    private static DecodedPayload Battery(byte[] bytes)
    {
        var result = BatteryLevelCodec.Decode(bytes, 0, bytes.Length, out var percent);
        return result != CodecStatus.Ok
            ? DecodedPayload.Fail(PayloadDecoders.Problem(result, bytes.Length, $"{BatteryLevelCodec.Length}") + (result == CodecStatus.OutOfRange ? $" (0..{BatteryLevelCodec.MaxPercent} %)" : ""))
            : new DecodedPayload().Add("battery level", $"{percent} %");
    }

    private static DecodedPayload AlertLevel(byte[] bytes)
    {
        var result = AlertLevelCodec.Decode(bytes, 0, bytes.Length, out var level);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(PayloadDecoders.Problem(result, bytes.Length, $"{AlertLevelCodec.Length}") + (result == CodecStatus.OutOfRange ? " (0 no alert, 1 mild, 2 high)" : ""));
        }
        string name = level switch { AlertLevelCodec.NoAlert => "no alert", AlertLevelCodec.MildAlert => "mild alert", _ => "high alert" };
        return new DecodedPayload().Add("alert level", $"{level} ({name})");
    }

    private static DecodedPayload LocalTime(byte[] bytes)
    {
        var result = LocalTimeInfoCodec.Decode(bytes, 0, bytes.Length, out var total, out var dst);
        if (result != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(PayloadDecoders.Problem(result, bytes.Length, $"{LocalTimeInfoCodec.Length}") +
                (result == CodecStatus.OutOfRange ? " (time zone -48..56 quarter hours, DST 0, 2, 4 or 8, both known)" : ""));
        }
        static string Utc(int quarterHours)
        {
            int minutes = quarterHours * 15;
            return $"UTC{(minutes < 0 ? "-" : "+")}{Math.Abs(minutes) / 60:D2}:{Math.Abs(minutes) % 60:D2}";
        }
        return new DecodedPayload()
            .Add("time zone", Utc(total - dst))
            .Add("DST offset", $"+{dst * 15} min")
            .Add("local time offset", Utc(total));
    }
}
