using RetroWalk.Core.Motion;

namespace RetroWalk.Host.Synthesis;

/// <summary>What the wearer is doing over a stretch of the session.</summary>
public enum Activity
{
    Standing,
    Walking,
    Leaning,
    Falling,
    Lying,
}

/// <summary>A true step: the sample of the foot contact, its direction, and whether it is part of regular walking
/// (false for the quick, irregular steps of a stumble recovery).</summary>
public readonly record struct TrueStep(int Sample, WalkDirection Direction, bool Regular);

/// <summary>A walking bout from its first movement to standing again (or to what interrupts it). End is exclusive.</summary>
public sealed record TrueBout(WalkDirection Direction, int StartSample, int EndSample, int Steps);

/// <summary>A trip: the foot is caught, the recovery step lands hard (the jolt), the trunk is upright again.</summary>
public sealed record TrueStumble(int TripSample, int JoltSample, int RecoveredSample);

/// <summary>A fall: balance lost at onset, the impact's peak at ImpactSample.</summary>
public sealed record TrueFall(int OnsetSample, int ImpactSample);

/// <summary>A backward lean: leaning from StartSample, held at PeakBackwardDeg between the hold samples, upright at End.</summary>
public sealed record TrueLean(int StartSample, int HoldStartSample, int HoldEndSample, int EndSample, double PeakBackwardDeg);

/// <summary>A stretch of one activity. End is exclusive.</summary>
public sealed record TruePhase(Activity Activity, int StartSample, int EndSample);

/// <summary>The exact ground truth of a synthesized session, in sample indices at the session's rate.</summary>
public sealed class GroundTruth
{
    internal GroundTruth(int sampleRateHz, int sampleCount, IReadOnlyList<TrueStep> steps, IReadOnlyList<TrueBout> bouts,
        IReadOnlyList<TrueStumble> stumbles, IReadOnlyList<TrueFall> falls, IReadOnlyList<TrueLean> leans, IReadOnlyList<TruePhase> phases)
    {
        SampleRateHz = sampleRateHz;
        SampleCount = sampleCount;
        Steps = steps;
        Bouts = bouts;
        Stumbles = stumbles;
        Falls = falls;
        Leans = leans;
        Phases = phases;
    }

    public int SampleRateHz { get; }
    public int SampleCount { get; }
    public IReadOnlyList<TrueStep> Steps { get; }
    public IReadOnlyList<TrueBout> Bouts { get; }
    public IReadOnlyList<TrueStumble> Stumbles { get; }
    public IReadOnlyList<TrueFall> Falls { get; }
    public IReadOnlyList<TrueLean> Leans { get; }
    public IReadOnlyList<TruePhase> Phases { get; }

    public int ForwardSteps => Count(WalkDirection.Forward);
    public int BackwardSteps => Count(WalkDirection.Backward);

    /// <summary>Steps in one direction; with regularOnly, leaves out the irregular steps of a stumble.</summary>
    public int Count(WalkDirection direction, bool regularOnly = false) =>
        Steps.Count(s => s.Direction == direction && (s.Regular || !regularOnly));

    /// <summary>Seconds a sample index stands for.</summary>
    public double SecondsAt(int sample) => (double)sample / SampleRateHz;
}

/// <summary>Collects truth in seconds from the segments and turns it into sample indices.</summary>
public sealed class GroundTruthBuilder
{
    private readonly int _rateHz;
    private readonly List<TrueStep> _steps = new();
    private readonly List<TrueBout> _bouts = new();
    private readonly List<TrueStumble> _stumbles = new();
    private readonly List<TrueFall> _falls = new();
    private readonly List<TrueLean> _leans = new();
    private readonly List<TruePhase> _phases = new();

    public GroundTruthBuilder(int sampleRateHz) => _rateHz = sampleRateHz;

    /// <summary>
    /// The first sample whose interval holds the instant: sample i stands for the interval ending at i / rate, so
    /// an event at t first shows in sample ⌈t·rate⌉.
    /// </summary>
    public int Sample(double seconds) => (int)Math.Ceiling(seconds * _rateHz - 1e-9);

    public void AddStep(double s, WalkDirection direction, bool regular) => _steps.Add(new TrueStep(Sample(s), direction, regular));

    public void AddBout(WalkDirection direction, double startS, double endS) => _bouts.Add(new TrueBout(direction, Sample(startS), Sample(endS), 0));

    public void AddStumble(double tripS, double joltS, double recoveredS) => _stumbles.Add(new TrueStumble(Sample(tripS), Sample(joltS), Sample(recoveredS)));

    public void AddFall(double onsetS, double impactS) => _falls.Add(new TrueFall(Sample(onsetS), Sample(impactS)));

    public void AddLean(double startS, double holdS, double holdEndS, double endS, double peakDeg) =>
        _leans.Add(new TrueLean(Sample(startS), Sample(holdS), Sample(holdEndS), Sample(endS), peakDeg));

    public void AddPhase(Activity activity, double startS, double endS) => _phases.Add(new TruePhase(activity, Sample(startS), Sample(endS)));

    public GroundTruth Build(int sampleCount)
    {
        // A bout's step count is known only once its steps are in.
        var bouts = _bouts.Select(b => b with
        {
            Steps = _steps.Count(s => s.Sample >= b.StartSample && s.Sample < b.EndSample && s.Direction == b.Direction),
        }).ToList();
        return new GroundTruth(_rateHz, sampleCount, _steps.ToList(), bouts, _stumbles.ToList(), _falls.ToList(), _leans.ToList(), _phases.ToList());
    }
}
