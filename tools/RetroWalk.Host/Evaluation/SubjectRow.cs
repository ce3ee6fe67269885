namespace RetroWalk.Host.Evaluation;

/// <summary>
/// One subject of one dataset: how the tracker did on that person's trials. Figures are null where the subject had no
/// data for them (no true counts, no walks, no falls).
/// </summary>
/// <param name="Trials">Original trials (reversed copies not counted).</param>
/// <param name="StepTrials">Original trials with a non-zero true step count.</param>
/// <param name="MeanAbsStepErrorPct">Mean over those trials of |counted − true| / true in %.</param>
/// <param name="WorstAbsStepErrorPct">The largest of those errors.</param>
/// <param name="ForwardPct">Counted steps of the original walks counted forward, in % (SisFall D01-D04; every trial of the other sets).</param>
/// <param name="ReversedBackwardPct">Counted steps of the time-reversed copies counted backward, in %.</param>
/// <param name="FallTrials">Trials labelled as falls.</param>
/// <param name="FallsAlarmed">Of those, trials that raised a fall alarm.</param>
/// <param name="NonFallTrials">Trials and reversed copies without a fall.</param>
/// <param name="FalseAlarms">Of those, recordings that raised a fall alarm.</param>
public sealed record SubjectRow(
    string Dataset,
    string Subject,
    int? Age,
    int Trials,
    int StepTrials,
    double? MeanAbsStepErrorPct,
    double? WorstAbsStepErrorPct,
    int WalkStepsCounted,
    double? ForwardPct,
    int ReversedStepsCounted,
    double? ReversedBackwardPct,
    int FallTrials,
    int FallsAlarmed,
    int NonFallTrials,
    int FalseAlarms);
