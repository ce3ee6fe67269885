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
    public class DirectionTests
    {
        [TestMethod]
        public void PendulumPhaseOfForwardTravelGivesForwardSteps()
        {
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 40, 110, 300, 1, 0);
            Assert.IsTrue(t.ForwardSteps >= 38, "forward " + t.ForwardSteps.ToString());
            Assert.AreEqual(0u, t.BackwardSteps);
            Assert.AreEqual((byte)WalkDirection.Forward, (byte)t.Direction);
            Assert.IsFalse(t.Running);
        }

        [TestMethod]
        public void TravelBackwardGivesBackwardSteps()
        {
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 40, 95, 300, -1, 0);
            Assert.IsTrue(t.BackwardSteps >= 38, "backward " + t.BackwardSteps.ToString());
            Assert.AreEqual(0u, t.ForwardSteps);
            Assert.AreEqual((byte)WalkDirection.Backward, (byte)t.Direction);
        }

        [TestMethod]
        public void ATimeReversedForwardWalkCountsBackward()
        {
            // Record a forward walk, then play it backwards in time (accelerations keep their sign).
            var recorder = new SampleRecorder(300 + 40 * 54);
            recorder.Still(300);
            recorder.Walk(40, 54, 1200, 600);
            Tracker forward = new Tracker(new TrackerConfig());
            Tracker reversed = new Tracker(new TrackerConfig());
            recorder.Play(forward, false);
            recorder.Play(reversed, true);
            Assert.IsTrue(forward.ForwardSteps >= 36, "forward " + forward.ForwardSteps.ToString());
            Assert.IsTrue(reversed.BackwardSteps >= 36, "reversed " + reversed.BackwardSteps.ToString());
            Assert.IsTrue(reversed.ForwardSteps <= 2, "reversed forward " + reversed.ForwardSteps.ToString());
        }

        [TestMethod]
        public void RunningIsRecognisedAndItsDirectionFollowsTheSpringMassPhase()
        {
            // Running: a trough near free fall; the body is lowest at mid-stance, so the phase relation is the
            // opposite of walking's for the same direction of travel.
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 60, 170, 900, -1, 0);
            Assert.IsTrue(t.Running);
            Assert.IsTrue(t.ForwardSteps >= 54, "forward " + t.ForwardSteps.ToString() + " backward " + t.BackwardSteps.ToString());
        }

        [TestMethod]
        public void AnUnknownMountingLearnsForwardFromTheFirstWalk()
        {
            var config = new TrackerConfig();
            config.ForwardAxis = MountAxis.Unknown;
            Tracker t = new Tracker(config);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 30, 110, 300, 1, 0);
            SignalBuilder.Still(t, 300);
            uint forwardAfterWarmUp = t.ForwardSteps;
            Assert.IsTrue(forwardAfterWarmUp >= 28);
            SignalBuilder.Walk(t, 30, 95, 300, -1, 0);
            Assert.IsTrue(t.BackwardSteps >= 26, "backward " + t.BackwardSteps.ToString());
            Assert.IsTrue(t.Frame.HasForwardAxis);
        }

        [TestMethod]
        public void SessionFiguresCountBackwardIntervalsAndTheLongestStreak()
        {
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 20, 110, 300, 1, 0);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 30, 100, 300, -1, 0);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 20, 100, 300, -1, 0);
            SignalBuilder.Still(t, 300);
            Assert.AreEqual(2, t.Session.BackwardIntervals);
            Assert.IsTrue(t.Session.LongestBackwardStreakSteps >= 28 && t.Session.LongestBackwardStreakSteps <= 30, "streak " + t.Session.LongestBackwardStreakSteps.ToString());
            // About 48 backward steps of 0.6 s.
            Assert.IsTrue(t.Session.BackwardWalkingMs >= 26000 && t.Session.BackwardWalkingMs <= 31000, "ms " + t.Session.BackwardWalkingMs.ToString());
            t.ResetCounts();
            Assert.AreEqual(0u, t.TotalSteps);
            Assert.AreEqual(0, t.Session.BackwardIntervals);
        }
    }

    /// <summary>Records raw samples so a test can play them forwards or time-reversed.</summary>
    public sealed class SampleRecorder
    {
        private readonly short[] _ax;
        private readonly short[] _az;
        private int _count;

        public SampleRecorder(int capacity)
        {
            _ax = new short[capacity];
            _az = new short[capacity];
        }

        public void Still(int samples)
        {
            for (int i = 0; i < samples; i++)
            {
                Add(SignalBuilder.G + SignalBuilder.Noise(), SignalBuilder.Noise());
            }
        }

        /// <summary>A forward walk with a step every <paramref name="samplesPerStep"/> samples (amplitudes in counts).</summary>
        public void Walk(int steps, int samplesPerStep, int verticalCounts, int forwardCounts)
        {
            for (int i = 0; i < steps * samplesPerStep; i++)
            {
                int phase = (int)((long)i * 360000 / samplesPerStep);
                Add(SignalBuilder.G + ((verticalCounts * SignalBuilder.SinQ14(phase)) >> 14), (forwardCounts * SignalBuilder.CosQ14(phase)) >> 14);
            }
        }

        public void Play(Tracker t, bool reversed)
        {
            for (int k = 0; k < _count; k++)
            {
                int i = reversed ? _count - 1 - k : k;
                t.Process(_ax[i], 0, _az[i], 0, 0, 0);
            }
        }

        private void Add(int ax, int az)
        {
            _ax[_count] = SignalBuilder.ClampShort(ax);
            _az[_count] = SignalBuilder.ClampShort(az);
            _count++;
        }
    }
}
