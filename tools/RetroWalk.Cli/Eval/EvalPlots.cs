using RetroWalk.Cli.Plot;
using RetroWalk.Core.Config;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Cli.Eval;

/// <summary>`eval --plots DIR`: a plot of every recording whose step error is at least the threshold, so a failure can be looked at.</summary>
public static class EvalPlots
{
    public const double DefaultThresholdPct = 10;

    /// <summary>The recordings of <paramref name="report"/> that deserve a plot.</summary>
    public static List<EvalResult> Selected(EvalReport report, double thresholdPct) =>
        report.Results.Where(r => r.StepErrorPct is { } e && Math.Abs(e) >= thresholdPct).ToList();

    /// <summary>PNG name for a result: its relative path with separators flattened, ".reversed" for a time-reversed copy.</summary>
    public static string FileName(EvalResult r) =>
        string.Join("_", r.Info.File.Split('/', '\\', ':')) + (r.Info.Reversed ? ".reversed" : "") + ".png";

    /// <summary>Reads the selected recordings again (one at a time) and plots each; false when the folder cannot be written.</summary>
    public static bool Write(string root, EvalReport report, string directory, double thresholdPct)
    {
        var selected = Selected(report, thresholdPct);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            EvalConsole.Error($"cannot create {directory}: {e.Message}");
            return false;
        }
        var wanted = selected.Select(r => (r.Info.File, r.Info.Reversed)).ToHashSet();
        var written = 0;
        var sources = DatasetCatalog.Discover(root, new List<RecordingProblem>());
        foreach (var source in sources)
        {
            if (!selected.Any(r => r.Info.File == source.File || r.Info.File.StartsWith(source.File + "/", StringComparison.Ordinal) || source.File.EndsWith(r.Info.File, StringComparison.Ordinal)))
            {
                continue;
            }
            IReadOnlyList<Recording> recordings;
            try
            {
                recordings = source.Load();
            }
            catch (RecordingFormatException)
            {
                continue; // already reported by the evaluation
            }
            foreach (var recording in recordings.Where(r => wanted.Contains((r.Info.File, r.Info.Reversed))))
            {
                var result = selected.First(r => r.Info.File == recording.Info.File && r.Info.Reversed == recording.Info.Reversed);
                var path = Path.Combine(directory, FileName(result));
                try
                {
                    TracePlot.Save(PlotCommand.FromRecording(recording, new TrackerConfig()), path);
                    written++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    EvalConsole.Error($"cannot write {path}: {e.Message}");
                    return false;
                }
            }
        }
        EvalConsole.Note($"{written} plot(s) written to {directory} (step error of {thresholdPct:0.#} % or more; {selected.Count} recording(s) selected)");
        return true;
    }
}
