#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Safety;

namespace RetroWalk.Tests.Core
{
    [TestClass]
    public class AlarmStateMachineTests
    {
        [TestMethod]
        public void TiltWarningStartsAndEndsWithTimestamps()
        {
            var a = new AlarmStateMachine();
            Assert.AreEqual((byte)AlarmLevel.None, (byte)a.Level);
            a.TiltStarted(100);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)a.Level);
            Assert.AreEqual(100L, a.LastTransitionSample);
            a.TiltStarted(120);
            Assert.AreEqual(1, a.TiltWarningCount);
            Assert.AreEqual(100L, a.LastTransitionSample);
            a.TiltEnded(200);
            Assert.AreEqual((byte)AlarmLevel.None, (byte)a.Level);
            Assert.AreEqual(200L, a.LastTransitionSample);
            Assert.AreEqual(2, a.TransitionCount);
        }

        [TestMethod]
        public void FallAlarmLatchesUntilAcknowledged()
        {
            var a = new AlarmStateMachine();
            a.TiltStarted(10);
            a.FallDetected(50);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)a.Level);
            Assert.AreEqual(50L, a.FirstFallAlarmSample);
            a.TiltEnded(60);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)a.Level);
            a.FallDetected(70);
            Assert.AreEqual(1, a.FallAlarmCount);
            Assert.IsTrue(a.Acknowledge(90));
            Assert.AreEqual((byte)AlarmLevel.None, (byte)a.Level);
            Assert.AreEqual(90L, a.LastTransitionSample);
            Assert.IsFalse(a.Acknowledge(95));
        }

        [TestMethod]
        public void AcknowledgingWhileStillLeaningReturnsToTheWarning()
        {
            var a = new AlarmStateMachine();
            a.FallDetected(5);
            a.TiltStarted(8);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)a.Level);
            a.Acknowledge(9);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)a.Level);
            a.FallDetected(30);
            Assert.AreEqual(5L, a.FirstFallAlarmSample);
            Assert.AreEqual(30L, a.FallAlarmSample);
            Assert.AreEqual(2, a.FallAlarmCount);
        }
    }
}
