using System.Globalization;
using RetroWalk.Core.Config;

namespace RetroWalk.Host.Recordings;

/// <summary>What the header of a RetroWalk CSV recording says (docs/recording-format.md).</summary>
public sealed record RetroWalkCsvHeader
{
    public int RateHz { get; init; } = SensorConfig.DefaultSampleRateHz;
    public AccelRange AccelRange { get; init; } = AccelRange.Range8G;
    public GyroRange GyroRange { get; init; } = GyroRange.Range500Dps;
    public MountAxis ForwardAxis { get; init; } = MountAxis.PlusZ;
    public int? TrueSteps { get; init; }
    public string? Placement { get; init; }

    /// <summary>The header of a recording made with the given sensor settings and mounting.</summary>
    public static RetroWalkCsvHeader For(TrackerConfig config, int? trueSteps = null, string? placement = null) => new()
    {
        RateHz = config.Sensor.SampleRateHz,
        AccelRange = config.Sensor.AccelRange,
        GyroRange = config.Sensor.GyroRange,
        ForwardAxis = config.ForwardAxis,
        TrueSteps = trueSteps,
        Placement = placement,
    };

    /// <summary>Sensor settings the samples were recorded with.</summary>
    public SensorConfig ToSensorConfig() => new() { SampleRateHz = RateHz, AccelRange = AccelRange, GyroRange = GyroRange };
}

/// <summary>A RetroWalk CSV recording as stored: its header and raw MPU6050 samples.</summary>
public sealed record RetroWalkCsvFile(RetroWalkCsvHeader Header, RawSample[] Samples);

/// <summary>
/// The project's own recording format: '# key: value' header lines, a column line, then raw MPU6050 counts
/// <c>ax,ay,az,gx,gy,gz</c> in the device frame, one sample per line at a fixed rate. See docs/recording-format.md.
/// </summary>
public static class RetroWalkCsv
{
    public const string DatasetName = "retrowalk";
    public const string FormatKey = "retrowalk-recording";
    public const int FormatVersion = 1;
    public const string ColumnLine = "ax,ay,az,gx,gy,gz";
    public const string RateKey = "rate_hz";
    public const string AccelRangeKey = "accel_range_g";
    public const string GyroRangeKey = "gyro_range_dps";
    public const string ForwardAxisKey = "forward_axis";
    public const string TrueStepsKey = "true_steps";
    public const string PlacementKey = "placement";

    private static readonly int[] AccelRangesG = { 2, 4, 8, 16 };
    private static readonly int[] GyroRangesDps = { 250, 500, 1000, 2000 };

    public static void Write(string path, RetroWalkCsvHeader header, IEnumerable<RawSample> samples)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var writer = new StreamWriter(path);
        Write(writer, header, samples);
    }

    public static void Write(TextWriter writer, RetroWalkCsvHeader header, IEnumerable<RawSample> samples)
    {
        writer.NewLine = "\n";
        writer.WriteLine($"# {FormatKey}: {FormatVersion}");
        writer.WriteLine($"# {RateKey}: {header.RateHz}");
        writer.WriteLine($"# {AccelRangeKey}: {AccelRangesG[(int)header.AccelRange]}");
        writer.WriteLine($"# {GyroRangeKey}: {GyroRangesDps[(int)header.GyroRange]}");
        writer.WriteLine($"# {ForwardAxisKey}: {header.ForwardAxis}");
        if (header.TrueSteps is { } steps)
        {
            writer.WriteLine($"# {TrueStepsKey}: {steps}");
        }
        if (!string.IsNullOrWhiteSpace(header.Placement))
        {
            writer.WriteLine($"# {PlacementKey}: {header.Placement.Trim()}");
        }
        writer.WriteLine(ColumnLine);
        foreach (var s in samples)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Ax},{s.Ay},{s.Az},{s.Gx},{s.Gy},{s.Gz}"));
        }
    }

    /// <summary>Reads header and raw samples into memory; any malformed line is an error naming file and line.</summary>
    public static RetroWalkCsvFile ReadRaw(string path)
    {
        var samples = new List<RawSample>(8192);
        var header = Parse(path, _ => { }, samples.Add);
        return new RetroWalkCsvFile(header, samples.ToArray());
    }

    /// <summary>
    /// Reads a recording into physical units (g, °/s) for evaluation at any device setting, line by line into a
    /// <see cref="SampleStore"/>: memory does not grow with the file's length.
    /// </summary>
    public static Recording Read(string path, string relativeFile)
    {
        var samples = new SampleStore();
        double gPerCount = 0, dpsPerCount = 0, rateHz = 0;
        var header = Parse(path, h =>
        {
            var sensor = h.ToSensorConfig();
            gPerCount = 1.0 / sensor.AccelCountsPerG;
            dpsPerCount = 10.0 / sensor.GyroCountsPer10Dps;
            rateHz = h.RateHz;
        }, r => samples.Add(new MotionSample(samples.Count / rateHz, r.Ax * gPerCount, r.Ay * gPerCount, r.Az * gPerCount,
            r.Gx * dpsPerCount, r.Gy * dpsPerCount, r.Gz * dpsPerCount)));
        var info = new RecordingInfo
        {
            Dataset = DatasetName,
            File = relativeFile,
            Placement = header.Placement,
            TrueSteps = header.TrueSteps,
            ForwardAxis = header.ForwardAxis,
        };
        return new Recording(info, samples, hasGyro: true);
    }

    /// <summary>
    /// Parses the file line by line: <paramref name="onHeader"/> once the header is complete, then
    /// <paramref name="onSample"/> for every sample; returns the header. Any malformed line is an error naming file and line.
    /// </summary>
    private static RetroWalkCsvHeader Parse(string path, Action<RetroWalkCsvHeader> onHeader, Action<RawSample> onSample)
    {
        var header = new RetroWalkCsvHeader();
        var seen = new HashSet<string>();
        var inHeader = true;
        var count = 0;
        Span<double> v = stackalloc double[6];
        foreach (var (number, text) in TextRecord.Lines(path))
        {
            if (number == 1 && !(TryHeaderLine(text, out var formatKey, out var version) && formatKey == FormatKey))
            {
                throw new RecordingFormatException(path, 1, $"not a RetroWalk recording: the first line must be '# {FormatKey}: {FormatVersion}'");
            }
            if (inHeader && TryHeaderLine(text, out var key, out var value))
            {
                header = ApplyHeader(header, key, value, path, number);
                seen.Add(key);
                continue;
            }
            if (inHeader)
            {
                inHeader = false;
                RequireKeys(seen, path, number);
                onHeader(header);
                if (text.Trim().Equals(ColumnLine, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            TextRecord.ParseNumbers(text, v, exactCount: true, path, number);
            onSample(new RawSample(ToShort(v[0], 1, path, number), ToShort(v[1], 2, path, number), ToShort(v[2], 3, path, number),
                ToShort(v[3], 4, path, number), ToShort(v[4], 5, path, number), ToShort(v[5], 6, path, number)));
            count++;
        }
        if (inHeader)
        {
            RequireKeys(seen, path, 0);
        }
        if (count == 0)
        {
            throw new RecordingFormatException(path, 0, "no samples");
        }
        return header;
    }

    private static bool TryHeaderLine(string line, out string key, out string value)
    {
        key = value = "";
        var t = line.AsSpan().Trim();
        if (t.IsEmpty || t[0] != '#')
        {
            return false;
        }
        t = t[1..];
        var colon = t.IndexOf(':');
        if (colon < 0)
        {
            return true; // a comment line
        }
        key = t[..colon].Trim().ToString().ToLowerInvariant();
        value = t[(colon + 1)..].Trim().ToString();
        return true;
    }

    private static RetroWalkCsvHeader ApplyHeader(RetroWalkCsvHeader header, string key, string value, string path, int number)
    {
        switch (key)
        {
            case FormatKey:
                if (value != FormatVersion.ToString(CultureInfo.InvariantCulture))
                {
                    throw new RecordingFormatException(path, number, $"format version {RecordingFormatException.Quote(value)} is not supported (this tool reads version {FormatVersion})");
                }
                return header;
            case RateKey:
                return header with { RateHz = ParseInt(value, 1, 8000, key, path, number) };
            case AccelRangeKey:
                return header with { AccelRange = (AccelRange)IndexOf(AccelRangesG, ParseInt(value, 1, 16, key, path, number), key, path, number) };
            case GyroRangeKey:
                return header with { GyroRange = (GyroRange)IndexOf(GyroRangesDps, ParseInt(value, 1, 2000, key, path, number), key, path, number) };
            case ForwardAxisKey:
                if (!Enum.TryParse<MountAxis>(value, ignoreCase: true, out var axis) || !Enum.IsDefined(axis) || int.TryParse(value, out _))
                {
                    throw new RecordingFormatException(path, number, $"{key} {RecordingFormatException.Quote(value)} must be one of {string.Join(", ", Enum.GetNames<MountAxis>())}");
                }
                return header with { ForwardAxis = axis };
            case TrueStepsKey:
                return header with { TrueSteps = ParseInt(value, 0, int.MaxValue, key, path, number) };
            case PlacementKey:
                return header with { Placement = value.Length == 0 ? null : value };
            default:
                return header; // unknown keys and comments are kept for people, ignored here
        }
    }

    private static void RequireKeys(HashSet<string> seen, string path, int number)
    {
        foreach (var key in new[] { RateKey, AccelRangeKey, GyroRangeKey })
        {
            if (!seen.Contains(key))
            {
                throw new RecordingFormatException(path, number, $"header line '# {key}: ...' is missing before the samples");
            }
        }
    }

    private static int ParseInt(string value, int min, int max, string key, string path, int number)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new RecordingFormatException(path, number, $"{key} {RecordingFormatException.Quote(value)} must be a whole number from {min} to {max}");
        }
        return n;
    }

    private static int IndexOf(int[] allowed, int value, string key, string path, int number)
    {
        var i = Array.IndexOf(allowed, value);
        if (i < 0)
        {
            throw new RecordingFormatException(path, number, $"{key} {value} is not an MPU6050 range ({string.Join(", ", allowed)})");
        }
        return i;
    }

    private static short ToShort(double value, int field, string path, int number)
    {
        if (value != Math.Floor(value) || value < short.MinValue || value > short.MaxValue)
        {
            throw new RecordingFormatException(path, number, $"field {field} ({value.ToString(CultureInfo.InvariantCulture)}) is not a 16-bit count");
        }
        return (short)value;
    }
}
