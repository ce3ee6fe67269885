namespace RetroWalk.Host.Paths;

/// <summary>
/// Finds the repository root and the reference material beside it (../shared). RETROWALK_SHARED overrides the shared
/// folder; every caller that needs the datasets must say clearly when they are absent.
/// </summary>
public static class SharedPaths
{
    public const string SolutionFile = "RetroWalk.Firmware.sln";

    /// <summary>The folder holding RetroWalk.Firmware.sln, searched upward from the working directory and then from the program's folder.</summary>
    public static string RepoRoot => FindUp(Directory.GetCurrentDirectory()) ?? FindUp(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"{SolutionFile} not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}");

    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("RETROWALK_SHARED") is { Length: > 0 } env
            ? Path.GetFullPath(env)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string DatasetsRoot => Path.Combine(SharedRoot, "datasets");

    public static string ApiListings => Path.Combine(SharedRoot, "nanoframework", "api");

    /// <summary>Null when the datasets folder is present; otherwise a sentence saying what is missing, for skips and errors.</summary>
    public static string? DatasetsMissingReason(string? subfolder = null)
    {
        var path = subfolder is null ? DatasetsRoot : Path.Combine(DatasetsRoot, subfolder);
        return Directory.Exists(path) ? null : $"recordings not found at {path} (put ../shared beside the repository or set RETROWALK_SHARED)";
    }

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
