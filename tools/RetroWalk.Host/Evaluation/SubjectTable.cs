using System.Globalization;
using System.Text;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Evaluation;

/// <summary>
/// The per-subject view of an evaluation (<c>retrowalk eval --by-subject</c>): one row per subject of every dataset that
/// names its subjects (SisFall, ipol-gait, Oxford users). Recordings without a subject are left out.
/// </summary>
public static class SubjectTable
{
    public static readonly string[] CsvColumns =
    {
        "dataset", "subject", "age", "trials", "step_trials", "mean_abs_step_error_pct", "worst_abs_step_error_pct",
        "walk_steps_counted", "forward_pct", "reversed_steps_counted", "reversed_backward_pct", "fall_trials",
        "falls_alarmed", "non_fall_trials", "false_alarms",
    };

    /// <summary>Rows sorted by dataset, then subject (numbered subjects by number, then names, ordinal).</summary>
    public static IReadOnlyList<SubjectRow> From(IEnumerable<EvalResult> results) =>
        results
            .Where(r => !string.IsNullOrEmpty(r.Info.Subject))
            .GroupBy(r => (r.Info.Dataset, Subject: r.Info.Subject!))
            .OrderBy(g => g.Key.Dataset, StringComparer.Ordinal)
            .ThenBy(g => int.TryParse(g.Key.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(g => g.Key.Subject, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Dataset, g.Key.Subject, g.ToList()))
            .ToList();

    /// <summary>The row of one subject's results (originals and reversed copies together).</summary>
    public static SubjectRow Row(string dataset, string subject, IReadOnlyList<EvalResult> results)
    {
        var originals = results.Where(r => !r.Info.Reversed).ToList();
        var withTruth = originals.Where(r => r.StepErrorPct is not null).ToList();
        var walks = originals.Where(r => IsWalk(r)).ToList();
        var reversed = results.Where(r => r.Info.Reversed).ToList();
        var falls = originals.Where(r => r.Info.FallExpected == true).ToList();
        var nonFalls = results.Where(r => r.Info.FallExpected != true).ToList();
        return new SubjectRow(
            dataset,
            subject,
            results.Select(r => r.Info.SubjectAge).FirstOrDefault(a => a is not null),
            originals.Count,
            withTruth.Count,
            EvalSummary.MeanAbsError(withTruth),
            withTruth.Count > 0 ? withTruth.Max(r => Math.Abs(r.StepErrorPct!.Value)) : null,
            walks.Sum(r => r.CountedSteps),
            EvalSummary.Percent(walks.Sum(r => r.ForwardSteps), walks.Sum(r => r.CountedSteps)),
            reversed.Sum(r => r.CountedSteps),
            EvalSummary.Percent(reversed.Sum(r => r.BackwardSteps), reversed.Sum(r => r.CountedSteps)),
            falls.Count,
            falls.Count(r => r.FallAlarm),
            nonFalls.Count,
            nonFalls.Count(r => r.FallAlarm));
    }

    /// <summary>Trials whose steps say something about direction: SisFall's walks and jogs, every trial of the other sets.</summary>
    public static bool IsWalk(EvalResult r) =>
        r.Info.Dataset == SisFallReader.DatasetName ? SisFallReader.IsWalkOrJog(r.Info.Activity ?? "") : r.Info.FallExpected != true;

    /// <summary>The rows as CSV (header <see cref="CsvColumns"/>, invariant culture, empty cells where unknown).</summary>
    public static string ToCsv(IEnumerable<SubjectRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", CsvColumns));
        foreach (var r in rows)
        {
            text.AppendLine(string.Join(",", new[]
            {
                r.Dataset, r.Subject, Cell(r.Age), Cell(r.Trials), Cell(r.StepTrials), Cell(r.MeanAbsStepErrorPct),
                Cell(r.WorstAbsStepErrorPct), Cell(r.WalkStepsCounted), Cell(r.ForwardPct), Cell(r.ReversedStepsCounted),
                Cell(r.ReversedBackwardPct), Cell(r.FallTrials), Cell(r.FallsAlarmed), Cell(r.NonFallTrials), Cell(r.FalseAlarms),
            }));
        }
        return text.ToString();
    }

    /// <summary>Where <c>--by-subject</c> writes its CSV: beside the JSON (<c>x.json</c> → <c>x.by-subject.csv</c>), else <c>eval-by-subject.csv</c> here.</summary>
    public static string CsvPathBeside(string? jsonPath) =>
        jsonPath is null
            ? Path.GetFullPath("eval-by-subject.csv")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, Path.GetFileNameWithoutExtension(jsonPath) + ".by-subject.csv");

    private static string Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Cell(double? value) => value is { } v ? Math.Round(v, 2).ToString(CultureInfo.InvariantCulture) : "";
}
