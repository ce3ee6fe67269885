#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Dsp;
using RetroWalk.Core.Safety;

namespace RetroWalk.Tests.Core
{
    /// <summary>Counters stop at their maximum instead of wrapping to a small number (issue 11).</summary>
    [TestClass]
    public class CounterSaturationTests
    {
        [TestMethod]
        public void SaturatingArithmeticStopsAtTheMaximum()
        {
            Assert.AreEqual(uint.MaxValue, Saturating.Add(uint.MaxValue - 1, 5u));
            Assert.AreEqual(7u, Saturating.Add(3u, 4u));
            Assert.AreEqual(int.MaxValue, Saturating.Add(int.MaxValue - 2, 3));
            Assert.AreEqual(5, Saturating.Add(2, 3));
            Assert.AreEqual(int.MaxValue, Saturating.Increment(int.MaxValue));
            Assert.AreEqual(1, Saturating.Increment(0));
            Assert.AreEqual(uint.MaxValue, Saturating.ToUInt32(1L << 40));
            Assert.AreEqual(0u, Saturating.ToUInt32(-5));
            Assert.AreEqual(ushort.MaxValue, Saturating.ToUInt16(70000));
        }

        [TestMethod]
        public void StepCountsSaturateAtTwoToThe32()
        {
            Tracker t = new Tracker(new TrackerConfig());
            t.RestoreCounts(uint.MaxValue - 3, uint.MaxValue - 3);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 40, 110, 300, 1, 0);
            Assert.AreEqual(uint.MaxValue, t.ForwardSteps, "forward steps wrapped to " + t.ForwardSteps.ToString());
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 40, 95, 300, -1, 0);
            Assert.AreEqual(uint.MaxValue, t.BackwardSteps, "backward steps wrapped to " + t.BackwardSteps.ToString());
            Assert.AreEqual(uint.MaxValue, t.TotalSteps, "the total wrapped to " + t.TotalSteps.ToString());
        }

        [TestMethod]
        public void TheSessionFiguresSaturate()
        {
            Tracker t = new Tracker(new TrackerConfig());
            t.Session.BackwardIntervals = int.MaxValue;
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 40, 95, 300, -1, 0);
            Assert.IsTrue(t.BackwardSteps >= 38, "the backward walk is counted");
            Assert.AreEqual(int.MaxValue, t.Session.BackwardIntervals);
            SignalBuilder.Still(t, 300);
            t.Session.CurrentBackwardStreakSteps = int.MaxValue - 2;
            SignalBuilder.Walk(t, 40, 95, 300, -1, 0);
            Assert.AreEqual(int.MaxValue, t.Session.CurrentBackwardStreakSteps);
            Assert.AreEqual(int.MaxValue, t.Session.LongestBackwardStreakSteps);
        }

        [TestMethod]
        public void AlarmCountsSaturate()
        {
            AlarmStateMachine a = new AlarmStateMachine();
            a.TiltWarningCount = int.MaxValue;
            a.FallAlarmCount = int.MaxValue;
            a.TiltStarted(10);
            a.FallDetected(20);
            Assert.AreEqual(int.MaxValue, a.TiltWarningCount);
            Assert.AreEqual(int.MaxValue, a.FallAlarmCount);
            Assert.AreEqual((int)AlarmLevel.FallAlarm, (int)a.Level);
        }
    }
}
