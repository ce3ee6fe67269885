using System.Text.RegularExpressions;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// Bangle.js watch recordings (<c>Time (ms),X,Y,Z</c>, 8192 counts per g, about 12.5 Hz, worn on the wrist, no gyroscope).
/// The truth is in the file name: <c>walk-1834</c> → 1834, <c>static-0</c>/<c>work-0</c>/<c>nosteps1</c> → 0,
/// <c>drive-a3-b136</c> → 3 (136 is the watch's own count).
/// </summary>
public static partial class BangleReader
{
    public const string DatasetName = "banglejs-stepcount";
    public const string Placement = "wrist";
    public const double CountsPerG = 8192;
    public const string Header = "Time (ms),X,Y,Z";

    /// <summary>Peer name of the watch's own count in results.</summary>
    public const string PeerWatch = "bangle_watch";

    [GeneratedRegex(@"(?:^|-)a(?<truth>\d+)-b(?<watch>\d+)$")]
    private static partial Regex TruthAndWatchPattern();

    [GeneratedRegex(@"^[ab]\d+$")]
    private static partial Regex WatchTokenPattern();

    private static readonly char[] Digits = "0123456789".ToCharArray();

    [GeneratedRegex(@"-(?<truth>\d+)$")]
    private static partial Regex TrailingCountPattern();

    /// <summary>
    /// Reads the name of a recording (without extension, a person prefix allowed: <c>HughB-walk-1834</c>) into its
    /// kind, true steps (null when the name does not say) and the watch's count when given.
    /// </summary>
    public static (string Kind, int? TrueSteps, int? WatchSteps) ParseName(string name)
    {
        // The kind is the last word of the name (a person's prefix comes first), digits trimmed: nosteps1 → nosteps.
        var kind = name.Split('-').LastOrDefault(t => t.Length > 0 && char.IsLetter(t[0]) && !WatchTokenPattern().IsMatch(t))
            ?.TrimEnd(Digits) ?? name;
        var both = TruthAndWatchPattern().Match(name);
        if (both.Success)
        {
            return (kind, int.Parse(both.Groups["truth"].Value), int.Parse(both.Groups["watch"].Value));
        }
        var trailing = TrailingCountPattern().Match(name);
        if (trailing.Success)
        {
            return (kind, int.Parse(trailing.Groups["truth"].Value), null);
        }
        if (name.Contains("nosteps", StringComparison.OrdinalIgnoreCase))
        {
            return (kind, 0, null);
        }
        return (kind, null, null);
    }

    public static Recording Read(string path, string relativeFile)
    {
        var (kind, truth, watch) = ParseName(Path.GetFileNameWithoutExtension(path));
        if (TextRecord.Lines(path).FirstOrDefault().Text?.Trim().Equals(Header, StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new RecordingFormatException(path, 1, $"expected the header '{Header}'");
        }
        var series = new SampleSeries(path);
        foreach (var (number, v) in TextRecord.Rows(path, 4, firstLine: 2))
        {
            // Watch axes are not body-aligned: they go to the device frame as they are.
            series.Add(number, v[0] / 1000, v[1] / CountsPerG, v[2] / CountsPerG, v[3] / CountsPerG);
        }
        var info = new RecordingInfo
        {
            Dataset = DatasetName,
            File = relativeFile,
            Placement = Placement,
            Activity = kind,
            TrueSteps = truth,
            PeerSteps = watch is { } w ? new Dictionary<string, int> { [PeerWatch] = w } : new Dictionary<string, int>(),
        };
        return new Recording(info, series.Complete(), hasGyro: false);
    }
}
