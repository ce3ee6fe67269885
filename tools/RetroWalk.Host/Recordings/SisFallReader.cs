using System.Text.RegularExpressions;
using RetroWalk.Core.Config;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// SisFall trials (<c>&lt;code&gt;_&lt;subject&gt;_&lt;trial&gt;.txt</c>): 200 Hz, waist belt, ADXL345 in columns 1-3 and
/// ITG3200 in columns 4-6 (the MMA8451Q in 7-9 is not used), each line ending in ';'.
/// </summary>
public static partial class SisFallReader
{
    public const string DatasetName = "sisfall";
    public const string Placement = "waist";
    public const double SampleRateHz = 200;

    /// <summary>ADXL345 at ±16 g, 13 bits: 32 g / 8192 counts.</summary>
    public const double AccelGPerCount = 32.0 / 8192;

    /// <summary>ITG3200 at ±2000 °/s, 16 bits: 4000 °/s / 65536 counts.</summary>
    public const double GyroDpsPerCount = 4000.0 / 65536;

    /// <summary>
    /// SisFall sensor axes → device frame (X up, Y the wearer's right, Z forward: hardware/mounting.md): device
    /// X = -y, Y = +x, Z = +z. A proper rotation (determinant +1), so angular rates keep their sense.
    /// Evidence, from the data (checked by a test on the real F trials):
    /// - y is vertical and points down: standing upright reads y ≈ -1 g, so up = -y.
    /// - z points forward: the forward falls F01 and F04 end lying face-down with z ≈ -1 g (the forward axis points at
    ///   the floor) and the backward fall F02 ends face-up with z ≈ +1 g, for SA02, SA03 and SA05 alike.
    /// - x is then the lateral axis; for a right-handed sensor x = y × z = down × forward = the wearer's right, the
    ///   same side as device +Y. The gyroscope agrees: the angle integrated about x over a backward fall is positive and over most
    ///   forward falls negative, as a pitch about the right-pointing axis should be.
    /// </summary>
    public static readonly Rotation ToDevice = new(
        0, -1, 0,
        1, 0, 0,
        0, 0, 1);

    /// <summary>The device axis that points forward once <see cref="ToDevice"/> is applied.</summary>
    public const MountAxis ForwardAxis = MountAxis.PlusZ;

    /// <summary>D01-D04: walking and jogging, the trials that are also run time-reversed.</summary>
    public static bool IsWalkOrJog(string activity) =>
        activity is "D01" or "D02" or "D03" or "D04";

    [GeneratedRegex(@"^(?<code>[DF]\d\d)_(?<subject>S[AE]\d\d)_(?<trial>R\d\d)\.txt$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    /// <summary>True for a trial file name (not Readme.txt).</summary>
    public static bool IsTrialFileName(string fileName) => FileNamePattern().IsMatch(fileName);

    /// <summary>The dataset's own description, with the table of subjects and their ages.</summary>
    public const string ReadmeFile = "Readme.txt";

    [GeneratedRegex(@"^\|\s*(?<subject>S[AE]\d\d)\s*\|\s*(?<age>\d+)\s*\|", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectRowPattern();

    /// <summary>
    /// Ages by subject from the table in the dataset's Readme.txt (<c>| SA02    | 23  | 176 | ...</c>); empty when the
    /// file is absent, as ages are a description, not something a recording needs.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ReadSubjectAges(string readmePath)
    {
        var ages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(readmePath))
        {
            return ages;
        }
        foreach (var (_, text) in TextRecord.Lines(readmePath))
        {
            var m = SubjectRowPattern().Match(text);
            if (m.Success)
            {
                ages[m.Groups["subject"].Value.ToUpperInvariant()] = int.Parse(m.Groups["age"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return ages;
    }

    /// <summary>The ages of <see cref="ReadSubjectAges"/> from the Readme.txt in the trial's folder or the one or two above it.</summary>
    public static IReadOnlyDictionary<string, int> SubjectAgesNear(string trialPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(trialPath));
        for (var up = 0; up < 3 && folder is not null; up++, folder = Path.GetDirectoryName(folder))
        {
            var readme = Path.Combine(folder, ReadmeFile);
            if (File.Exists(readme))
            {
                return ReadSubjectAges(readme);
            }
        }
        return new Dictionary<string, int>();
    }

    /// <summary>An impact, for the truth of a fall: a specific force of at least 2 g (the tracker's impact, README).</summary>
    public const double ImpactG = 2.0;

    /// <summary>
    /// The impacts of one fall (a knee or a hand, then the hip or the trunk) land within this of each other: a fall from
    /// standing height takes under a second to reach the ground, and the ground stops it.
    /// </summary>
    public const double ImpactPhaseS = 1.0;

    /// <summary>
    /// The impact of a fall trial, from the source accelerometer alone (SisFall marks no onset): a fall ends the trial's
    /// motion (the subject lies until the recording stops), so its impacts are the last ones. The impact phase is the
    /// <see cref="ImpactPhaseS"/> up to the trial's last sample of at least <see cref="ImpactG"/>; the impact is its largest
    /// sample (a jogging trip's strides before it can reach 5 g, more than the fall itself), and its first sample of at
    /// least <see cref="ImpactG"/> is the first contact, before which no alarm may come. A trial that never reaches
    /// <see cref="ImpactG"/> has its largest sample as both.
    /// </summary>
    private static (int PeakIndex, int FirstIndex) FindImpact(List<double> squaredG)
    {
        double threshold = ImpactG * ImpactG;
        int last = squaredG.FindLastIndex(m => m >= threshold);
        int from = last < 0 ? 0 : Math.Max(0, last - (int)(ImpactPhaseS * SampleRateHz));
        int to = last < 0 ? squaredG.Count - 1 : last;
        int peak = from;
        for (int i = from; i <= to; i++)
        {
            if (squaredG[i] > squaredG[peak])
            {
                peak = i;
            }
        }
        int first = last < 0 ? peak : squaredG.FindIndex(from, to - from + 1, m => m >= threshold);
        return (peak, first);
    }

    /// <summary>
    /// Reads one trial. <paramref name="relativeFile"/> is the name reported in results; <paramref name="subjectAges"/>
    /// (from <see cref="ReadSubjectAges"/>) gives the subject's age, looked up near the file when null.
    /// </summary>
    public static Recording Read(string path, string relativeFile, IReadOnlyDictionary<string, int>? subjectAges = null)
    {
        var match = FileNamePattern().Match(Path.GetFileName(path));
        if (!match.Success)
        {
            throw new RecordingFormatException(path, 0, "name is not <code>_<subject>_<trial>.txt (e.g. D01_SA02_R01.txt)");
        }
        var code = match.Groups["code"].Value.ToUpperInvariant();
        var series = new SampleSeries(path);
        var fall = code[0] == 'F';
        var squaredG = fall ? new List<double>() : null;
        foreach (var (number, v) in TextRecord.Rows(path, 6, exactCount: false, lineEnd: ';'))
        {
            squaredG?.Add((v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) * AccelGPerCount * AccelGPerCount);
            var a = ToDevice * (AccelGPerCount * new Vec3(v[0], v[1], v[2]));
            var g = ToDevice * (GyroDpsPerCount * new Vec3(v[3], v[4], v[5]));
            series.Add(number, series.Count / SampleRateHz, a.X, a.Y, a.Z, g.X, g.Y, g.Z);
        }
        (int PeakIndex, int FirstIndex)? impact = squaredG is null ? null : FindImpact(squaredG);
        var subject = match.Groups["subject"].Value.ToUpperInvariant();
        subjectAges ??= SubjectAgesNear(path);
        var info = new RecordingInfo
        {
            Dataset = DatasetName,
            File = relativeFile,
            Placement = Placement,
            Activity = code,
            Subject = subject,
            SubjectAge = subjectAges.TryGetValue(subject, out var age) ? age : null,
            FallExpected = fall,
            ImpactMs = impact?.PeakIndex * 1000.0 / SampleRateHz,
            FirstImpactMs = impact?.FirstIndex * 1000.0 / SampleRateHz,
            ForwardAxis = ForwardAxis,
        };
        return new Recording(info, series.Complete(), hasGyro: true);
    }
}
