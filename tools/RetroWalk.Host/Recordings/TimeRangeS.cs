namespace RetroWalk.Host.Recordings;

/// <summary>A stretch of a recording, in seconds from its start (end inclusive, as the datasets mark it).</summary>
public readonly record struct TimeRangeS(double StartS, double EndS)
{
    public bool Contains(double timeS) => timeS >= StartS && timeS <= EndS;

    /// <summary>The same stretch in a copy reversed in time over a recording of <paramref name="durationS"/>.</summary>
    public TimeRangeS Reversed(double durationS) => new(durationS - EndS, durationS - StartS);
}
