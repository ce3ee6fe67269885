using System.Globalization;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Session;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Coach;

/// <summary>
/// The sessions of an input as the core's <see cref="SessionRecorder"/> books them, run beside the tracker once per
/// 100 ms as on the device (the device loop does not run the recorder yet: docs/coach.md), for `retrowalk simulate
/// --sessions`. A session still running at the end of the input is ended there, as by a command.
/// </summary>
public static class SessionReport
{
    public static SessionRecorder Record(IEnumerable<RawSample> samples, TrackerConfig config, UserSettings? settings = null)
    {
        var tracker = new Tracker(config);
        int rateHz = config.Sensor.SampleRateHz;
        int perLoop = Math.Max(1, rateHz / 10);
        var recorder = new SessionRecorder(settings ?? new UserSettings(), rateHz, SessionStoreCodec.Capacity);
        foreach (var s in samples)
        {
            tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            if (tracker.SampleIndex % perLoop == 0)
            {
                recorder.Update(tracker.StepLog, tracker.SampleIndex, 0);
            }
        }
        recorder.Update(tracker.StepLog, tracker.SampleIndex, 0);
        recorder.EndByCommand(tracker.SampleIndex);
        return recorder;
    }

    public static void Print(SessionRecorder recorder, TextWriter output)
    {
        var h = recorder.History;
        output.WriteLine(h.Count == 0 ? "sessions: none" : $"sessions: {h.Count}");
        for (int i = 0; i < h.Count; i++)
        {
            var s = h.Get(i);
            static string Pct(int permille) => (permille / 10.0).ToString("F1", CultureInfo.InvariantCulture);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  session {s.Number}: {s.DurationMs / 1000.0:F0} s from {s.StartMs / 1000.0:F1} s; forward {s.ForwardSteps} steps {s.ForwardMs / 1000.0:F0} s {s.ForwardCadenceSpm} spm {s.ForwardKcal} kcal; backward {s.BackwardSteps} steps {s.BackwardMs / 1000.0:F0} s {s.BackwardCadenceSpm} spm {s.BackwardKcal} kcal; longest backward streak {s.LongestBackwardStreakSteps}"));
            output.WriteLine($"    steadiness: forward CV {Pct(s.ForwardSteadiness.CvPermille)} % asymmetry {Pct(s.ForwardSteadiness.AsymmetryPermille)} % ({s.ForwardSteadiness.Bouts} bouts), backward CV {Pct(s.BackwardSteadiness.CvPermille)} % asymmetry {Pct(s.BackwardSteadiness.AsymmetryPermille)} % ({s.BackwardSteadiness.Bouts} bouts)");
            for (int k = 0; k < s.IntervalCount; k++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    interval {k + 1}: {(s.IntervalDirection[k] == 2 ? "backward" : "forward")} at {s.IntervalStartMs[k] / 1000.0:F1} s for {s.IntervalDurationMs[k] / 1000.0:F1} s, {s.IntervalSteps[k]} steps"));
            }
            if (s.IntervalsTruncated)
            {
                output.WriteLine($"    ({s.IntervalTotal - s.IntervalCount} more intervals not listed)");
            }
        }
    }
}
