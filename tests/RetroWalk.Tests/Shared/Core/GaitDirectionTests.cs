#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Core
{
    /// <summary>
    /// Direction across ages and speeds (issue 9): the running/walking decision of a borderline gait, and a pendulum cue
    /// that fore-aft acceleration in phase with the vertical does not bias.
    /// </summary>
    [TestClass]
    public class GaitDirectionTests
    {
        [TestMethod]
        public void ABriskWalkAt146StepsPerMinuteWithADeepTroughIsAWalk()
        {
            // A quick walk (SisFall SA03's: 133-146 steps/min, troughs up to ~570 mg) is under the jog's 150 steps/min.
            // The candidate run's mean step time starts from zero and read 40 samples (150 steps/min) at the
            // confirmation, so the walk was classed a jog and every step counted backward.
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            // 700 mg peak, ~550 mg after the trough's 2 × 40 ms low-pass: over the jog's 450 mg, well under the flight's 650.
            SignalBuilder.Walk(t, 60, 146, 700, 1, 0);
            Assert.IsFalse(t.Running, "classed as running");
            Assert.IsTrue(t.ForwardSteps >= 58, "forward " + t.ForwardSteps.ToString() + " backward " + t.BackwardSteps.ToString());
            Assert.AreEqual(0u, t.BackwardSteps);
        }

        [TestMethod]
        public void AGroundedJogWhoseTroughWandersStaysAJog()
        {
            // A slow, grounded jog at 162 steps/min (SisFall SE03, 62 years): its trough wanders step to step from ~600 mg
            // down to ~380 mg (here ~700 mg, then ~410 mg after the low-pass). Classed a jog on its deep steps, it stays one through the shallow ones (the jog hysteresis),
            // so its direction does not flip. Running: the spring-mass phase, the opposite sign of walking's.
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 30, 162, 950, -1, 0);
            Assert.IsTrue(t.Running, "the deep part is a jog");
            uint forwardBefore = t.ForwardSteps;
            Assert.IsTrue(forwardBefore >= 28, "forward " + forwardBefore.ToString() + " backward " + t.BackwardSteps.ToString());
            SignalBuilder.Walk(t, 30, 162, 560, -1, 0);
            SignalBuilder.Walk(t, 30, 162, 950, -1, 0);
            Assert.IsTrue(t.Running, "still a jog");
            Assert.AreEqual(0u, t.BackwardSteps, "forward " + t.ForwardSteps.ToString());
            Assert.IsTrue(t.ForwardSteps >= forwardBefore + 58, "forward " + t.ForwardSteps.ToString());
        }

        [TestMethod]
        public void ForeAftAccelerationInPhaseWithTheVerticalDoesNotDecideTheDirection()
        {
            // Fore-aft acceleration in phase with the vertical (trunk pitch, a tilted clip) carries no direction: an exact
            // integral of the vertical is orthogonal to it. A leaky one (320 ms) lags a quarter period by atan(1/ωτ), 17°
            // at 100 steps/min, and read four times the pendulum's own fore-aft swing as a cue of one sign (both walks
            // forward); with the leak's loss added back the error is ~2/(ωτ)³ and both walks keep their direction.
            Tracker forward = Run(1);
            Assert.IsTrue(forward.ForwardSteps >= 38, "forward " + forward.ForwardSteps.ToString() + " backward " + forward.BackwardSteps.ToString());
            Assert.AreEqual(0u, forward.BackwardSteps);
            Tracker backward = Run(-1);
            Assert.IsTrue(backward.BackwardSteps >= 38, "backward " + backward.BackwardSteps.ToString() + " forward " + backward.ForwardSteps.ToString());
            Assert.AreEqual(0u, backward.ForwardSteps);
        }

        private static Tracker Run(int travel)
        {
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            const int samplesPerStep = 60;
            int vertical = 250 * SignalBuilder.G / 1000;
            int pendulum = 100 * SignalBuilder.G / 1000;
            int inPhase = 400 * SignalBuilder.G / 1000;
            for (int i = 0; i < 40 * samplesPerStep; i++)
            {
                int phase = (int)((long)i * 360000 / samplesPerStep);
                int sin = SignalBuilder.SinQ14(phase);
                int up = SignalBuilder.G + ((vertical * sin) >> 14);
                int forward = travel * ((pendulum * SignalBuilder.CosQ14(phase)) >> 14) + ((inPhase * sin) >> 14);
                SignalBuilder.Feed(t, up + SignalBuilder.Noise(), SignalBuilder.Noise(), forward + SignalBuilder.Noise());
            }

            return t;
        }
    }
}
