using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Tracker
{
    /// <summary>
    /// The tracker end to end on synthesized sessions, where the truth is exact. These check behaviour (counts,
    /// directions, alarms at the right moments), not accuracy: accuracy is measured on real recordings by
    /// `retrowalk eval`, and the detector is never tuned on synthetic data.
    /// </summary>
    [TestClass]
    public class TrackerOnSynthesizedSessionsTests
    {
        private static RetroWalk.Core.Tracker Run(SynthesizedSession session, Action<RetroWalk.Core.Tracker, int> onSample = null)
        {
            var t = new RetroWalk.Core.Tracker(new TrackerConfig());
            for (int i = 0; i < session.Samples.Length; i++)
            {
                var s = session.Samples[i];
                t.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
                onSample?.Invoke(t, i);
            }

            return t;
        }

        [TestMethod]
        public void TheDefaultRetroSessionIsCountedPerDirection()
        {
            var session = SessionCache.Get(Scenarios.Default, seed: 3);
            var t = Run(session);
            int trueForward = session.Truth.Count(WalkDirection.Forward, regularOnly: true);
            int trueBackward = session.Truth.Count(WalkDirection.Backward, regularOnly: true);
            Assert.IsTrue(Math.Abs((int)t.ForwardSteps - trueForward) <= trueForward * 3 / 100 + 3, $"forward {t.ForwardSteps} vs {trueForward}");
            Assert.IsTrue(Math.Abs((int)t.BackwardSteps - trueBackward) <= trueBackward * 3 / 100 + 3, $"backward {t.BackwardSteps} vs {trueBackward}");
            int backwardBouts = session.Truth.Bouts.Count(b => b.Direction == WalkDirection.Backward);
            Assert.AreEqual(backwardBouts, t.Session.BackwardIntervals);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample, "the stumble in the session is recovered: no fall alarm");
        }

        [TestMethod]
        public void ATreadmillSessionHoldingTheRailsIsCountedPerDirection()
        {
            // Issue 9's target for the treadmill scenario: seeds 1-5, each direction within 2 % of the truth.
            foreach (int seed in new[] { 1, 2, 3, 4, 5 })
            {
                var session = SessionCache.Get("treadmill", seed: seed);
                var t = Run(session);
                int trueForward = session.Truth.Count(WalkDirection.Forward, regularOnly: false);
                int trueBackward = session.Truth.Count(WalkDirection.Backward, regularOnly: false);
                Assert.IsTrue(Math.Abs((int)t.ForwardSteps - trueForward) * 100 <= trueForward * 2, $"seed {seed}: forward {t.ForwardSteps} vs {trueForward}");
                Assert.IsTrue(Math.Abs((int)t.BackwardSteps - trueBackward) * 100 <= trueBackward * 2, $"seed {seed}: backward {t.BackwardSteps} vs {trueBackward}");
            }
        }

        [TestMethod]
        public void ABackwardFallRaisesTheAlarmSoonAfterTheImpact()
        {
            var session = SessionCache.Get("fall-backward", seed: 2);
            var t = Run(session);
            var fall = session.Truth.Falls.Single();
            Assert.AreEqual(AlarmLevel.FallAlarm, t.Alarm);
            long latencyMs = (t.FirstFallAlarmSample - fall.ImpactSample) * 1000 / session.Truth.SampleRateHz;
            Assert.IsTrue(latencyMs >= 0 && latencyMs <= 400, $"latency {latencyMs} ms");
            Assert.IsTrue(t.BackwardSteps > t.ForwardSteps, $"walked backward before the fall: F{t.ForwardSteps} B{t.BackwardSteps}");
        }

        [TestMethod]
        public void StandingStillForAMinuteIsQuiet()
        {
            var t = Run(SessionCache.Get("still", seed: 5));
            Assert.AreEqual(0u, t.TotalSteps);
            Assert.AreEqual(AlarmLevel.None, t.Alarm);
            Assert.IsTrue(t.HasUprightReference);
            Assert.IsTrue(t.TiltDeciDeg < 50, $"tilt {t.TiltDeciDeg}");
        }

        [TestMethod]
        public void LeaningBackAfterABackwardWalkWarnsAndClears()
        {
            var plan = SessionSynthesizer.Plan(s => s.Stand(3).Walk(GaitProfile.Backward, 20).LeanBack(38, 1, 3).Stand(3), seed: 4);
            var session = new SynthesizedSession("walk-then-lean", 4, new SensorConfig(), plan.Samples().ToArray(), plan.Truth, plan.BodyToDevice);
            AlarmLevel peak = AlarmLevel.None;
            var t = Run(session, (tracker, i) => { if (tracker.Alarm > peak) peak = tracker.Alarm; });
            Assert.AreEqual(AlarmLevel.TiltWarning, peak);
            Assert.AreEqual(1, t.TiltWarningCount);
            Assert.AreEqual(AlarmLevel.None, t.Alarm, "cleared once upright again");
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }
    }
}
