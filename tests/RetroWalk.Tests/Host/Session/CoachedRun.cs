using System;
using System.Collections.Generic;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>A cue the coach decided, when (sample clock, ms) and what the recorder said at that moment.</summary>
    internal sealed record DecidedCue(CoachCue Cue, long AtMs, long IntervalStartMs, long SessionStartMs);

    /// <summary>
    /// The tracker, the session recorder, the interval coach and the coached buzzer as the device loop runs them: the
    /// tracker per sample, everything else once per 100 ms loop iteration. A second, plain alarm pattern runs beside the
    /// coached one on the same alarm level, so a test can compare what the wearer would hear with and without the coach.
    /// </summary>
    internal sealed class CoachedRun
    {
        public const int LoopMs = 100;

        public CoachedRun(UserSettings settings, int historyCapacity = 8)
        {
            Settings = settings;
            Tracker = new RetroWalk.Core.Tracker(new TrackerConfig());
            RateHz = Tracker.Config.Sensor.SampleRateHz;
            Recorder = new SessionRecorder(settings, RateHz, historyCapacity);
            Coach = new IntervalCoach(settings);
        }

        public UserSettings Settings { get; }
        public RetroWalk.Core.Tracker Tracker { get; }
        public int RateHz { get; }
        public SessionRecorder Recorder { get; }
        public IntervalCoach Coach { get; }
        public CoachedBuzzer Coached { get; } = new CoachedBuzzer();
        public AlarmPattern CoachedAlarm { get; } = new AlarmPattern();
        public AlarmPattern PlainAlarm { get; } = new AlarmPattern();
        public List<DecidedCue> Cues { get; } = new List<DecidedCue>();

        /// <summary>Called after every loop iteration with the loop's time, ms.</summary>
        public Action<CoachedRun, long> AfterLoop { get; set; }

        private long _restSamples;

        public long NowSample => Tracker.SampleIndex + _restSamples;

        public long NowMs => NowSample * 1000 / RateHz;

        public void Feed(IEnumerable<RawSample> samples)
        {
            int perLoop = RateHz * LoopMs / 1000;
            foreach (var s in samples)
            {
                Tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
                if (Tracker.SampleIndex % perLoop == 0)
                {
                    Loop();
                }
            }
        }

        /// <summary>
        /// Runs loop iterations with no new samples, as after the wearer took the tracker off: the session clock runs on,
        /// the tracker sees nothing. Call it last (the tracker's sample index no longer matches the clock).
        /// </summary>
        public void Rest(int seconds)
        {
            for (int i = 0; i < seconds * 1000 / LoopMs; i++)
            {
                _restSamples += RateHz * LoopMs / 1000;
                Loop();
            }
        }

        private void Loop()
        {
            long now = NowMs;
            Recorder.Update(Tracker.StepLog, NowSample, 0);
            AlarmLevel level = Tracker.Alarm;
            CoachCue cue = Coach.Update(Recorder, level);
            if (cue != CoachCue.None)
            {
                Cues.Add(new DecidedCue(cue, now, Recorder.IntervalStartMs, Recorder.Current.StartMs));
            }

            Coached.Cue(cue, now);
            Coached.Update(CoachedAlarm, level, now);
            PlainAlarm.Update(level, now);
            AfterLoop?.Invoke(this, now);
        }
    }
}
