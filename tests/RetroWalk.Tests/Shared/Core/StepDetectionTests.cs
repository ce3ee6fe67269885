#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;

namespace RetroWalk.Tests.Core
{
    [TestClass]
    public class StepDetectionTests
    {
        private static Tracker NewTracker()
        {
            return new Tracker(new TrackerConfig());
        }

        [TestMethod]
        public void StandingStillCountsNothing()
        {
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 60 * SignalBuilder.Rate);
            Assert.AreEqual(0u, t.TotalSteps);
            Assert.AreEqual((byte)WalkDirection.Still, (byte)t.Direction);
        }

        [TestMethod]
        public void IsolatedJoltsNeverCount()
        {
            Tracker t = NewTracker();
            for (int i = 0; i < 20; i++)
            {
                SignalBuilder.Still(t, 150 + 37 * (i % 4));
                SignalBuilder.Jolt(t, 2500, 3);
            }

            Assert.AreEqual(0u, t.TotalSteps);
        }

        [TestMethod]
        public void FiveRegularStepsThenAStopNeverCount()
        {
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 5, 110, 300, 1, 0);
            SignalBuilder.Still(t, 500);
            Assert.AreEqual(0u, t.TotalSteps);
        }

        [TestMethod]
        public void AWalkIsCreditedOnlyOnceItIsRegularThenEveryStepCounts()
        {
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 4, 110, 300, 1, 0);
            Assert.AreEqual(0u, t.TotalSteps);
            SignalBuilder.Walk(t, 36, 110, 300, 1, 0);
            SignalBuilder.Still(t, 300);
            // 40 steps walked; the first swing has no interval before it and the filters need a step to settle.
            Assert.IsTrue(t.TotalSteps >= 38 && t.TotalSteps <= 40, "counted " + t.TotalSteps.ToString());
            Assert.IsTrue(t.ForwardSteps >= 38, "forward " + t.ForwardSteps.ToString());
        }

        [TestMethod]
        public void TheIrregularFirstStepsOfAWalkAreCreditedOnceItIsConfirmed()
        {
            // Starting off: two slow steps, then a regular walk, without a pause. Before bouts, the run restarted at the
            // change of rhythm and the first steps were lost.
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 2, 75, 300, 1, 0);
            SignalBuilder.Walk(t, 30, 110, 300, 1, 0);
            SignalBuilder.Still(t, 300);
            Assert.IsTrue(t.TotalSteps >= 31 && t.TotalSteps <= 32, "counted " + t.TotalSteps.ToString());
        }

        [TestMethod]
        public void TheSlowStepsOfATurnInsideAWalkCount()
        {
            // A U-turn: two steps at twice the step time between two regular walks; no pause longer than a step.
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 20, 110, 300, 1, 0);
            SignalBuilder.Walk(t, 2, 55, 300, 1, 0);
            SignalBuilder.Walk(t, 20, 110, 300, 1, 0);
            SignalBuilder.Still(t, 300);
            Assert.IsTrue(t.TotalSteps >= 41 && t.TotalSteps <= 42, "counted " + t.TotalSteps.ToString());
        }

        [TestMethod]
        public void APauseEndsTheBoutSoLaterJoltsDoNotCount()
        {
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 20, 110, 300, 1, 0);
            uint walked = t.TotalSteps;
            SignalBuilder.Still(t, 2 * SignalBuilder.Rate);
            for (int i = 0; i < 5; i++)
            {
                SignalBuilder.Jolt(t, 2500, 3);
                SignalBuilder.Still(t, 40 + 23 * i);
            }

            SignalBuilder.Still(t, 300);
            Assert.AreEqual(walked, t.TotalSteps);
        }

        [TestMethod]
        public void CadenceFollowsTheStepRate()
        {
            Tracker t = NewTracker();
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 20, 100, 300, 1, 0);
            Assert.IsTrue(t.CadenceSpm >= 97 && t.CadenceSpm <= 103, "cadence " + t.CadenceSpm.ToString());
            SignalBuilder.Still(t, 300);
            Assert.AreEqual(0, t.CadenceSpm);
            Assert.AreEqual((byte)WalkDirection.Still, (byte)t.Direction);
        }

        [TestMethod]
        public void StepsAreCountedWhateverWayTheClipIsTurned()
        {
            // The same walk with the device upside down (gravity on -X) and the forward axis configured as -Z.
            var config = new TrackerConfig();
            config.ForwardAxis = MountAxis.MinusZ;
            Tracker t = new Tracker(config);
            Tracker reference = NewTracker();
            FlippedWalk(t, reference, 30);
            Assert.AreEqual(reference.TotalSteps, t.TotalSteps);
            Assert.AreEqual(reference.ForwardSteps, t.ForwardSteps);
            Assert.IsTrue(t.ForwardSteps >= 28);
        }

        private static void FlippedWalk(Tracker flipped, Tracker reference, int steps)
        {
            // Record a walk through a reference tracker, then replay it rotated 180° about Y into the other.
            short[] buffer = new short[3 * (300 + steps * 55)];
            int n = 0;
            for (int i = 0; i < 300; i++)
            {
                buffer[n++] = (short)(SignalBuilder.G + SignalBuilder.Noise());
                buffer[n++] = (short)SignalBuilder.Noise();
                buffer[n++] = (short)SignalBuilder.Noise();
            }

            int samplesPerStep = 55;
            for (int i = 0; i < steps * samplesPerStep; i++)
            {
                int phase = (int)((long)i * 360000 / samplesPerStep);
                buffer[n++] = (short)(SignalBuilder.G + ((1200 * SignalBuilder.SinQ14(phase)) >> 14));
                buffer[n++] = (short)SignalBuilder.Noise();
                buffer[n++] = (short)((600 * SignalBuilder.CosQ14(phase)) >> 14);
            }

            for (int i = 0; i < n; i += 3)
            {
                reference.Process(buffer[i], buffer[i + 1], buffer[i + 2], 0, 0, 0);
                flipped.Process((short)-buffer[i], buffer[i + 1], (short)-buffer[i + 2], 0, 0, 0);
            }
        }
    }
}
