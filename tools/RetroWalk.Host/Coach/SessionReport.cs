using System.Globalization;
using RetroWalk.Core;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Session;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Coach;

/// <summary>
/// The sessions of an input as the core's <see cref="SessionRecorder"/> books them, run beside the tracker once per
/// 100 ms as on the device (the device loop does not run the recorder yet: docs/coach.md), for `retrowalk simulate
/// --sessions`. A session still running at the end of the input is ended there, as by a command. <see cref="PrintDownload"/>
/// prints the sessions as the emulated phone downloaded them from the emulated device (Control Point 0x13, Session log).
/// </summary>
public static class SessionReport
{
    /// <param name="startEpochS">Wall clock at the first sample (UTC s), or 0 for a clock never set.</param>
    public static SessionRecorder Record(IEnumerable<RawSample> samples, TrackerConfig config, UserSettings? settings = null, long startEpochS = 0)
    {
        var tracker = new Tracker(config);
        int rateHz = config.Sensor.SampleRateHz;
        int perLoop = Math.Max(1, rateHz / 10);
        var recorder = new SessionRecorder(settings ?? new UserSettings(), rateHz, SessionStoreCodec.Capacity);
        uint Epoch() => startEpochS == 0 ? 0 : (uint)(startEpochS + tracker.SampleIndex / rateHz);
        foreach (var s in samples)
        {
            tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            if (tracker.SampleIndex % perLoop == 0)
            {
                recorder.Update(tracker.StepLog, tracker.SampleIndex, Epoch());
            }
        }
        recorder.Update(tracker.StepLog, tracker.SampleIndex, Epoch());
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
            PrintSession(s, s.ForwardSteadiness.CvPermille, s.ForwardSteadiness.AsymmetryPermille, s.ForwardSteadiness.Bouts,
                s.BackwardSteadiness.CvPermille, s.BackwardSteadiness.AsymmetryPermille, s.BackwardSteadiness.Bouts,
                Inv($"from {s.StartMs / 1000.0:F1} s"), output);
        }
    }

    /// <summary>Prints what the phone downloaded (times to the second, as the Session log carries them).</summary>
    public static void PrintDownload(SessionLogReader log, byte status, int notifications, int attMtu, TextWriter output)
    {
        output.WriteLine($"sessions downloaded by the phone (Control Point 0x13 status {status}, {notifications} Session log notifications at ATT MTU {attMtu}): {log.Sessions.Count}{(log.Error is null ? "" : $"; error: {log.Error}")}");
        foreach (var d in log.Sessions)
        {
            var s = d.Record;
            var f = d.Figures;
            string start = s.StartEpochS == 0 ? "clock not set"
                : DateTimeOffset.FromUnixTimeSeconds(s.StartEpochS).UtcDateTime.ToString("'from' yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            PrintSession(s, f[SessionCodec.ForwardCv], f[SessionCodec.ForwardAsymmetry], f[SessionCodec.ForwardBouts],
                f[SessionCodec.BackwardCv], f[SessionCodec.BackwardAsymmetry], f[SessionCodec.BackwardBouts], start, output);
        }
    }

    private static void PrintSession(SessionRecord s, int forwardCv, int forwardAsymmetry, int forwardBouts,
        int backwardCv, int backwardAsymmetry, int backwardBouts, string start, TextWriter output)
    {
        static string Pct(int permille) => (permille / 10.0).ToString("F1", CultureInfo.InvariantCulture);
        output.WriteLine(Inv(
            $"  session {s.Number}: {s.DurationMs / 1000.0:F0} s {start}; forward {s.ForwardSteps} steps {s.ForwardMs / 1000.0:F0} s {s.ForwardCadenceSpm} spm {s.ForwardKcal} kcal; backward {s.BackwardSteps} steps {s.BackwardMs / 1000.0:F0} s {s.BackwardCadenceSpm} spm {s.BackwardKcal} kcal; longest backward streak {s.LongestBackwardStreakSteps}"));
        output.WriteLine($"    steadiness: forward CV {Pct(forwardCv)} % asymmetry {Pct(forwardAsymmetry)} % ({forwardBouts} bouts), backward CV {Pct(backwardCv)} % asymmetry {Pct(backwardAsymmetry)} % ({backwardBouts} bouts)");
        for (int k = 0; k < s.IntervalCount; k++)
        {
            output.WriteLine(Inv(
                $"    interval {k + 1}: {(s.IntervalDirection[k] == 2 ? "backward" : "forward")} at {s.IntervalStartMs[k] / 1000.0:F1} s for {s.IntervalDurationMs[k] / 1000.0:F1} s, {s.IntervalSteps[k]} steps"));
        }
        if (s.IntervalsTruncated)
        {
            output.WriteLine($"    ({s.IntervalTotal - s.IntervalCount} more intervals not listed)");
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
