namespace RetroWalk.Host.Recordings;

/// <summary>A recording that cannot be read: names the file and, when it is about one line, that line (1-based).</summary>
public sealed class RecordingFormatException : Exception
{
    public RecordingFormatException(string filePath, int lineNumber, string problem, Exception? inner = null)
        : base(lineNumber > 0 ? $"{filePath}:{lineNumber}: {problem}" : $"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    public string FilePath { get; }

    /// <summary>1-based line number, or 0 when the problem concerns the whole file.</summary>
    public int LineNumber { get; }

    /// <summary>The problem alone, without file and line.</summary>
    public string Problem { get; }

    /// <summary>Most characters of a field from the file that an error message quotes.</summary>
    public const int MaxQuotedChars = 60;

    /// <summary>
    /// A field from the file, quoted for an error message: at most <see cref="MaxQuotedChars"/> characters, control
    /// characters escaped (\u001B...), so neither a huge field nor binary garbage reaches the terminal raw.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> field)
    {
        var sb = new System.Text.StringBuilder("'");
        var shown = Math.Min(field.Length, MaxQuotedChars);
        foreach (var c in field[..shown])
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        sb.Append('\'');
        if (field.Length > shown)
        {
            sb.Append($" (first {shown} of {field.Length} characters)");
        }
        return sb.ToString();
    }
}
