using System.Globalization;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// Line-by-line reading of the text recordings with file and line named in every error: the readers share it so that a
/// malformed line anywhere is reported the same way and nothing is parsed with the machine's culture.
/// </summary>
public static class TextRecord
{
    /// <summary>Lines of a file with their 1-based numbers; a missing or unreadable file is a <see cref="RecordingFormatException"/>.</summary>
    public static IEnumerable<(int Number, string Text)> Lines(string path)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, 0, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, e);
        }
        using (reader)
        {
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                yield return (number, line);
            }
        }
    }

    /// <summary>
    /// The numeric rows of a headerless CSV: each non-blank line from <paramref name="firstLine"/> on, parsed into
    /// <paramref name="columns"/> numbers (a trailing <paramref name="lineEnd"/> character removed). The values array is
    /// reused from row to row: copy what must outlive the iteration.
    /// </summary>
    public static IEnumerable<(int Number, double[] Values)> Rows(string path, int columns, bool exactCount = true, int firstLine = 1, char? lineEnd = null)
    {
        var values = new double[columns];
        foreach (var (number, text) in Lines(path))
        {
            if (number < firstLine || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var line = text.AsSpan().Trim();
            if (lineEnd is { } end && line[^1] == end)
            {
                line = line[..^1];
            }
            ParseNumbers(line, values, exactCount, path, number);
            yield return (number, values);
        }
    }

    /// <summary>
    /// Parses the first <paramref name="values"/>.Length comma-separated numbers of a line (spaces around them allowed).
    /// With <paramref name="exactCount"/> more fields are an error; otherwise they are ignored.
    /// </summary>
    public static void ParseNumbers(ReadOnlySpan<char> line, Span<double> values, bool exactCount, string path, int lineNumber)
    {
        var rest = line;
        var more = false;
        for (var i = 0; i < values.Length; i++)
        {
            var comma = rest.IndexOf(',');
            var field = comma < 0 ? rest : rest[..comma];
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new RecordingFormatException(path, lineNumber, $"field {i + 1} is not a number: '{field.Trim().ToString()}'");
            }
            if (comma < 0 && i + 1 < values.Length)
            {
                throw new RecordingFormatException(path, lineNumber, $"expected {values.Length} comma-separated numbers, found {i + 1}");
            }
            more = comma >= 0;
            rest = more ? rest[(comma + 1)..] : ReadOnlySpan<char>.Empty;
        }
        if (exactCount && more)
        {
            throw new RecordingFormatException(path, lineNumber, $"expected {values.Length} comma-separated numbers, found more");
        }
    }
}
