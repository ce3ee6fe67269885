using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>
    /// The interval coach on synthesized walks, run as the device loop runs it (<see cref="CoachedRun"/>): cues at the
    /// set times counted from the true walks, and a fall alarm that comes in the middle of a cue is neither masked nor
    /// delayed.
    /// </summary>
    [TestClass]
    public class CoachOnSynthesizedWalksTests
    {
        private static void Near(double expected, double actual, double tolerance, string what) =>
            Assert.IsTrue(Math.Abs(actual - expected) <= tolerance, $"{what}: {actual} vs {expected} (±{tolerance})");

        [TestMethod]
        public void CuesComeAtTheirTimesInAMixedSession()
        {
            // The forward interval is shorter than the 60 s warm-up, which must still not be cued: it comes before any
            // backward step. The session (about 345 s) passes a 5-minute target.
            var settings = new UserSettings { ForwardIntervalS = 50, BackwardIntervalS = 60, TargetMin = 5, GlanceEverySteps = 20 };
            var plan = SessionSynthesizer.Plan(SessionsOnSynthesizedWalksTests.MixedIntervals, seed: 5);
            var run = new CoachedRun(settings);
            run.Feed(plan.Samples());
            var walks = WalkTruth.Walks(plan.Truth);
            var cues = run.Cues;

            // Every walk longer than its interval is cued once, that interval after its first step; the warm-up is not.
            var switches = cues.Where(c => c.Cue == CoachCue.SwitchToForward || c.Cue == CoachCue.SwitchToBackward).ToList();
            var due = walks.Skip(1).Where(w => w.LastMs - w.FirstMs > 1000L * (w.Direction == WalkDirection.Backward ? settings.BackwardIntervalS : settings.ForwardIntervalS)).ToList();
            Assert.AreEqual(due.Count, switches.Count, "one switch cue per long enough interval, none in the warm-up");
            for (int i = 0; i < due.Count; i++)
            {
                var w = due[i];
                bool backward = w.Direction == WalkDirection.Backward;
                Assert.AreEqual(backward ? CoachCue.SwitchToForward : CoachCue.SwitchToBackward, switches[i].Cue);
                long limitMs = 1000L * (backward ? settings.BackwardIntervalS : settings.ForwardIntervalS);
                // On the first step credited at or past the limit: within a step and the detector's latency.
                Near(w.FirstMs + limitMs, switches[i].AtMs, 1500, "switch cue " + i);
            }

            var target = cues.Single(c => c.Cue == CoachCue.TargetReached);
            Near(walks[0].FirstMs + settings.TargetMin * 60000L, target.AtMs, 700, "target reached");

            // Glances: one per 20 backward steps, only while walking backward (a glance due during a pause is skipped,
            // as is one due on the loop of another cue).
            var glances = cues.Where(c => c.Cue == CoachCue.Glance).ToList();
            foreach (var g in glances)
            {
                Assert.IsTrue(walks.Any(w => w.Direction == WalkDirection.Backward && g.AtMs >= w.FirstMs && g.AtMs <= w.LastMs + 1000),
                    $"glance at {g.AtMs} ms while walking backward");
            }
            int expected = run.Recorder.Current.BackwardSteps / settings.GlanceEverySteps;
            Assert.IsTrue(glances.Count >= expected - 2 && glances.Count <= expected, $"{glances.Count} glances, {expected} due");
            Assert.AreEqual(switches.Count + 1 + glances.Count, run.Coach.CueCount);
        }

        [TestMethod]
        public void AFallDuringACueIsNeitherMaskedNorDelayed()
        {
            // Walking backward into a fall with the coach at its busiest (a glance every 3 steps, a 10 s interval), and a
            // long cue (target reached, 1.3 s) started half a second before the fall alarm comes up.
            var settings = new UserSettings { BackwardIntervalS = 10, GlanceEverySteps = 3 };
            var plan = SessionSynthesizer.Plan(s => s.Stand(5).Walk(GaitProfile.Backward, 20, rampOut: false).FallBackward(15), seed: 2);
            var samples = plan.Samples().ToArray();

            var uncoached = new CoachedRun(settings);
            uncoached.Feed(samples);
            long alarmSample = uncoached.Tracker.FirstFallAlarmSample;
            Assert.IsTrue(alarmSample > 0, "the fall raises the alarm");
            long alarmMs = alarmSample * 1000 / uncoached.RateHz;

            var run = new CoachedRun(settings);
            bool cuePlayingAtOnset = false;
            long firstAlarmLoopMs = -1;
            int alarmLoops = 0;
            run.AfterLoop = (r, now) =>
            {
                if (now == (alarmMs - 500) / CoachedRun.LoopMs * CoachedRun.LoopMs)
                {
                    r.Coached.Cue(CoachCue.TargetReached, now);
                }

                if (r.Tracker.Alarm != AlarmLevel.None)
                {
                    if (firstAlarmLoopMs < 0)
                    {
                        firstAlarmLoopMs = now;
                    }

                    // What the wearer hears and sees is the alarm's alone, from its first loop on.
                    Assert.AreEqual(r.PlainAlarm.Buzzer, r.Coached.Buzzer, $"buzzer at {now} ms");
                    Assert.AreEqual(r.PlainAlarm.Led, r.Coached.Led, $"LED at {now} ms");
                    Assert.AreEqual(CoachCue.None, r.Coached.Coach.Playing, "the cue is cancelled");
                    alarmLoops++;
                }
                else if (now < alarmMs && now >= alarmMs - CoachedRun.LoopMs * 2)
                {
                    cuePlayingAtOnset |= r.Coached.Coach.Playing != CoachCue.None;
                }
            };
            run.Feed(samples);

            Assert.IsTrue(run.Cues.Count(c => c.Cue == CoachCue.Glance) >= 3 && run.Cues.Any(c => c.Cue == CoachCue.SwitchToForward),
                "the coach was busy before the fall");
            Assert.IsTrue(cuePlayingAtOnset, "a cue was playing when the fall came");
            Assert.AreEqual(alarmSample, run.Tracker.FirstFallAlarmSample, "the coach does not touch detection");
            Assert.AreEqual((alarmMs + CoachedRun.LoopMs - 1) / CoachedRun.LoopMs * CoachedRun.LoopMs, firstAlarmLoopMs, "shown on the first loop after it");
            Assert.IsTrue(run.PlainAlarm.Buzzer || alarmLoops > 10, "the alarm pattern played");
            Assert.IsTrue(alarmLoops > 100, "the latched alarm was compared throughout");
            Assert.IsFalse(run.Cues.Any(c => c.AtMs >= firstAlarmLoopMs), "no cue is decided during the alarm");
        }
    }
}
