using System.Globalization;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// Line-by-line reading of the text recordings with file and line named in every error: the readers share it so that a
/// malformed line anywhere is reported the same way and nothing is parsed with the machine's culture.
/// </summary>
public static class TextRecord
{
    /// <summary>Longest line a reader accepts, in characters: every line of these formats is far shorter, so a longer
    /// one is damage, reported before it is read whole (a 200 MB line costs no more memory than this).</summary>
    public const int MaxLineChars = 1 << 16;

    /// <summary>
    /// Lines of a file with their 1-based numbers, read one at a time ('\n', '\r\n' or '\r' ends), so memory does not
    /// grow with the file; a missing or unreadable file, or a line longer than <see cref="MaxLineChars"/>, is a
    /// <see cref="RecordingFormatException"/>.
    /// </summary>
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
            var line = new System.Text.StringBuilder();
            while (true)
            {
                int c = Read(reader, path, number + 1);
                if (c < 0)
                {
                    if (line.Length > 0)
                    {
                        yield return (++number, line.ToString());
                    }
                    yield break;
                }
                if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }
                    yield return (++number, line.ToString());
                    line.Clear();
                    continue;
                }
                if (line.Length == MaxLineChars)
                {
                    throw new RecordingFormatException(path, number + 1,
                        $"line longer than {MaxLineChars} characters, starting {RecordingFormatException.Quote(line.ToString())}");
                }
                line.Append((char)c);
            }
        }
    }

    private static int Read(StreamReader reader, string path, int lineNumber)
    {
        try
        {
            return reader.Read();
        }
        catch (IOException e)
        {
            throw new RecordingFormatException(path, lineNumber, $"read failed: {e.Message}", e);
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
                throw new RecordingFormatException(path, lineNumber, $"field {i + 1} is not a number: {RecordingFormatException.Quote(field.Trim())}");
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
