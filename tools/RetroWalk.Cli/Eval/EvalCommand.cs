using System.CommandLine;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Paths;

namespace RetroWalk.Cli.Eval;

/// <summary>
/// <c>retrowalk eval [folder] [--json file] [--summary-only] [--by-subject] [--loso NAME=v1,v2,...]</c>: the tracker over every recording found in the folder.
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
        var loso = new Option<string?>("--loso")
        {
            Description = "Leave-one-subject-out choice of a step-detector threshold over a grid, NAME=v1,v2,... (" +
                          string.Join(", ", LosoSelection.Parameters) + "): evaluates every value, then per subject prints the value chosen " +
                          "on the other subjects and the subject's figure at it",
        };
        var losoFigure = new Option<string>("--loso-figure")
        {
            Description = "Figure --loso minimises: " + string.Join(", ", LosoSelection.Figures),
            DefaultValueFactory = _ => LosoSelection.StepError,
        };
        losoFigure.AcceptOnlyFromAmong(LosoSelection.Figures);
        var command = new Command("eval", "Run the tracker on recorded datasets and compare with their true step counts and fall labels")
        {
            folder, json, summaryOnly, plots, threshold, bySubject, loso, losoFigure,
        };
        command.SetAction(parse => parse.GetValue(loso) is { } grid
            ? RunLoso(parse.GetValue(folder), grid, parse.GetValue(losoFigure)!)
            : Run(parse.GetValue(folder), parse.GetValue(json), parse.GetValue(summaryOnly), parse.GetValue(plots),
                parse.GetValue(threshold), parse.GetValue(bySubject)));
        return command;
    }

    /// <summary>
    /// <c>--loso NAME=v1,v2,...</c>: the datasets evaluated once per grid value, the pooled figures of every value, then
    /// per subject the value chosen without it (<see cref="LosoSelection"/>).
    /// </summary>
    public static int RunLoso(string? folder, string grid, string figure)
    {
        var eq = grid.IndexOf('=');
        var name = eq > 0 ? grid[..eq].Trim() : "";
        var values = new List<int>();
        foreach (var part in (eq > 0 ? grid[(eq + 1)..] : "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                EvalConsole.Error($"--loso: '{part}' is not an integer");
                return ExitCodes.Usage;
            }
            values.Add(v);
        }
        if (!LosoSelection.Parameters.Contains(name) || values.Count < 2)
        {
            EvalConsole.Error($"--loso takes NAME=v1,v2,... with two values or more; NAME one of {string.Join(", ", LosoSelection.Parameters)}");
            return ExitCodes.Usage;
        }
        if (folder is null)
        {
            if (SharedPaths.DatasetsMissingReason() is { } missing)
            {
                EvalConsole.Error(missing);
                return ExitNothingEvaluated;
            }
            folder = SharedPaths.DatasetsRoot;
        }
        var runs = new Dictionary<int, IReadOnlyList<EvalResult>>();
        var summaries = new List<(int Value, EvalSummary Summary)>();
        EvalReport? last = null;
        foreach (var value in values.Distinct().OrderBy(v => v))
        {
            var root = folder;
            var tuning = LosoSelection.With(name, value);
            last = ProgressRunner.Run($"eval {name}={value}", ProgressRunner.Interactive, Console.Error,
                progress => Evaluator.EvaluateFolder(root, progress: progress, tuning: tuning));
            runs[value] = last.Results;
            summaries.Add((value, last.Summary));
        }
        var defaultValue = LosoSelection.DefaultOf(name);
        EvalConsole.PrintLoso(name, figure, defaultValue, summaries, LosoSelection.Select(runs, defaultValue, figure));
        foreach (var problem in last!.Problems)
        {
            EvalConsole.Error(problem.ToString());
        }
        return last.Results.Count == 0 ? ExitNothingEvaluated : last.Problems.Count > 0 ? ExitSomeFilesFailed : ExitOk;
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
