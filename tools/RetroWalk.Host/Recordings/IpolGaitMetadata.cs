using System.Text.Json;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// One ipol-gait trial's JSON: <c>Subject</c>, <c>Trial</c>, <c>Age</c>, <c>TrialBoundaries</c> [first, last] sample of the
/// walk, <c>UTurnBoundaries</c> [start, end] of the turn, and <c>LeftFootEvents</c>/<c>RightFootEvents</c>, one
/// [toe-off, heel-strike] sample pair per footstep of that foot. Samples count the PacketCounter clock from the first
/// row. The true step count is the number of pairs of both feet (the settling steps after the walk included).
/// </summary>
public sealed record IpolGaitMetadata(
    string Subject,
    int Trial,
    int? Age,
    IReadOnlyList<int> HeelStrikeSamples,
    (int Start, int End)? WalkSamples,
    (int Start, int End)? TurnSamples)
{
    /// <summary>Reads and checks a metadata file; every problem is a <see cref="RecordingFormatException"/> naming the file (and the line of a syntax error).</summary>
    public static IpolGaitMetadata Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, 0, e is FileNotFoundException or DirectoryNotFoundException
                ? "metadata file not found (every <subject>-<trial>_lb.txt needs its <subject>-<trial>.json beside it)" : e.Message, e);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new RecordingFormatException(path, (int)(e.LineNumber ?? -1) + 1, "not valid JSON: " + e.Message.Split(" Path:")[0], e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RecordingFormatException(path, 0, "expected a JSON object");
            }
            var subject = Required(root, "Subject", path);
            var subjectName = subject.ValueKind switch
            {
                JsonValueKind.Number => subject.GetRawText(),
                JsonValueKind.String => subject.GetString()!,
                _ => throw new RecordingFormatException(path, 0, "'Subject' must be a number or a string"),
            };
            var trial = Integer(Required(root, "Trial", path), "Trial", path);
            int? age = root.TryGetProperty("Age", out var a) && a.ValueKind == JsonValueKind.Number ? Integer(a, "Age", path) : null;
            var strikes = new List<int>();
            foreach (var foot in new[] { "LeftFootEvents", "RightFootEvents" })
            {
                var events = Required(root, foot, path);
                if (events.ValueKind != JsonValueKind.Array)
                {
                    throw new RecordingFormatException(path, 0, $"'{foot}' must be an array of [start, end] sample pairs");
                }
                var index = 0;
                foreach (var e in events.EnumerateArray())
                {
                    var (start, end) = Pair(e, $"{foot}[{index}]", path);
                    strikes.Add(end);
                    index++;
                }
            }
            strikes.Sort();
            return new IpolGaitMetadata(subjectName, trial, age, strikes,
                OptionalPair(root, "TrialBoundaries", path), OptionalPair(root, "UTurnBoundaries", path));
        }
    }

    private static JsonElement Required(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new RecordingFormatException(path, 0, $"'{name}' missing");

    private static int Integer(JsonElement value, string name, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : throw new RecordingFormatException(path, 0, $"'{name}' must be an integer, found {value.GetRawText()}");

    private static (int Start, int End)? OptionalPair(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Pair(value, name, path) : null;

    /// <summary>A [start, end] pair of non-negative sample numbers with start ≤ end.</summary>
    private static (int Start, int End) Pair(JsonElement value, string name, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
        {
            throw new RecordingFormatException(path, 0, $"'{name}' must be a [start, end] pair, found {value.GetRawText()}");
        }
        var start = Integer(value[0], name, path);
        var end = Integer(value[1], name, path);
        if (start < 0 || end < start)
        {
            throw new RecordingFormatException(path, 0, $"'{name}' must have 0 ≤ start ≤ end, found [{start}, {end}]");
        }
        return (start, end);
    }
}
