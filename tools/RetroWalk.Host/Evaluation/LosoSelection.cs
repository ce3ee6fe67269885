using System.Reflection;
using RetroWalk.Core.Motion;

namespace RetroWalk.Host.Evaluation;

/// <summary>
/// Leave-one-subject-out choice of one <see cref="StepTuning"/> threshold over a candidate grid: for every subject of a
/// dataset, the value is chosen on the other subjects alone (best pooled figure, ties to the value nearest the
/// default, then to the smaller one), and that subject's figure at the chosen value is what the threshold is honestly worth for it.
/// </summary>
public static class LosoSelection
{
    /// <summary>The figures a selection can minimise, by name.</summary>
    public static readonly string[] Figures = { StepError, Direction, StepTimeCv };

    /// <summary>Mean |step error| % over original trials with a true count.</summary>
    public const string StepError = "step-error";

    /// <summary>Share of steps counted in the wrong direction, %: forward walks counted backward and reversed copies counted forward, pooled.</summary>
    public const string Direction = "direction";

    /// <summary>Mean |estimated − true step-time CV|, percentage points, over original trials with both (docs/coach.md, "Steadiness").</summary>
    public const string StepTimeCv = "step-time-cv";

    /// <summary>The named figure over <paramref name="results"/>, or null where they hold no data for it.</summary>
    public static double? Figure(string figure, IEnumerable<EvalResult> results)
    {
        var list = results.ToList();
        switch (figure)
        {
            case StepError:
                return EvalSummary.MeanAbsError(list.Where(r => !r.Info.Reversed && r.StepErrorPct is not null).ToList());
            case Direction:
                var walks = list.Where(r => !r.Info.Reversed && SubjectTable.IsWalk(r)).ToList();
                var reversed = list.Where(r => r.Info.Reversed).ToList();
                var wrong = walks.Sum(r => r.BackwardSteps) + reversed.Sum(r => r.ForwardSteps);
                return EvalSummary.Percent(wrong, walks.Sum(r => r.CountedSteps) + reversed.Sum(r => r.CountedSteps));
            case StepTimeCv:
                var cv = list.Where(r => !r.Info.Reversed && r.StepTimeCvPct is not null && r.TrueStepTimeCvPct is not null).ToList();
                return cv.Count == 0 ? null : cv.Average(r => Math.Abs(r.StepTimeCvPct!.Value - r.TrueStepTimeCvPct!.Value));
            default:
                throw new ArgumentException($"unknown figure '{figure}' (known: {string.Join(", ", Figures)})", nameof(figure));
        }
    }

    /// <summary>The names of the <see cref="StepTuning"/> thresholds a selection can vary.</summary>
    public static IReadOnlyList<string> Parameters =>
        typeof(StepTuning).GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => f.FieldType == typeof(int)).Select(f => f.Name).ToList();

    /// <summary>The default value of a <see cref="StepTuning"/> threshold.</summary>
    public static int DefaultOf(string parameter) => (int)Field(parameter).GetValue(new StepTuning())!;

    /// <summary>Default tuning with <paramref name="parameter"/> set to <paramref name="value"/>.</summary>
    public static StepTuning With(string parameter, int value)
    {
        var tuning = new StepTuning();
        Field(parameter).SetValue(tuning, value);
        return tuning;
    }

    /// <summary>
    /// One row per subject of every dataset in <paramref name="runs"/> (all evaluated on the same recordings, one per
    /// grid value) that has the figure; datasets with fewer than two subjects are left out.
    /// </summary>
    public static IReadOnlyList<LosoRow> Select(IReadOnlyDictionary<int, IReadOnlyList<EvalResult>> runs, int defaultValue, string figure)
    {
        var rows = new List<LosoRow>();
        var values = runs.Keys.OrderBy(v => v).ToList();
        var anyRun = runs[values[0]];
        foreach (var dataset in anyRun.Where(r => !string.IsNullOrEmpty(r.Info.Subject)).Select(r => r.Info.Dataset).Distinct().OrderBy(d => d, StringComparer.Ordinal))
        {
            var subjects = SubjectTable.From(anyRun.Where(r => r.Info.Dataset == dataset)).Select(r => (r.Subject, r.Age)).ToList();
            if (subjects.Count < 2)
            {
                continue;
            }
            double? Of(int value, Func<string, bool> include) =>
                Figure(figure, runs[value].Where(r => r.Info.Dataset == dataset && r.Info.Subject is { } s && include(s)));
            if (values.All(v => Of(v, _ => true) is null))
            {
                continue;
            }
            foreach (var (subject, age) in subjects)
            {
                var chosen = Best(values, defaultValue, v => Of(v, s => s != subject));
                var ownBest = Best(values, defaultValue, v => Of(v, s => s == subject));
                rows.Add(new LosoRow(dataset, subject, age, chosen, Of(chosen, s => s == subject),
                    runs.ContainsKey(defaultValue) ? Of(defaultValue, s => s == subject) : null, ownBest, Of(ownBest, s => s == subject)));
            }
        }
        return rows;
    }

    private static int Best(IReadOnlyList<int> values, int defaultValue, Func<int, double?> figure)
    {
        // Figures rounded to 0.01 so noise in the last digits does not pick a value; ties go to the value nearest the default, then the smaller one.
        return values
            .Select(v => (Value: v, Figure: figure(v) is { } f ? Math.Round(f, 2) : double.MaxValue))
            .OrderBy(c => c.Figure)
            .ThenBy(c => Math.Abs((long)c.Value - defaultValue))
            .ThenBy(c => c.Value)
            .First().Value;
    }

    private static FieldInfo Field(string parameter) =>
        typeof(StepTuning).GetField(parameter, BindingFlags.Public | BindingFlags.Instance) is { } f && f.FieldType == typeof(int)
            ? f
            : throw new ArgumentException($"unknown threshold '{parameter}' (known: {string.Join(", ", Parameters)})", nameof(parameter));
}
