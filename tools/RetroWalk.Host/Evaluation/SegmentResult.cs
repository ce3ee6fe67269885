namespace RetroWalk.Host.Evaluation;

/// <summary>
/// What the tracker found in one labelled segment of a RetroWalk recording: the steps it credited while replaying the
/// segment's samples and the direction they went. <see cref="Agrees"/> compares that with the label's direction
/// (walking_forward, walking_backward); null for labels that imply none.
/// </summary>
public sealed record SegmentResult(
    string Label,
    bool Treadmill,
    double StartS,
    double EndS,
    int Samples,
    int MissingSamples,
    int UnknownGaps,
    int ForwardSteps,
    int BackwardSteps,
    string? ExpectedDirection,
    string FoundDirection)
{
    public const string Forward = "forward";
    public const string Backward = "backward";
    public const string NoSteps = "none";
    public const string Mixed = "mixed";

    public bool? Agrees => ExpectedDirection is null ? null : ExpectedDirection == FoundDirection;

    /// <summary>The direction of the steps credited: the one with more steps, "none" without steps, "mixed" on a tie.</summary>
    public static string DirectionOf(int forwardSteps, int backwardSteps) =>
        forwardSteps == 0 && backwardSteps == 0 ? NoSteps
        : forwardSteps > backwardSteps ? Forward
        : backwardSteps > forwardSteps ? Backward
        : Mixed;
}
