using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Evaluation;

/// <summary>
/// Per labelled segment (RetroWalk recordings, format version 2): replays the whole recording through one tracker, as
/// the device would have counted it, and books the steps credited while each segment's samples were fed. A step
/// credited in a segment belongs to it even if the detector confirmed it a few samples late; gaps are not filled in.
/// </summary>
public static class SegmentEvaluation
{
    public static IReadOnlyList<SegmentResult> Run(Recording recording, TrackerConfig config)
    {
        var segments = recording.Info.Segments;
        if (segments.Count == 0)
        {
            return Array.Empty<SegmentResult>();
        }
        var perRecording = Evaluator.WithForwardAxis(config, recording.Info.ForwardAxis);
        var raw = DeviceConverter.ToRaw(recording, perRecording.Sensor);
        var rate = perRecording.Sensor.SampleRateHz;
        var tracker = new Tracker(perRecording);
        var results = new List<SegmentResult>(segments.Count);
        var fed = 0;
        foreach (var segment in segments)
        {
            // Segment bounds in device samples (the same indices when the recording's rate is the device's).
            var start = Math.Min(raw.Length, (int)Math.Round(segment.StartS * rate));
            var end = Math.Min(raw.Length, (int)Math.Round(segment.EndS * rate));
            Feed(tracker, raw, ref fed, start);
            var forward = tracker.ForwardSteps;
            var backward = tracker.BackwardSteps;
            Feed(tracker, raw, ref fed, end);
            var f = (int)(tracker.ForwardSteps - forward);
            var b = (int)(tracker.BackwardSteps - backward);
            results.Add(new SegmentResult(segment.Label, segment.Treadmill, segment.StartS, segment.EndS, segment.Samples,
                segment.MissingSamples, segment.UnknownGaps, f, b, segment.ExpectedDirection, SegmentResult.DirectionOf(f, b)));
        }
        return results;
    }

    private static void Feed(Tracker tracker, RawSample[] raw, ref int fed, int until)
    {
        for (; fed < until; fed++)
        {
            var s = raw[fed];
            tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
        }
    }
}
