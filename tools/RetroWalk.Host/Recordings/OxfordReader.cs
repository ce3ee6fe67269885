namespace RetroWalk.Host.Recordings;

/// <summary>
/// The Oxford step counter data set: phone accelerometer in m/s² with nanosecond timestamps (non-uniform), no gyroscope,
/// axes not aligned with the body. Optimisation recordings are folders (accelerometer.csv, stepcounter.csv) whose
/// reference count is in optimisation/stats.csv; validation recordings are single files with running step counters.
/// </summary>
public static class OxfordReader
{
    public const string DatasetName = "oxford-stepcounter";
    public const string StatsFile = "stats.csv";
    public const string AccelerometerFile = "accelerometer.csv";
    public const string StepCounterFile = "stepcounter.csv";

    /// <summary>Columns of a validation file: timestamp, three accelerations, three running step counters.</summary>
    public const int ValidationColumns = 7;
    public const double StandardGravity = 9.80665;
    private const double SecondsPerNanosecond = 1e-9;

    /// <summary>The published algorithm's and Android's counters in validation files, as peer names in results.</summary>
    public const string PeerAlgorithm = "oxford_algorithm";
    public const string PeerAndroid = "android";

    /// <summary>
    /// Placement from a position word of a directory or file name, in the optimisation set's spelling
    /// (frontpocket → FrontPocket, neckpouch → NeckPouch, hand → InHand); unknown words are kept with a capital.
    /// </summary>
    public static string PlacementFromName(string position)
    {
        var key = position.Replace("_", "").Replace("-", "").ToLowerInvariant();
        return key switch
        {
            "frontpocket" => "FrontPocket",
            "backpocket" => "BackPocket",
            "neckpouch" or "neck" => "NeckPouch",
            "armband" => "Armband",
            "bag" => "Bag",
            "purse" => "Purse",
            "hand" or "inhand" => "InHand",
            "swingingarm" => "SwingingArm",
            _ => key.Length == 0 ? position : char.ToUpperInvariant(key[0]) + position[1..],
        };
    }

    /// <summary>Reference step counts of stats.csv by directory name (columns found from its '#' header, "dir" and "steps").</summary>
    public static Dictionary<string, int> ReadStats(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int dirColumn = -1, stepsColumn = -1;
        foreach (var (number, text) in TextRecord.Lines(path))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var fields = text.TrimStart('#').Split(',', StringSplitOptions.TrimEntries);
            if (stepsColumn < 0)
            {
                dirColumn = Array.FindIndex(fields, f => f.Equals("dir", StringComparison.OrdinalIgnoreCase));
                stepsColumn = Array.FindIndex(fields, f => f.Equals("steps", StringComparison.OrdinalIgnoreCase));
                if (dirColumn < 0 || stepsColumn < 0)
                {
                    throw new RecordingFormatException(path, number, "header must name the columns 'dir' and 'steps'");
                }
                continue;
            }
            if (fields.Length <= Math.Max(dirColumn, stepsColumn) || !int.TryParse(fields[stepsColumn], out var steps) || steps < 0)
            {
                throw new RecordingFormatException(path, number, $"expected a directory name and a step count in columns {dirColumn + 1} and {stepsColumn + 1}");
            }
            counts[fields[dirColumn]] = steps;
        }
        if (stepsColumn < 0)
        {
            throw new RecordingFormatException(path, 0, "empty file");
        }
        return counts;
    }

    /// <summary>Steps in a foot-switch log (<c>timestamp_ns, foot1, foot2</c>): every 0→1 change on either foot.</summary>
    public static int CountFootSwitchSteps(string path)
    {
        var steps = 0;
        double foot1 = -1, foot2 = -1;
        foreach (var (_, v) in TextRecord.Rows(path, 3))
        {
            if (foot1 == 0 && v[1] == 1) steps++;
            if (foot2 == 0 && v[2] == 1) steps++;
            foot1 = v[1];
            foot2 = v[2];
        }
        return steps;
    }

    /// <summary>
    /// Reads an optimisation folder <c>&lt;phone&gt;_&lt;user&gt;_&lt;surface&gt;_&lt;position&gt;_&lt;n&gt;</c>. The true count
    /// is the stats.csv value (null when absent); the foot-switch count is reported beside it.
    /// </summary>
    public static Recording ReadOptimisation(string directory, string relativeFile, IReadOnlyDictionary<string, int>? stats)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        var parts = name.Split('_');
        var accelerometer = Path.Combine(directory, AccelerometerFile);
        var samples = ReadAccelerometer(accelerometer);
        var stepCounter = Path.Combine(directory, StepCounterFile);
        int? footSwitch = File.Exists(stepCounter) ? CountFootSwitchSteps(stepCounter) : null;
        int? truth = stats is not null && stats.TryGetValue(name, out var steps) ? steps : null;
        var info = new RecordingInfo
        {
            Dataset = DatasetName,
            File = relativeFile,
            Placement = parts.Length >= 5 ? PlacementFromName(parts[3]) : null,
            Subject = parts.Length >= 5 ? parts[1] : null,
            TrueSteps = truth,
            FootSwitchSteps = footSwitch,
        };
        return new Recording(info, samples, hasGyro: false);
    }

    /// <summary>
    /// Reads a validation file <c>userN_&lt;position&gt;_&lt;t&gt;.csv</c>: <c>timestamp_ns, ax, ay, az, algorithm, truth, android</c>
    /// where the last three are running counters; the true count is last minus first of the truth column.
    /// </summary>
    public static Recording ReadValidation(string path, string relativeFile)
    {
        var parts = Path.GetFileNameWithoutExtension(path).Split('_');
        var series = new SampleSeries(path);
        Span<double> first = stackalloc double[3];
        Span<double> last = stackalloc double[3];
        var recorded = new bool[3]; // a counter column that stays at zero was not recorded (Android's, in these files)
        foreach (var (number, v) in TextRecord.Rows(path, ValidationColumns))
        {
            if (series.Count == 0)
            {
                v.AsSpan(4).CopyTo(first);
            }
            v.AsSpan(4).CopyTo(last);
            for (var c = 0; c < 3; c++)
            {
                recorded[c] |= last[c] != 0;
            }
            AddPhoneSample(series, number, v);
        }
        var info = new RecordingInfo
        {
            Dataset = DatasetName,
            File = relativeFile,
            Placement = parts.Length >= 3 ? PlacementFromName(parts[1]) : null,
            Subject = parts.Length >= 3 ? parts[0] : null,
            TrueSteps = series.Count > 0 ? (int)(last[1] - first[1]) : null,
            PeerSteps = Peers((PeerAlgorithm, recorded[0], last[0] - first[0]), (PeerAndroid, recorded[2], last[2] - first[2])),
        };
        return new Recording(info, series.Complete(), hasGyro: false);
    }

    private static Dictionary<string, int> Peers(params (string Name, bool Recorded, double Steps)[] peers) =>
        peers.Where(p => p.Recorded).ToDictionary(p => p.Name, p => (int)p.Steps);

    /// <summary>accelerometer.csv: <c>timestamp_ns, accuracy, ax, ay, az</c>.</summary>
    private static SampleStore ReadAccelerometer(string path)
    {
        var series = new SampleSeries(path);
        foreach (var (number, v) in TextRecord.Rows(path, 5))
        {
            AddPhoneSample(series, number, v, accelColumn: 2);
        }
        return series.Complete();
    }

    /// <summary>Phone axes are not body-aligned: they go to the device frame as they are (x→X, y→Y, z→Z), m/s² → g.</summary>
    private static void AddPhoneSample(SampleSeries series, int number, ReadOnlySpan<double> v, int accelColumn = 1)
    {
        const double gPerMs2 = 1 / StandardGravity;
        series.Add(number, v[0] * SecondsPerNanosecond,
            v[accelColumn] * gPerMs2, v[accelColumn + 1] * gPerMs2, v[accelColumn + 2] * gPerMs2);
    }
}
