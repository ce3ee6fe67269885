using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Evaluation;

/// <summary>What the tracker made of one recording (or one time-reversed copy).</summary>
public sealed record EvalResult
{
    public required RecordingInfo Info { get; init; }

    /// <summary>Samples fed to the tracker at the device rate.</summary>
    public int DeviceSamples { get; init; }

    public double DurationS { get; init; }

    public bool HasGyro { get; init; }

    public int ForwardSteps { get; init; }

    public int BackwardSteps { get; init; }

    public int CountedSteps => ForwardSteps + BackwardSteps;

    public double? FallAlarmMs { get; init; }

    public bool FallAlarm => FallAlarmMs is not null;

    public int TiltWarnings { get; init; }

    /// <summary>The tracker's step-time CV in % over its steady bouts, turns left out (docs/coach.md); null without one.</summary>
    public double? StepTimeCvPct { get; init; }

    /// <summary>The step-time CV in % from the dataset's marked footsteps, turns left out; null where none are marked.</summary>
    public double? TrueStepTimeCvPct { get; init; }
    /// <summary>Per labelled segment (RetroWalk recordings with labels), in file order; empty otherwise.</summary>
    public IReadOnlyList<SegmentResult> Segments { get; init; } = Array.Empty<SegmentResult>();

    /// <summary>Signed step error in % of the true count, or null without a (non-zero) truth.</summary>
    public double? StepErrorPct => Info.TrueSteps is > 0 and var truth ? 100.0 * (CountedSteps - truth) / truth : null;

    /// <summary>Alarm time minus impact time (SisFall falls that raised an alarm), in ms.</summary>
    public double? FallLatencyMs => FallAlarmMs is { } alarm && Info.ImpactMs is { } impact ? alarm - impact : null;
}
