using RetroWalk.Core.Config;
using RetroWalk.Core;
using RetroWalk.Core.Session;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Coach;

/// <summary>
/// Step-time variability of a recording for <c>retrowalk eval</c> (docs/eval.md, docs/coach.md "Steadiness"): the
/// tracker's estimate, from the core's <see cref="SessionRecorder"/> run beside the tracker once per 100 ms as on the
/// device, and the truth from the dataset's hand-marked footsteps (<see cref="RecordingInfo.StepTimesS"/>). Both leave
/// out the marked turns (<see cref="RecordingInfo.TurnsS"/>) and what lies outside the marked walk
/// (<see cref="RecordingInfo.WalkS"/>): the recorder's steady bout is broken on every loop there, the true step times
/// that touch them are dropped.
/// </summary>
public sealed class StepTimeVariability
{
    public const int LoopMs = 100;

    private readonly Tracker _tracker;
    private readonly SessionRecorder _recorder;
    private readonly RecordingInfo _info;
    private readonly int _samplesPerLoop;
    private readonly int _rateHz;

    /// <summary>
    /// The truth's steady-walking rule: a marked step time more than this far off the running mean is not steady. Fixed
    /// (it was the recorder's rule when the truth was defined), so the truth does not move when the recorder's own
    /// tolerance (<see cref="SessionRecorder.SteadyTolerancePercent"/>) is varied.
    /// </summary>
    public const int TruthOutlierPercent = 30;

    public StepTimeVariability(Tracker tracker, RecordingInfo info, int steadyTolerancePercent = SessionRecorder.OutlierPercent)
    {
        _tracker = tracker;
        _rateHz = tracker.Config.Sensor.SampleRateHz;
        _samplesPerLoop = Math.Max(1, _rateHz * LoopMs / 1000);
        _recorder = new SessionRecorder(new UserSettings(), _rateHz, 1) { SteadyTolerancePercent = steadyTolerancePercent };
        _info = info;
    }

    /// <summary>Call after every sample given to the tracker.</summary>
    public void AfterSample()
    {
        long sample = _tracker.SampleIndex;
        if (sample % _samplesPerLoop != 0)
        {
            return;
        }

        _recorder.Update(_tracker.StepLog, sample, 0);
        double nowS = (double)sample / _rateHz;
        if (!InWalk(_info, nowS) || _info.TurnsS.Any(t => nowS >= t.StartS && nowS <= t.EndS))
        {
            _recorder.BreakSteadyBout();
        }
    }

    /// <summary>Ends the session and returns the tracker's step-time CV in %, or null without a steady bout.</summary>
    public double? EstimateCvPct()
    {
        _recorder.Update(_tracker.StepLog, _tracker.SampleIndex, 0);
        if (!_recorder.EndByCommand(_tracker.SampleIndex) || _recorder.History.Count == 0)
        {
            return null;
        }

        var pooled = new Steadiness();
        _recorder.History.Get(_recorder.History.Count - 1).SessionSteadiness(pooled);
        return pooled.Bouts > 0 ? pooled.CvPermille / 10.0 : null;
    }

    /// <summary>
    /// The true step-time CV in % from the marked footsteps, or null where a recording has none: step times between
    /// consecutive footsteps inside the marked walk, cut into straight stretches at the marked turns; each stretch
    /// without its first <see cref="SessionRecorder.WarmUpSteps"/> and last <see cref="SessionRecorder.CoolDownSteps"/>
    /// step times, kept with at least <see cref="SessionRecorder.MinBoutSteps"/>; pooled as the core pools bouts
    /// (within-stretch variance over the pooled mean).
    /// </summary>
    public static double? TrueCvPct(RecordingInfo info)
    {
        if (info.StepTimesS is not { Count: > 2 } times)
        {
            return null;
        }

        var stretches = new List<List<double>>();
        var current = new List<double>();
        for (int k = 1; k < times.Count; k++)
        {
            double a = times[k - 1], b = times[k];
            if (info.TurnsS.Any(t => b >= t.StartS && a <= t.EndS) || !InWalk(info, a) || !InWalk(info, b))
            {
                stretches.Add(current);
                current = new List<double>();
                continue;
            }
            current.Add(b - a);
        }
        stretches.Add(current);

        double squares = 0, sum = 0;
        int steps = 0, bouts = 0;
        foreach (var stretch in stretches)
        {
            foreach (var bout in SteadyBouts(stretch))
            {
                double mean = bout.Average();
                squares += bout.Sum(x => (x - mean) * (x - mean));
                sum += bout.Sum();
                steps += bout.Count;
                bouts++;
            }
        }
        return steps - bouts > 0 ? 100 * Math.Sqrt(squares / (steps - bouts)) / (sum / steps) : null;
    }

    /// <summary>
    /// The recorder's rule on a straight stretch of true step times: skip the warm-up; a step time more than
    /// <see cref="TruthOutlierPercent"/> off the running mean (weight 1/8) ends the bout and is itself not
    /// used; each bout without its last <see cref="SessionRecorder.CoolDownSteps"/>, kept with at least
    /// <see cref="SessionRecorder.MinBoutSteps"/>.
    /// </summary>
    private static IEnumerable<List<double>> SteadyBouts(List<double> stretch)
    {
        var bout = new List<double>();
        double runningMean = 0;
        for (int i = SessionRecorder.WarmUpSteps; i < stretch.Count; i++)
        {
            double t = stretch[i];
            if (runningMean > 0 && Math.Abs(t - runningMean) * 100 > runningMean * TruthOutlierPercent)
            {
                if (Kept(bout) is { } done) yield return done;
                bout = new List<double>();
                runningMean = 0;
                continue;
            }
            runningMean = runningMean == 0 ? t : runningMean + (t - runningMean) / 8;
            bout.Add(t);
        }
        if (Kept(bout) is { } last) yield return last;
    }

    private static List<double>? Kept(List<double> bout)
    {
        var kept = bout.Take(bout.Count - SessionRecorder.CoolDownSteps).ToList();
        return kept.Count >= SessionRecorder.MinBoutSteps ? kept : null;
    }

    /// <summary>True inside the marked walk, or everywhere where none is marked.</summary>
    private static bool InWalk(RecordingInfo info, double s) => info.WalkS is not { } walk || (s >= walk.StartS && s <= walk.EndS);
}
