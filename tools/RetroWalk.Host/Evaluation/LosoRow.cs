namespace RetroWalk.Host.Evaluation;

/// <summary>
/// One held-out subject of a leave-one-subject-out selection: the grid value chosen on the other subjects of its
/// dataset, and the subject's own figure at that value, at the default and at its own best value (lower is better).
/// </summary>
public sealed record LosoRow(
    string Dataset,
    string Subject,
    int? Age,
    int ChosenValue,
    double? FigureAtChosen,
    double? FigureAtDefault,
    int OwnBestValue,
    double? FigureAtOwnBest);
