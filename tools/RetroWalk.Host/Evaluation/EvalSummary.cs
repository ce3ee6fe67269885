using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Evaluation;

/// <summary>A step count on one recording, for the summary's lists.</summary>
public sealed record CountedRecording(string File, string? Activity, int? TrueSteps, int CountedSteps, int? PeerSteps);

/// <summary>False fall alarms of one SisFall activity code.</summary>
public sealed record ActivityAlarms(string Activity, int Trials, int Alarms);

/// <summary>
/// The figures that say how the tracker does on the recordings; null where the data for a figure was absent.
/// Step errors are |counted − true| / true in %. SisFall ADL figures cover the original recordings only; the reversed
/// copies are counted apart.
/// </summary>
public sealed record EvalSummary
{
    /// <summary>Oxford placements closest to this device's (hip clip ≈ trouser pocket, chest ≈ neck pouch).</summary>
    public static readonly string[] OxfordBodyWornPlacements = { "FrontPocket", "BackPocket", "NeckPouch" };

    public int Recordings { get; init; }
    public int OxfordBodyWornRecordings { get; init; }
    public double? OxfordBodyWornMeanAbsErrorPct { get; init; }
    public double? OxfordBodyWornWorstAbsErrorPct { get; init; }
    public string? OxfordBodyWornWorstFile { get; init; }
    public IReadOnlyList<CountedRecording> BangleNoStep { get; init; } = Array.Empty<CountedRecording>();
    public IReadOnlyList<CountedRecording> BangleDriving { get; init; } = Array.Empty<CountedRecording>();
    public int SisFallWalks { get; init; }
    public int SisFallWalkStepsCounted { get; init; }
    public double? SisFallWalkForwardPct { get; init; }
    public int SisFallReversedWalks { get; init; }
    public int SisFallReversedStepsCounted { get; init; }
    public double? SisFallReversedBackwardPct { get; init; }
    public int FallTrials { get; init; }
    public int FallsAlarmed { get; init; }
    public double? FallsAlarmedPct { get; init; }
    public int AdlTrials { get; init; }
    public int AdlWithFallAlarm { get; init; }
    public double? AdlFallAlarmPct { get; init; }
    public IReadOnlyList<ActivityAlarms> AdlFalseAlarmsByActivity { get; init; } = Array.Empty<ActivityAlarms>();
    public int ReversedWithFallAlarm { get; init; }

    /// <summary>Oxford and Bangle.js recordings (no falls in them) that raised a fall alarm; the target is none.</summary>
    public IReadOnlyList<string> NonFallDatasetAlarms { get; init; } = Array.Empty<string>();
    public double? MedianFallLatencyMs { get; init; }
    public int TiltWarnings { get; init; }
    /// <summary>ipol-gait trials evaluated (original recordings; their reversed copies are counted apart).</summary>
    public int IpolGaitRecordings { get; init; }

    /// <summary>Mean over the ipol-gait trials of |counted − true| / true in %.</summary>
    public double? IpolGaitMeanAbsErrorPct { get; init; }
    public double? IpolGaitWorstAbsErrorPct { get; init; }
    public string? IpolGaitWorstFile { get; init; }
    public int IpolGaitTrueSteps { get; init; }

    /// <summary>Counted steps of the ipol-gait trials that were counted forward, in % (all their walking is forward).</summary>
    public double? IpolGaitForwardPct { get; init; }
    /// <summary>ipol-gait trials or reversed copies (walks, no falls) that raised a fall alarm; the target is 0.</summary>
    public int IpolGaitWithFallAlarm { get; init; }
    public int IpolGaitReversedRecordings { get; init; }
    public double? IpolGaitReversedMeanAbsErrorPct { get; init; }

    /// <summary>Counted steps of the time-reversed ipol-gait copies that were counted backward, in %.</summary>
    public double? IpolGaitReversedBackwardPct { get; init; }
    /// <summary>ipol-gait trials (originals) with both a step-time CV estimate and a true one (docs/coach.md, "Steadiness").</summary>
    public int IpolGaitStepTimeCvTrials { get; init; }

    /// <summary>Mean over those trials of |estimated − true step-time CV|, percentage points (target: 1).</summary>
    public double? IpolGaitStepTimeCvMeanAbsDiffPp { get; init; }

    /// <summary>Mean over those trials of estimated − true step-time CV, percentage points (the bias).</summary>
    public double? IpolGaitStepTimeCvMeanDiffPp { get; init; }

    /// <summary>The same mean |difference| over the reversed copies, percentage points.</summary>
    public double? IpolGaitReversedStepTimeCvMeanAbsDiffPp { get; init; }

    public int OwnRecordingsWithTruth { get; init; }
    public double? OwnMeanAbsErrorPct { get; init; }

    public static EvalSummary From(IReadOnlyList<EvalResult> results)
    {
        var oxford = results
            .Where(r => r.Info.Dataset == OxfordReader.DatasetName && r.StepErrorPct is not null
                && OxfordBodyWornPlacements.Contains(r.Info.Placement, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var worst = oxford.OrderByDescending(r => Math.Abs(r.StepErrorPct!.Value)).FirstOrDefault();

        var bangle = results.Where(r => r.Info.Dataset == BangleReader.DatasetName).ToList();
        static CountedRecording Counted(EvalResult r) => new(r.Info.File, r.Info.Activity, r.Info.TrueSteps, r.CountedSteps,
            r.Info.PeerSteps.TryGetValue(BangleReader.PeerWatch, out var watch) ? watch : null);
        static bool IsDriving(EvalResult r) => r.Info.Activity?.StartsWith("drive", StringComparison.OrdinalIgnoreCase) == true;

        var sisfall = results.Where(r => r.Info.Dataset == SisFallReader.DatasetName).ToList();
        var walks = sisfall.Where(r => !r.Info.Reversed && SisFallReader.IsWalkOrJog(r.Info.Activity ?? "")).ToList();
        var reversed = sisfall.Where(r => r.Info.Reversed).ToList();
        var falls = sisfall.Where(r => r.Info.FallExpected == true).ToList();
        var adl = sisfall.Where(r => r.Info.FallExpected == false && !r.Info.Reversed).ToList();
        var ipol = results.Where(r => r.Info.Dataset == IpolGaitReader.DatasetName && r.StepErrorPct is not null).ToList();
        var ipolForward = ipol.Where(r => !r.Info.Reversed).ToList();
        var ipolReversed = ipol.Where(r => r.Info.Reversed).ToList();
        var ipolWorst = ipolForward.OrderByDescending(r => Math.Abs(r.StepErrorPct!.Value)).FirstOrDefault();
        var own = results.Where(r => r.Info.Dataset == RetroWalkCsv.DatasetName && r.StepErrorPct is not null).ToList();
        static List<double> CvDiffs(IEnumerable<EvalResult> rs) => rs
            .Where(r => r.StepTimeCvPct is not null && r.TrueStepTimeCvPct is not null)
            .Select(r => r.StepTimeCvPct!.Value - r.TrueStepTimeCvPct!.Value).ToList();
        var cvDiffs = CvDiffs(ipolForward);
        var reversedCvDiffs = CvDiffs(ipolReversed);
        var latencies = falls.Select(r => r.FallLatencyMs).OfType<double>().ToList();

        return new EvalSummary
        {
            Recordings = results.Count,
            OxfordBodyWornRecordings = oxford.Count,
            OxfordBodyWornMeanAbsErrorPct = oxford.Count > 0 ? oxford.Average(r => Math.Abs(r.StepErrorPct!.Value)) : null,
            OxfordBodyWornWorstAbsErrorPct = worst is null ? null : Math.Abs(worst.StepErrorPct!.Value),
            OxfordBodyWornWorstFile = worst?.Info.File,
            BangleNoStep = bangle.Where(r => r.Info.TrueSteps == 0 && !IsDriving(r)).Select(Counted).ToList(),
            BangleDriving = bangle.Where(IsDriving).Select(Counted).ToList(),
            SisFallWalks = walks.Count,
            SisFallWalkStepsCounted = walks.Sum(r => r.CountedSteps),
            SisFallWalkForwardPct = Percent(walks.Sum(r => r.ForwardSteps), walks.Sum(r => r.CountedSteps)),
            SisFallReversedWalks = reversed.Count,
            SisFallReversedStepsCounted = reversed.Sum(r => r.CountedSteps),
            SisFallReversedBackwardPct = Percent(reversed.Sum(r => r.BackwardSteps), reversed.Sum(r => r.CountedSteps)),
            FallTrials = falls.Count,
            FallsAlarmed = falls.Count(r => r.FallAlarm),
            FallsAlarmedPct = Percent(falls.Count(r => r.FallAlarm), falls.Count),
            AdlTrials = adl.Count,
            AdlWithFallAlarm = adl.Count(r => r.FallAlarm),
            AdlFallAlarmPct = Percent(adl.Count(r => r.FallAlarm), adl.Count),
            AdlFalseAlarmsByActivity = adl
                .GroupBy(r => r.Info.Activity ?? "?")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ActivityAlarms(g.Key, g.Count(), g.Count(r => r.FallAlarm)))
                .ToList(),
            ReversedWithFallAlarm = reversed.Count(r => r.FallAlarm),
            NonFallDatasetAlarms = results
                .Where(r => r.FallAlarm && r.Info.Dataset is OxfordReader.DatasetName or BangleReader.DatasetName)
                .Select(r => $"{r.Info.File} at {r.FallAlarmMs:F0} ms")
                .ToList(),
            MedianFallLatencyMs = Median(latencies),
            TiltWarnings = results.Sum(r => r.TiltWarnings),
            IpolGaitRecordings = ipolForward.Count,
            IpolGaitMeanAbsErrorPct = MeanAbsError(ipolForward),
            IpolGaitWorstAbsErrorPct = ipolWorst is null ? null : Math.Abs(ipolWorst.StepErrorPct!.Value),
            IpolGaitWorstFile = ipolWorst?.Info.File,
            IpolGaitTrueSteps = ipolForward.Sum(r => r.Info.TrueSteps ?? 0),
            IpolGaitForwardPct = Percent(ipolForward.Sum(r => r.ForwardSteps), ipolForward.Sum(r => r.CountedSteps)),
            IpolGaitWithFallAlarm = ipol.Count(r => r.FallAlarm),
            IpolGaitReversedRecordings = ipolReversed.Count,
            IpolGaitReversedMeanAbsErrorPct = MeanAbsError(ipolReversed),
            IpolGaitReversedBackwardPct = Percent(ipolReversed.Sum(r => r.BackwardSteps), ipolReversed.Sum(r => r.CountedSteps)),
            IpolGaitStepTimeCvTrials = cvDiffs.Count,
            IpolGaitStepTimeCvMeanAbsDiffPp = cvDiffs.Count > 0 ? cvDiffs.Average(Math.Abs) : null,
            IpolGaitStepTimeCvMeanDiffPp = cvDiffs.Count > 0 ? cvDiffs.Average() : null,
            IpolGaitReversedStepTimeCvMeanAbsDiffPp = reversedCvDiffs.Count > 0 ? reversedCvDiffs.Average(Math.Abs) : null,
            OwnRecordingsWithTruth = own.Count,
            OwnMeanAbsErrorPct = own.Count > 0 ? own.Average(r => Math.Abs(r.StepErrorPct!.Value)) : null,
        };
    }

    /// <summary>Mean of |step error| % over results that all have a truth, or null for none.</summary>
    public static double? MeanAbsError(IReadOnlyCollection<EvalResult> results) =>
        results.Count > 0 ? results.Average(r => Math.Abs(r.StepErrorPct!.Value)) : null;

    public static double? Percent(int part, int whole) => whole > 0 ? 100.0 * part / whole : null;

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
