using System.CommandLine;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Paths;

namespace RetroWalk.Cli.Eval;

/// <summary>
/// <c>retrowalk eval [folder] [--json file] [--summary-only] [--by-subject]</c>: the tracker over every recording found in the folder.
/// Exit codes: 0 every file evaluated; 2 some files could not be read (they are listed, the rest was evaluated and
/// written); 1 nothing could be evaluated, or the JSON file or a plot could not be written; 64 a bad option.
/// </summary>
public static class EvalCommand
{
    public const int ExitOk = ExitCodes.Ok;
    public const int ExitNothingEvaluated = ExitCodes.Failed;
    public const int ExitSomeFilesFailed = ExitCodes.Partial;

    public static Command Create()
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "A folder laid out like ../shared/datasets (sisfall/, oxford-stepcounter/, banglejs-stepcount/), " +
                          "one of those folders, or RetroWalk CSV recordings (a folder of them or one file). Default: ../shared/datasets",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results and the summary to this JSON file" };
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Print the summary and problems without the per-recording table" };
        var plots = new Option<string?>("--plots") { Description = "Write a plot (as `retrowalk plot`) into this folder for every recording whose step error passes --plot-threshold" };
        var threshold = new Option<double>("--plot-threshold")
        {
            Description = "Step error, in % of the true count either way, from which --plots draws a recording",
            DefaultValueFactory = _ => EvalPlots.DefaultThresholdPct,
        };
        var bySubject = new Option<bool>("--by-subject")
        {
            Description = "Also print a table per subject (SisFall, ipol-gait, Oxford users: age, trials, step error, direction shares, " +
                          "falls alarmed, false alarms) and write it as CSV beside the --json file (x.by-subject.csv), else to ./eval-by-subject.csv",
        };
        var command = new Command("eval", "Run the tracker on recorded datasets and compare with their true step counts and fall labels")
        {
            folder, json, summaryOnly, plots, threshold, bySubject,
        };
        command.SetAction(parse => Run(parse.GetValue(folder), parse.GetValue(json), parse.GetValue(summaryOnly), parse.GetValue(plots),
            parse.GetValue(threshold), parse.GetValue(bySubject)));
        return command;
    }

    public static int Run(string? folder, FileInfo? json, bool summaryOnly, string? plots = null, double plotThresholdPct = EvalPlots.DefaultThresholdPct,
        bool bySubject = false)
    {
        if (folder is null)
        {
            if (SharedPaths.DatasetsMissingReason() is { } missing)
            {
                EvalConsole.Error(missing);
                return ExitNothingEvaluated;
            }
            folder = SharedPaths.DatasetsRoot;
        }
        var root = folder;
        var report = ProgressRunner.Run("eval", ProgressRunner.Interactive, Console.Error, progress => Evaluator.EvaluateFolder(root, progress: progress));
        EvalConsole.Print(report, summaryOnly);
        if (json is not null)
        {
            try
            {
                EvalJson.Write(json.FullName, report);
                EvalConsole.Note($"JSON written to {json.FullName}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                EvalConsole.Error($"cannot write {json.FullName}: {e.Message}");
                return ExitNothingEvaluated;
            }
        }
        if (bySubject)
        {
            var rows = Evaluator.SubjectRows(report.Results);
            EvalConsole.PrintSubjects(rows);
            var csv = SubjectTable.CsvPathBeside(json?.FullName);
            try
            {
                File.WriteAllText(csv, SubjectTable.ToCsv(rows));
                EvalConsole.Note($"per-subject table written to {csv}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                EvalConsole.Error($"cannot write {csv}: {e.Message}");
                return ExitNothingEvaluated;
            }
        }
        if (plots is not null && !EvalPlots.Write(folder, report, plots, plotThresholdPct))
        {
            return ExitNothingEvaluated;
        }
        return report.Results.Count == 0 ? ExitNothingEvaluated
            : report.Problems.Count > 0 ? ExitSomeFilesFailed
            : ExitOk;
    }
}
