using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Cli.Plot;

/// <summary>Runs the core tracker over raw device samples and records, sample by sample, what <see cref="SessionTrace"/> holds.</summary>
public static class TraceBuilder
{
    public static SessionTrace Build(string title, IReadOnlyList<RawSample> raw, TrackerConfig config, IReadOnlyList<double>? trueStepTimesS = null)
    {
        var tracker = new Tracker(config);
        int n = raw.Count;
        var time = new double[n];
        var magnitude = new double[n];
        var tilt = new double[n];
        var steps = new List<TraceStep>();
        var bands = new List<AlarmBand>();
        double countsPerG = config.Sensor.AccelCountsPerG;
        double rate = config.Sensor.SampleRateHz;
        uint forward = 0, backward = 0;
        var level = AlarmLevel.None;
        double bandStart = 0;
        for (var i = 0; i < n; i++)
        {
            var s = raw[i];
            tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            double t = i / rate;
            time[i] = t;
            magnitude[i] = Math.Sqrt((double)s.Ax * s.Ax + (double)s.Ay * s.Ay + (double)s.Az * s.Az) / countsPerG;
            tilt[i] = tracker.TiltDeciDeg / 10.0;
            // A step credited late (a walk confirmed after N steps) credits several at once: one mark each.
            for (; forward < tracker.ForwardSteps; forward++) steps.Add(new TraceStep(t, WalkDirection.Forward));
            for (; backward < tracker.BackwardSteps; backward++) steps.Add(new TraceStep(t, WalkDirection.Backward));
            forward = tracker.ForwardSteps;
            backward = tracker.BackwardSteps;
            if (tracker.Alarm != level)
            {
                if (level != AlarmLevel.None) bands.Add(new AlarmBand(bandStart, t, level));
                level = tracker.Alarm;
                bandStart = t;
            }
        }
        if (level != AlarmLevel.None && n > 0) bands.Add(new AlarmBand(bandStart, time[n - 1], level));
        return new SessionTrace
        {
            Title = title,
            TimeS = time,
            MagnitudeG = magnitude,
            TiltDeg = tilt,
            Steps = steps,
            Bands = bands,
            TrueStepTimesS = trueStepTimesS ?? [],
            TiltWarnBackwardDeg = config.Alarm.TiltWarnBackwardDeg,
            TiltWarnForwardDeg = config.Alarm.TiltWarnForwardDeg,
        };
    }
}
