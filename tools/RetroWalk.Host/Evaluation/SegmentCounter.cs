using RetroWalk.Core;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Evaluation;

/// <summary>
/// Books, per labelled segment of a RetroWalk recording (format version 2), the steps the tracker credits while the
/// segment's samples are fed, during the evaluation's one replay (<see cref="Evaluator.Run"/>): call
/// <see cref="Before"/> before each device sample, <see cref="Finish"/> at the end. A step credited in a segment belongs to
/// it even if the detector confirmed it a few samples late; gaps are not filled in.
/// </summary>
public sealed class SegmentCounter
{
    private readonly IReadOnlyList<LabelledSegment> _segments;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly uint[] _forwardAtStart;
    private readonly uint[] _backwardAtStart;
    private readonly SegmentResult?[] _results;
    private int _nextOpen;
    private int _next;

    /// <param name="deviceRateHz">The rate the tracker is fed at (segment bounds are converted from seconds to it).</param>
    public SegmentCounter(IReadOnlyList<LabelledSegment> segments, int deviceRateHz)
    {
        _segments = segments;
        int n = segments.Count;
        _start = new int[n];
        _end = new int[n];
        _forwardAtStart = new uint[n];
        _backwardAtStart = new uint[n];
        _results = new SegmentResult?[n];
        for (int i = 0; i < n; i++)
        {
            _start[i] = (int)Math.Round(segments[i].StartS * deviceRateHz);
            _end[i] = (int)Math.Round(segments[i].EndS * deviceRateHz);
        }
    }

    /// <summary>Before device sample <paramref name="index"/> is fed (every index from 0 in turn): opens the segments that start here, closes those that end.</summary>
    public void Before(int index, Tracker tracker)
    {
        while (_nextOpen < _segments.Count && _start[_nextOpen] <= index)
        {
            Open(_nextOpen++, tracker);
        }
        while (_next < _nextOpen && _end[_next] <= index)
        {
            Close(_next++, tracker);
        }
    }

    /// <summary>After the last sample: closes what is still open and returns one result per segment, in file order.</summary>
    public IReadOnlyList<SegmentResult> Finish(Tracker tracker)
    {
        while (_nextOpen < _segments.Count)
        {
            Open(_nextOpen++, tracker); // starts at or after the end (rounding): no steps
        }
        while (_next < _segments.Count)
        {
            Close(_next++, tracker);
        }
        return _results.Select(r => r!).ToArray();
    }

    private void Open(int i, Tracker tracker)
    {
        _forwardAtStart[i] = tracker.ForwardSteps;
        _backwardAtStart[i] = tracker.BackwardSteps;
    }

    private void Close(int i, Tracker tracker)
    {
        var segment = _segments[i];
        var f = (int)(tracker.ForwardSteps - _forwardAtStart[i]);
        var b = (int)(tracker.BackwardSteps - _backwardAtStart[i]);
        _results[i] = new SegmentResult(segment.Label, segment.Treadmill, segment.StartS, segment.EndS, segment.Samples,
            segment.MissingSamples, segment.UnknownGaps, f, b, segment.ExpectedDirection, SegmentResult.DirectionOf(f, b));
    }
}
