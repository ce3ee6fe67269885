using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;

namespace RetroWalk.Cli.Plot;

/// <summary>A detected step: when it was credited and which way.</summary>
public readonly record struct TraceStep(double TimeS, WalkDirection Direction);

/// <summary>A period during which the alarm level was raised (tilt warning or fall alarm), from start to end in s.</summary>
public readonly record struct AlarmBand(double StartS, double EndS, AlarmLevel Level);

/// <summary>
/// What `retrowalk plot` draws, sampled from the core tracker as it ran over a recording: acceleration magnitude, tilt,
/// the steps it credited, the alarm periods, and the true step times when the recording has them. Kept apart from the
/// drawing so tests count what is drawn from this model rather than from pixels.
/// </summary>
public sealed class SessionTrace
{
    public required string Title { get; init; }
    public required double[] TimeS { get; init; }
    public required double[] MagnitudeG { get; init; }
    public required double[] TiltDeg { get; init; }
    public required IReadOnlyList<TraceStep> Steps { get; init; }
    public required IReadOnlyList<AlarmBand> Bands { get; init; }

    /// <summary>True footstep times (s), or empty when the recording has none.</summary>
    public IReadOnlyList<double> TrueStepTimesS { get; init; } = [];

    public required int TiltWarnBackwardDeg { get; init; }
    public required int TiltWarnForwardDeg { get; init; }

    /// <summary>The part between <paramref name="fromS"/> and <paramref name="toS"/> (null = from the start / to the end).</summary>
    public SessionTrace Window(double? fromS, double? toS)
    {
        double from = fromS ?? double.NegativeInfinity, to = toS ?? double.PositiveInfinity;
        int first = Array.FindIndex(TimeS, t => t >= from);
        int last = Array.FindLastIndex(TimeS, t => t <= to);
        int count = first < 0 || last < first ? 0 : last - first + 1;
        return new SessionTrace
        {
            Title = Title,
            TimeS = TimeS.AsSpan(Math.Max(first, 0), count).ToArray(),
            MagnitudeG = MagnitudeG.AsSpan(Math.Max(first, 0), count).ToArray(),
            TiltDeg = TiltDeg.AsSpan(Math.Max(first, 0), count).ToArray(),
            Steps = Steps.Where(s => s.TimeS >= from && s.TimeS <= to).ToList(),
            Bands = Bands.Where(b => b.EndS >= from && b.StartS <= to)
                .Select(b => b with { StartS = Math.Max(b.StartS, from), EndS = Math.Min(b.EndS, to) }).ToList(),
            TrueStepTimesS = TrueStepTimesS.Where(t => t >= from && t <= to).ToList(),
            TiltWarnBackwardDeg = TiltWarnBackwardDeg,
            TiltWarnForwardDeg = TiltWarnForwardDeg,
        };
    }
}
