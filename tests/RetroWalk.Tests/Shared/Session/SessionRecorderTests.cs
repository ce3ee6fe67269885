#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Session;

namespace RetroWalk.Tests.Session
{
    /// <summary>The session recorder fed with steps of known times (100 Hz sample clock: 1 sample = 10 ms).</summary>
    [TestClass]
    public class SessionRecorderTests
    {
        private const int RateHz = 100;

        /// <summary>Feeds a walk: a confirmation credit of 3 steps, then single steps alternating a/b samples.</summary>
        private static long Walk(StepLog log, SessionRecorder r, long sample, int steps, int a, int b, WalkDirection d)
        {
            sample += 3 * a;
            log.Add(sample, 3, 3 * a, d);
            for (int i = 3; i < steps; i++)
            {
                int interval = (i & 1) == 0 ? a : b;
                sample += interval;
                log.Add(sample, 1, interval, d);
                if (i % 10 == 0)
                {
                    r.Update(log, sample, 0);
                }
            }

            r.Update(log, sample, 0);
            return sample;
        }

        private static long Rest(StepLog log, SessionRecorder r, long sample, int seconds)
        {
            for (int s = 0; s < seconds; s++)
            {
                sample += RateHz;
                r.Update(log, sample, 0);
            }

            return sample;
        }

        [TestMethod]
        public void AWalkAfterIdleStartsASessionAndALongRestEndsIt()
        {
            var settings = new UserSettings();
            var log = new StepLog();
            var r = new SessionRecorder(settings, RateHz, 4);
            long t = Walk(log, r, 1000, 120, 50, 50, WalkDirection.Forward);
            Assert.IsTrue(r.Active);
            t = Rest(log, r, t, 2);
            t = Walk(log, r, t, 100, 55, 55, WalkDirection.Backward);
            t = Rest(log, r, t, settings.RestToEndS - 1);
            Assert.IsTrue(r.Active, "still within the rest time");
            t = Rest(log, r, t, 2);
            Assert.IsFalse(r.Active);
            Assert.AreEqual(1, r.History.Count);
            SessionRecord s = r.History.Get(0);
            Assert.AreEqual(120, s.ForwardSteps);
            Assert.AreEqual(100, s.BackwardSteps);
            Assert.AreEqual(2, s.IntervalTotal);
            Assert.AreEqual((byte)WalkDirection.Forward, s.IntervalDirection[0]);
            Assert.AreEqual((byte)WalkDirection.Backward, s.IntervalDirection[1]);
            Assert.AreEqual(120, s.IntervalSteps[0]);
            Assert.AreEqual(100, s.LongestBackwardStreakSteps);
            Assert.AreEqual(60000L, s.ForwardMs);
            Assert.AreEqual(55000L, s.BackwardMs);
            Assert.AreEqual(120, s.ForwardCadenceSpm);
            Assert.AreEqual(109, s.BackwardCadenceSpm);
            // Duration from the first step's start to the last step: 60 s forward, 2 s rest, 55 s backward.
            Assert.AreEqual(60000L + 2000 + 55000, s.DurationMs);
            Assert.AreEqual(60000L + 2000, s.IntervalStartMs[1]);
        }

        [TestMethod]
        public void AShortWalkIsNoSessionButACommandedOneIsKept()
        {
            var settings = new UserSettings();
            var log = new StepLog();
            var r = new SessionRecorder(settings, RateHz, 4);
            long t = Walk(log, r, 1000, 20, 50, 50, WalkDirection.Forward);
            t = Rest(log, r, t, settings.RestToEndS + 1);
            Assert.AreEqual(0, r.History.Count, "a 10 s walk to the kitchen is not a session");
            r.StartByCommand(t, 0);
            t = Walk(log, r, t, 20, 50, 50, WalkDirection.Backward);
            Assert.IsTrue(r.EndByCommand(t + 100));
            Assert.AreEqual(1, r.History.Count);
            Assert.IsTrue(r.History.Get(0).StartedByCommand);
            Assert.IsTrue(r.History.Get(0).EndedByCommand);
            Assert.AreEqual(20, r.History.Get(0).BackwardSteps);
        }

        [TestMethod]
        public void AWalkSoonAfterACommandedEndStartsNoSession()
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, 4);
            long t = Walk(log, r, 1000, 200, 50, 50, WalkDirection.Forward);
            r.EndByCommand(t);
            t = Walk(log, r, t + 100, 50, 50, 50, WalkDirection.Forward);
            Assert.IsFalse(r.Active, "not idle long enough");
        }

        [TestMethod]
        public void IntervalsBeyondTheCapAreCountedNotListed()
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, 2);
            long t = 1000;
            for (int i = 0; i < SessionRecord.MaxIntervals + 5; i++)
            {
                t = Walk(log, r, t, 12, 50, 50, (i & 1) == 0 ? WalkDirection.Forward : WalkDirection.Backward);
                t = Rest(log, r, t, 3);
            }

            r.EndByCommand(t);
            SessionRecord s = r.History.Get(0);
            Assert.AreEqual(SessionRecord.MaxIntervals + 5, s.IntervalTotal);
            Assert.AreEqual(SessionRecord.MaxIntervals, s.IntervalCount);
            Assert.IsTrue(s.IntervalsTruncated);
            Assert.AreEqual((SessionRecord.MaxIntervals + 5) * 12, s.TotalSteps);
        }

        [TestMethod]
        public void SteadinessOfAnEvenWalkIsZeroAndAsymmetryIsMeasured()
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, 2);
            long t = Walk(log, r, 1000, 200, 50, 50, WalkDirection.Forward);
            t = Rest(log, r, t, 3);
            t = Walk(log, r, t, 200, 48, 52, WalkDirection.Backward);
            r.EndByCommand(t);
            SessionRecord s = r.History.Get(0);
            Assert.AreEqual(1, s.ForwardSteadiness.Bouts);
            Assert.AreEqual(0, s.ForwardSteadiness.CvPermille);
            Assert.AreEqual(0, s.ForwardSteadiness.AsymmetryPermille);
            // 480 / 520 ms alternating: every stride is 1000 ms, so the alternation is asymmetry (40 / 500 = 8.0 %), not
            // variability (a trunk sensor cannot tell a limp's alternation from its own left/right timing offset).
            Assert.AreEqual(1, s.BackwardSteadiness.Bouts);
            Assert.AreEqual(0, s.BackwardSteadiness.CvPermille);
            Assert.AreEqual(80, s.BackwardSteadiness.AsymmetryPermille);
            // The confirmation credit (3 steps) counts as 2 step times of the warm-up.
            int expected = 200 - 3 - (SessionRecorder.WarmUpSteps - 2) - SessionRecorder.CoolDownSteps;
            Assert.AreEqual(expected, s.BackwardSteadiness.Steps);
        }

        [TestMethod]
        public void IndependentStepTimeVariabilityIsMeasuredThroughALeftRightOffset()
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, 2);
            long sample = 1000 + 3 * 50;
            log.Add(sample, 3, 150, WalkDirection.Forward);
            uint seed = 12345;
            long sum = 0, squares = 0;
            int used = 0;
            for (int i = 3; i < 300; i++)
            {
                // Independent jitter of -3..+3 samples (SD 2 samples = 20 ms of 500 ms: 4.0 %), on top of a 4-sample
                // offset between left and right steps.
                seed = seed * 1103515245 + 12345;
                int jitter = (int)((seed >> 16) % 7) - 3;
                int interval = 50 + jitter + ((i & 1) == 0 ? 2 : -2);
                sample += interval;
                log.Add(sample, 1, interval, WalkDirection.Forward);
                sum += jitter;
                squares += jitter * jitter;
                used++;
                if (i % 10 == 0)
                {
                    r.Update(log, sample, 0);
                }
            }

            r.Update(log, sample, 0);
            r.EndByCommand(sample);
            Steadiness steady = r.History.Get(0).ForwardSteadiness;
            // The jitter's own CV over a 500 ms step, in tenths of a percent.
            long variance100 = (squares * 100 - sum * sum * 100 / used) / (used - 1);
            int expected = (int)(RetroWalk.Core.Dsp.FixedMath.Isqrt64(variance100 * 10000) * 10 / 500);
            Assert.IsTrue(expected >= 35 && expected <= 45, "the jitter is about 4 %: " + expected.ToString());
            int cv = steady.CvPermille;
            Assert.IsTrue(cv >= expected - 4 && cv <= expected + 4, "cv " + cv.ToString() + " expected " + expected.ToString());
            Assert.IsTrue(steady.AsymmetryPermille >= 60, "the offset is asymmetry: " + steady.AsymmetryPermille.ToString());
        }

        /// <summary>60 steps of 500 ms, one of 620 ms (24 % long), 60 more of 500 ms, at the given tolerance.</summary>
        private static Steadiness OneLongStep(int tolerancePercent)
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, 2) { SteadyTolerancePercent = tolerancePercent };
            long t = 1000 + 3 * 50;
            log.Add(t, 3, 150, WalkDirection.Forward);
            for (int i = 0; i < 121; i++)
            {
                int interval = i == 60 ? 62 : 50;
                t += interval;
                log.Add(t, 1, interval, WalkDirection.Forward);
                r.Update(log, t, 0);
            }

            r.EndByCommand(t);
            return r.History.Get(0).ForwardSteadiness;
        }

        [TestMethod]
        public void TheToleranceDecidesWhetherAStepTimeCutsTheBout()
        {
            Steadiness strict = OneLongStep(20);
            Assert.AreEqual(2, strict.Bouts, "24 % off is outside 20 %: the bout is cut there");
            Assert.AreEqual(0, strict.CvPermille);
            Steadiness lenient = OneLongStep(SessionRecorder.OutlierPercent);
            Assert.AreEqual(1, lenient.Bouts, "24 % off is inside 30 %: one bout");
            Assert.IsTrue(lenient.CvPermille > 0, "the long step is variability");
        }

        [TestMethod]
        public void AMissedStepCutsTheBoutInsteadOfInflatingTheVariability()
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, 2);
            long t = Walk(log, r, 1000, 60, 50, 50, WalkDirection.Forward);
            t += 100;
            log.Add(t, 1, 100, WalkDirection.Forward);
            t = Walk(log, r, t, 0, 50, 50, WalkDirection.Forward);
            for (int i = 0; i < 60; i++)
            {
                t += 50;
                log.Add(t, 1, 50, WalkDirection.Forward);
            }

            r.Update(log, t, 0);
            r.EndByCommand(t);
            SessionRecord s = r.History.Get(0);
            Assert.AreEqual(0, s.ForwardSteadiness.CvPermille);
            Assert.AreEqual(2, s.ForwardSteadiness.Bouts);
        }

        [TestMethod]
        public void EnergyFollowsTheModelPerDirection()
        {
            var settings = new UserSettings();
            settings.BodyMassKg = 80;
            var log = new StepLog();
            var r = new SessionRecorder(settings, RateHz, 2);
            // 10 minutes forward at 120 steps/min, then 5 minutes backward at 100 steps/min.
            long t = Walk(log, r, 1000, 1200, 50, 50, WalkDirection.Forward);
            t = Walk(log, r, t + 100, 500, 60, 60, WalkDirection.Backward);
            r.EndByCommand(t);
            SessionRecord s = r.History.Get(0);
            // Forward: 5.0 METs × 80 kg × 1/6 h = 66.7 kcal; backward: 3.0 × 1.4 = 4.2 METs × 80 × 1/12 h = 28 kcal.
            // Each step's thousandths of a kcal are truncated: at most 1 kcal low over a session of this length.
            Assert.IsTrue(s.ForwardKcal == 66 || s.ForwardKcal == 67, "forward " + s.ForwardKcal.ToString());
            Assert.IsTrue(s.BackwardKcal == 27 || s.BackwardKcal == 28, "backward " + s.BackwardKcal.ToString());
        }
    }
}
