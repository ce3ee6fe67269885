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
    /// <summary>
    /// The edges of a bout (issue 9): gait initiation's weight shift is no step, and a stop's closing step, whose foot
    /// contact barely moves the braked trunk, is one. Synthesized: a 110 steps/min walk of 300 mg (SignalBuilder.Walk).
    /// </summary>
    [TestClass]
    public class BoutEdgeTests
    {
        private const int Steps = 20;
        private const int StepsPerMin = 110;
        private const int VerticalMilliG = 300;

        private static Tracker NewTracker(StepTuning tuning)
        {
            return new Tracker(new TrackerConfig(), tuning);
        }

        /// <summary>A half-sine bump of vertical acceleration (a weight shift, a foot contact).</summary>
        private static void Pulse(Tracker t, int milliG, int samples)
        {
            int amplitude = milliG * SignalBuilder.G / 1000;
            for (int i = 0; i < samples; i++)
            {
                int v = (amplitude * SignalBuilder.SinQ14(i * 180000 / samples)) >> 14;
                SignalBuilder.Feed(t, SignalBuilder.G + v + SignalBuilder.Noise(), SignalBuilder.Noise(), SignalBuilder.Noise());
            }
        }

        /// <summary>
        /// <see cref="Steps"/> steps whose last one brakes: its swing fades to nothing over the step, so the trunk comes
        /// to rest without the half-swing rise an abrupt end of the sinusoid leaves.
        /// </summary>
        private static void WalkToAStop(Tracker t)
        {
            SignalBuilder.Walk(t, Steps - 1, StepsPerMin, VerticalMilliG, 1, 0);
            int samplesPerStep = 60 * SignalBuilder.Rate / StepsPerMin;
            int amplitude = VerticalMilliG * SignalBuilder.G / 1000;
            for (int i = 0; i < samplesPerStep; i++)
            {
                int fade = amplitude * (samplesPerStep - i) / samplesPerStep;
                int v = (fade * SignalBuilder.SinQ14((int)((long)i * 360000 / samplesPerStep))) >> 14;
                int forward = (fade / 2 * SignalBuilder.CosQ14((int)((long)i * 360000 / samplesPerStep))) >> 14;
                SignalBuilder.Feed(t, SignalBuilder.G + v + SignalBuilder.Noise(), SignalBuilder.Noise(), forward + SignalBuilder.Noise());
            }
        }

        [TestMethod]
        public void AStopCountsItsClosingStep()
        {
            // The braked trunk comes back up from the last step's shallow trough without a peak of its own: that small
            // rise is the closing step's (the trailing foot set down beside the other).
            Tracker t = NewTracker(null);
            SignalBuilder.Still(t, 300);
            WalkToAStop(t);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)(Steps + 1), t.TotalSteps);
        }

        [TestMethod]
        public void WithoutTheClosingStepRuleAStopCountsOnlyItsPeaks()
        {
            StepTuning tuning = new StepTuning();
            tuning.ClosingSteps = 0;
            Tracker t = NewTracker(tuning);
            SignalBuilder.Still(t, 300);
            WalkToAStop(t);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)Steps, t.TotalSteps);
        }

        [TestMethod]
        public void AWalkCutOffInFullStrideHasNoClosingStep()
        {
            // The swing stops at full size (the signal rises by half a swing and stays): no braked stop, no closing step.
            Tracker t = NewTracker(null);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, Steps, StepsPerMin, VerticalMilliG, 1, 0);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)Steps, t.TotalSteps);
        }

        [TestMethod]
        public void AContactAfterAFullStrideIsNoClosingStep()
        {
            // Nor does a 60 mg contact then make one: the rise it rides on already passed the steady hysteresis.
            Tracker t = NewTracker(null);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, Steps, StepsPerMin, VerticalMilliG, 1, 0);
            SignalBuilder.Still(t, 30);
            Pulse(t, 60, 15);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)Steps, t.TotalSteps);
        }

        [TestMethod]
        public void TheClosingStepIsCreditedAtTheWalksLastStepAndDoesNotRestartWalking()
        {
            Tracker t = NewTracker(null);
            SignalBuilder.Still(t, 300);
            WalkToAStop(t);
            long lastStep = t.StepLog.Written;
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual(lastStep + 1, t.StepLog.Written);
            long position = lastStep - 1;
            long before;
            long closing;
            int steps;
            int interval;
            WalkDirection direction;
            int lost;
            Assert.IsTrue(t.StepLog.Read(ref position, out before, out steps, out interval, out direction, out lost));
            Assert.IsTrue(t.StepLog.Read(ref position, out closing, out steps, out interval, out direction, out lost));
            Assert.AreEqual(1, steps);
            // Logged at the bout's last step, not at the end of the pause that closed the bout (1-1.8 s later).
            Assert.IsTrue(closing - before < 60 * SignalBuilder.Rate / StepsPerMin, "logged " + (closing - before).ToString() + " samples after the last step");
            Assert.AreEqual((byte)WalkDirection.Still, (byte)t.Direction);
        }

        [TestMethod]
        public void TheWeightShiftOfGaitInitiationIsNoStep()
        {
            // Standing, the weight shifts (a 150 mg bump) and the first step follows in less than a steady step time:
            // the first step from standing is longer than a steady one, so the bump was no step.
            Tracker t = NewTracker(null);
            SignalBuilder.Still(t, 300);
            Pulse(t, 150, 25);
            SignalBuilder.Still(t, 10);
            SignalBuilder.Walk(t, Steps, StepsPerMin, VerticalMilliG, 1, 0);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)Steps, t.TotalSteps);
        }

        [TestMethod]
        public void WithoutTheInitiationRuleTheWeightShiftCounts()
        {
            // The same walk: the bump is a step candidate, so the rule above is what leaves it out.
            StepTuning tuning = new StepTuning();
            tuning.InitiationPercent = 0;
            Tracker t = NewTracker(tuning);
            SignalBuilder.Still(t, 300);
            Pulse(t, 150, 25);
            SignalBuilder.Still(t, 10);
            SignalBuilder.Walk(t, Steps, StepsPerMin, VerticalMilliG, 1, 0);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)(Steps + 1), t.TotalSteps);
        }

        [TestMethod]
        public void ASlowFirstStepFromStandingCounts()
        {
            // A bump a full step time and more before the walk is the first step (longer than the steady ones).
            Tracker t = NewTracker(null);
            SignalBuilder.Still(t, 300);
            Pulse(t, 150, 25);
            SignalBuilder.Still(t, 60 * SignalBuilder.Rate / StepsPerMin);
            SignalBuilder.Walk(t, Steps, StepsPerMin, VerticalMilliG, 1, 0);
            SignalBuilder.Still(t, 3 * SignalBuilder.Rate);
            Assert.AreEqual((uint)(Steps + 1), t.TotalSteps);
        }
    }
}
