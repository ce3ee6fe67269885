namespace RetroWalk.Host.Recordings;

/// <summary>A recording read from any source: its description and its samples in physical units, device frame.</summary>
public sealed class Recording
{
    public Recording(RecordingInfo info, IReadOnlyList<MotionSample> samples, bool hasGyro)
    {
        Info = info;
        Samples = samples;
        HasGyro = hasGyro;
    }

    public RecordingInfo Info { get; }

    /// <summary>
    /// Samples with strictly increasing <see cref="MotionSample.TimeS"/>, starting at 0: from a reader, a
    /// <see cref="SampleStore"/> (bounded memory whatever the length); read them in order for speed.
    /// </summary>
    public IReadOnlyList<MotionSample> Samples { get; }

    /// <summary>False when the source had no gyroscope (the angular rates are then zero).</summary>
    public bool HasGyro { get; }

    public double DurationS => Samples.Count == 0 ? 0 : Samples[^1].TimeS;

    /// <summary>Mean source rate in Hz (samples per second over the whole recording).</summary>
    public double MeanRateHz => DurationS > 0 ? (Samples.Count - 1) / DurationS : 0;

    /// <summary>
    /// The same motion played backwards, as a backward-walking proxy: accelerations reversed in time (a(t) → a(T-t)),
    /// angular rates reversed in time and negated (ω(t) → -ω(T-t)). Labels are kept, times in them (impact, footsteps, walk, turns) mirrored; the copy is marked reversed.
    /// The samples are a view over this recording's (<see cref="TimeReversedSamples"/>), so the copy costs no memory.
    /// </summary>
    public Recording TimeReversed()
    {
        var reversed = new TimeReversedSamples(Samples);
        var end = DurationS;
        var impact = Info.ImpactMs is { } ms ? end * 1000 - ms : (double?)null;
        var info = Info with
        {
            Reversed = true,
            ImpactMs = impact,
            FirstImpactMs = null, // reversed, the first contact would be the last: a reversed fall is no fall
            StepTimesS = Info.StepTimesS?.Reverse().Select(t => end - t).ToArray(),
            WalkS = Info.WalkS?.Reversed(end),
            TurnsS = Info.TurnsS.Reverse().Select(t => t.Reversed(end)).ToArray(),
        };
        return new Recording(info, reversed, HasGyro);
    }
}
