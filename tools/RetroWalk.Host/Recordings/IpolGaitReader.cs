using System.Globalization;
using System.Text.RegularExpressions;
using RetroWalk.Core.Config;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// The ipol-gait reference set (Voisard et al., IPOL 2023): an XSens MTw Awinda on the lower back (L5) at 100 Hz,
/// <c>GaitData/&lt;subject&gt;-&lt;trial&gt;_lb.txt</c> (two header lines, then tab-separated
/// <c>PacketCounter Acc_X Acc_Y Acc_Z Gyr_X Gyr_Y Gyr_Z Mag_X Mag_Y Mag_Z</c> in m/s² and rad/s) beside
/// <c>&lt;subject&gt;-&lt;trial&gt;.json</c> (<see cref="IpolGaitMetadata"/>): every footstep marked by hand.
/// Rows lost by the wireless link are placed by their PacketCounter, so the time base keeps its length
/// (<see cref="DeviceConverter"/> interpolates across the gap).
/// </summary>
public static partial class IpolGaitReader
{
    public const string DatasetName = "ipol-gait";
    public const string Placement = "lower-back";
    public const string DataFolder = "GaitData";
    public const string TrunkSuffix = "_lb.txt";
    public const double StandardGravity = 9.80665;
    private const double DegreesPerRadian = 180 / Math.PI;

    /// <summary>XSens packet counters are 16-bit and wrap.</summary>
    public const int PacketCounterModulo = 65536;

    /// <summary>Columns the trunk file must name on its second line (others, the magnetometer's, are ignored).</summary>
    public static readonly string[] RequiredColumns = { "PacketCounter", "Acc_X", "Acc_Y", "Acc_Z", "Gyr_X", "Gyr_Y", "Gyr_Z" };

    /// <summary>
    /// Sensor axes → device frame (X up, Y the wearer's right, Z forward): device X = +x, Y = -y, Z = -z, a proper
    /// rotation (a half turn about x), so angular rates keep their sense.
    /// - x is up: standing reads +8 to +10 m/s² on x (the dataset's README).
    /// - z points backward, out of the back: at gait initiation, with the sensor's orientation tracked by its gyroscope
    ///   and gravity removed, the trunk's horizontal velocity along +z after 1.5 s of walking is negative in 57 of the 60
    ///   trials and for every subject (median -0.8 m/s; all walking in the set is forward). That the sensor's +z has an
    ///   upward component while standing (z reads +1.5 to +6 m/s² on most subjects) fits a case strapped flat on the
    ///   lordotic curve of L5, its face turned backward and up. <c>RealIpolGaitTests</c> repeats this measurement.
    /// - y is then lateral, pointing to the wearer's left (y = z × x for a right-handed sensor = backward × up).
    /// The sensor stays pitched by the curve of the back (-8° to +37° about the lateral axis, per subject and trial):
    /// the reader does not level it, as a clip on a belt would not be levelled either.
    /// </summary>
    public static readonly Rotation ToDevice = new(
        1, 0, 0,
        0, -1, 0,
        0, 0, -1);

    /// <summary>The device axis that points forward once <see cref="ToDevice"/> is applied.</summary>
    public const MountAxis ForwardAxis = MountAxis.PlusZ;

    [GeneratedRegex(@"^(?<subject>\d+)-(?<trial>\d+)_lb\.txt$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\s*Acquisition frequency:\s*(?<hz>[0-9.]+)\s*Hz\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FrequencyPattern();

    /// <summary>True for a trunk-sensor file name (<c>7-3_lb.txt</c>).</summary>
    public static bool IsTrialFileName(string fileName) => FileNamePattern().IsMatch(fileName);

    /// <summary>The metadata file beside a trunk file: <c>7-3.json</c>, or the upstream repository's <c>7-3_meta.json</c>.</summary>
    public static string MetadataPath(string trunkPath)
    {
        var stem = Path.GetFileName(trunkPath)[..^TrunkSuffix.Length];
        var folder = Path.GetDirectoryName(trunkPath) ?? ".";
        var plain = Path.Combine(folder, stem + ".json");
        var meta = Path.Combine(folder, stem + "_meta.json");
        return !File.Exists(plain) && File.Exists(meta) ? meta : plain;
    }

    /// <summary>Reads one trial (trunk file and its metadata). <paramref name="relativeFile"/> is the name reported in results.</summary>
    public static Recording Read(string path, string relativeFile)
    {
        if (!IsTrialFileName(Path.GetFileName(path)))
        {
            throw new RecordingFormatException(path, 0, "name is not <subject>-<trial>_lb.txt (e.g. 7-3_lb.txt)");
        }
        var metadata = IpolGaitMetadata.Read(MetadataPath(path));
        var (samples, rateHz) = ReadTrunk(path);
        var info = new RecordingInfo
        {
            Dataset = DatasetName,
            File = relativeFile,
            Placement = Placement,
            Subject = metadata.Subject,
            SubjectAge = metadata.Age,
            TrueSteps = metadata.HeelStrikeSamples.Count,
            StepTimesS = metadata.HeelStrikeSamples.Select(s => s / rateHz).ToArray(),
            WalkS = metadata.WalkSamples is { } walk ? new TimeRangeS(walk.Start / rateHz, walk.End / rateHz) : null,
            TurnsS = metadata.TurnSamples is { } turn ? new[] { new TimeRangeS(turn.Start / rateHz, turn.End / rateHz) } : Array.Empty<TimeRangeS>(),
            Activity = "walk-uturn",
            ForwardAxis = ForwardAxis,
        };
        return new Recording(info, samples, hasGyro: true);
    }

    /// <summary>The trunk file's samples in the device frame (g, °/s), timed by PacketCounter, and its rate in Hz.</summary>
    public static (IReadOnlyList<MotionSample> Samples, double RateHz) ReadTrunk(string path)
    {
        double rateHz = 0;
        int[]? column = null;
        var series = new SampleSeries(path);
        var values = new double[RequiredColumns.Length];
        double first = 0, previous = 0, wraps = 0;
        foreach (var (number, text) in TextRecord.Lines(path))
        {
            if (number == 1)
            {
                var m = FrequencyPattern().Match(text);
                if (!m.Success || !double.TryParse(m.Groups["hz"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out rateHz) || rateHz <= 0)
                {
                    throw new RecordingFormatException(path, number, $"expected 'Acquisition frequency: <rate> Hz', found {RecordingFormatException.Quote(text)}");
                }
                continue;
            }
            if (number == 2)
            {
                column = ColumnsOf(Fields(text), path, number);
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var fields = Fields(text);
            for (var i = 0; i < values.Length; i++)
            {
                var c = column![i];
                if (c >= fields.Length)
                {
                    throw new RecordingFormatException(path, number, $"expected at least {column.Max() + 1} tab-separated numbers, found {fields.Length}");
                }
                if (!double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                {
                    throw new RecordingFormatException(path, number, $"{RequiredColumns[i]} is not a number: {RecordingFormatException.Quote(fields[c])}");
                }
            }
            var counter = values[0];
            if (series.Count == 0)
            {
                first = counter;
            }
            else if (counter + wraps < previous - PacketCounterModulo / 2)
            {
                wraps += PacketCounterModulo; // the 16-bit counter wrapped
            }
            previous = counter + wraps;
            var a = ToDevice * (1 / StandardGravity * new Vec3(values[1], values[2], values[3]));
            var g = ToDevice * (DegreesPerRadian * new Vec3(values[4], values[5], values[6]));
            series.Add(number, (previous - first) / rateHz, a.X, a.Y, a.Z, g.X, g.Y, g.Z);
        }
        if (column is null)
        {
            throw new RecordingFormatException(path, 0, "expected two header lines (the acquisition frequency, then the column names)");
        }
        return (series.Complete(), rateHz);
    }

    private static string[] Fields(string text) =>
        text.Split(new[] { '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int[] ColumnsOf(string[] names, string path, int number)
    {
        var columns = new int[RequiredColumns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Array.FindIndex(names, n => n.Equals(RequiredColumns[i], StringComparison.OrdinalIgnoreCase));
            if (columns[i] < 0)
            {
                throw new RecordingFormatException(path, number, $"column '{RequiredColumns[i]}' missing (expected {string.Join(" ", RequiredColumns)} ...)");
            }
        }
        return columns;
    }
}
