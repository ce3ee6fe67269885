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
}
