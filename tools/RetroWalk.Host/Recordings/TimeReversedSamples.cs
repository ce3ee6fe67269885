namespace RetroWalk.Host.Recordings;

/// <summary>
/// A recording's samples played backwards, computed on access (no copy): sample i is source sample n-1-i at time
/// T - t, its accelerations as they are, its angular rates negated (<see cref="Recording.TimeReversed"/>).
/// </summary>
public sealed class TimeReversedSamples : IReadOnlyList<MotionSample>
{
    private readonly IReadOnlyList<MotionSample> _source;
    private readonly double _endS;

    public TimeReversedSamples(IReadOnlyList<MotionSample> source)
    {
        _source = source;
        _endS = source.Count == 0 ? 0 : source[^1].TimeS;
    }

    public int Count => _source.Count;

    public MotionSample this[int index]
    {
        get
        {
            var s = _source[_source.Count - 1 - index];
            return new MotionSample(_endS - s.TimeS, s.Ax, s.Ay, s.Az, -s.Gx, -s.Gy, -s.Gz);
        }
    }

    public IEnumerator<MotionSample> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
