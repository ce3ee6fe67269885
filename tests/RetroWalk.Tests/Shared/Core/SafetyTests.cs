#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Safety;

namespace RetroWalk.Tests.Core
{
    [TestClass]
    public class SafetyTests
    {
        private static Tracker UprightTracker()
        {
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 300);
            return t;
        }

        [TestMethod]
        public void TheUprightReferenceIsCapturedAtTheFirstStandstill()
        {
            Tracker t = new Tracker(new TrackerConfig());
            SignalBuilder.Still(t, 50);
            Assert.IsFalse(t.HasUprightReference);
            SignalBuilder.Still(t, 250);
            Assert.IsTrue(t.HasUprightReference);
            Assert.AreEqual(0, t.TiltDeciDeg / 20);
        }

        [TestMethod]
        public void TiltIsReportedInTenthsOfADegreeWithItsDirection()
        {
            Tracker t = UprightTracker();
            SignalBuilder.Lean(t, 200, 40, 0);
            Assert.IsTrue(t.TiltDeciDeg >= 390 && t.TiltDeciDeg <= 410, "tilt " + t.TiltDeciDeg.ToString());
            Assert.AreEqual((byte)TiltDirection.Backward, (byte)t.TiltDirection);
            SignalBuilder.Lean(t, 200, -30, 0);
            Assert.AreEqual((byte)TiltDirection.Forward, (byte)t.TiltDirection);
            SignalBuilder.Lean(t, 200, 25, 1);
            Assert.AreEqual((byte)TiltDirection.Sideways, (byte)t.TiltDirection);
        }

        /// <summary>Walking backward at 100 steps/min, with the trunk leaning back by <paramref name="leanDeg"/>.</summary>
        private static void WalkBack(Tracker t, int steps, int leanDeg)
        {
            SignalBuilder.Walk(t, steps, 100, 250, -1, leanDeg);
        }

        [TestMethod]
        public void LeaningBackWhileWalkingWarnsAfterTheHoldTime()
        {
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            WalkBack(t, 1, 36);
            Assert.AreEqual((byte)AlarmLevel.None, (byte)t.Alarm);
            WalkBack(t, 3, 36);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)t.Alarm);
            Assert.AreEqual(1, t.TiltWarningCount);
        }

        [TestMethod]
        public void TheWarningHasHysteresisAndClearsWhenUpright()
        {
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            WalkBack(t, 4, 36);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)t.Alarm);
            // 27° is under the 30° threshold but inside the 5° band: still warned, no chatter.
            WalkBack(t, 3, 27);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)t.Alarm);
            WalkBack(t, 3, 10);
            Assert.AreEqual((byte)AlarmLevel.None, (byte)t.Alarm);
            Assert.AreEqual(1, t.TiltWarningCount);
        }

        [TestMethod]
        public void ALeanUnderTheThresholdOrShorterThanTheHoldDoesNotWarn()
        {
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            WalkBack(t, 6, 25);
            WalkBack(t, 1, 40);
            WalkBack(t, 6, 0);
            Assert.AreEqual(0, t.TiltWarningCount);
        }

        [TestMethod]
        public void BendingForwardAtRestIsNotAWarning()
        {
            Tracker t = UprightTracker();
            SignalBuilder.Lean(t, 500, -60, 0);
            Assert.AreEqual(0, t.TiltWarningCount);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        /// <summary>Losing support and toppling over about half a second: |a| drops while the trunk turns.</summary>
        private static void Topple(Tracker t, int toDeg, int sideways)
        {
            for (int d = 0; d < toDeg; d += toDeg / 10)
            {
                SignalBuilder.Tilted(t, 5, d, sideways, 350);
            }
        }

        [TestMethod]
        public void AnImpactFollowedByLyingIsAFallAlarmLatchedUntilAcknowledged()
        {
            Tracker t = UprightTracker();
            Topple(t, 80, 0);
            long impact = t.SampleIndex;
            SignalBuilder.Jolt(t, 4000, 4);
            SignalBuilder.Lean(t, 100, 88, 0);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)t.Alarm);
            long latencyMs = (t.FirstFallAlarmSample - impact) * 10;
            Assert.IsTrue(latencyMs > 0 && latencyMs <= 300, "latency " + latencyMs.ToString());
            SignalBuilder.Still(t, 300);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)t.Alarm);
            t.AcknowledgeAlarm();
            Assert.AreEqual((byte)AlarmLevel.None, (byte)t.Alarm);
        }

        [TestMethod]
        public void AnImpactClippedAtTheRangeIsStillAnImpact()
        {
            Tracker t = UprightTracker();
            Topple(t, 90, 1);
            SignalBuilder.Jolt(t, 16000, 3);
            SignalBuilder.Lean(t, 100, 90, 1);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)t.Alarm);
        }

        [TestMethod]
        public void AStumbleThatIsRecoveredIsNoFall()
        {
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            SignalBuilder.Jolt(t, 3000, 4);
            SignalBuilder.Lean(t, 20, 30, 0);
            WalkBack(t, 10, 0);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        [TestMethod]
        public void SittingDownHardIsNoFall()
        {
            Tracker t = UprightTracker();
            SignalBuilder.Lean(t, 60, 20, 0);
            SignalBuilder.Jolt(t, 2600, 5);
            SignalBuilder.Lean(t, 400, 35, 0);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        [TestMethod]
        public void WithAnUnknownMountingFallsAreJudgedOnlyOnceAWalkHasShownUpright()
        {
            var config = new TrackerConfig();
            config.ForwardAxis = MountAxis.Unknown;
            Tracker t = new Tracker(config);
            // Held still in a hand, then "falling": with no walk yet nothing says what upright is.
            SignalBuilder.Still(t, 300);
            Topple(t, 80, 0);
            SignalBuilder.Jolt(t, 4000, 4);
            SignalBuilder.Lean(t, 100, 88, 0);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
            // After a walk the walking posture is upright, and the same fall is an alarm.
            SignalBuilder.Walk(t, 20, 110, 300, 1, 0);
            SignalBuilder.Still(t, 300);
            Topple(t, 80, 0);
            SignalBuilder.Jolt(t, 4000, 4);
            SignalBuilder.Lean(t, 100, 88, 0);
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)t.Alarm);
        }

        [TestMethod]
        public void LyingDownASecondAfterAnImpactIsNoFall()
        {
            // A hard last step, a second upright, then lying down: the ground did not stop a fall, the wearer lay down.
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            SignalBuilder.Jolt(t, 3000, 4);
            SignalBuilder.Lean(t, 100, 5, 0);
            SignalBuilder.Lean(t, 100, 90, 0);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        [TestMethod]
        public void TheLastImpactOpensTheWindowForLying()
        {
            // A hard stumble, then, before its window closes, a smaller impact as the body lands; the trunk lies flat
            // only after the stumble's window: the window runs from the last impact, not the largest.
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            int settleSamples = new AlarmConfig().FallSettleMs / 10;
            long stumble = t.SampleIndex;
            SignalBuilder.Jolt(t, 6000, 4);
            SignalBuilder.Lean(t, settleSamples - 30, 15, 0);
            SignalBuilder.Turn(t, 15, 75, 10, 3, 0);

            long landing = t.SampleIndex;
            SignalBuilder.Jolt(t, 2500, 3);
            SignalBuilder.Lean(t, 15, 75, 0);
            SignalBuilder.Lean(t, 100, 88, 0);
            Assert.IsTrue(landing - stumble < settleSamples, "the landing comes within the stumble's window");
            Assert.AreEqual((byte)AlarmLevel.FallAlarm, (byte)t.Alarm);
            Assert.IsTrue(t.FirstFallAlarmSample - stumble > settleSamples + 8, "lying confirmed after the stumble's window");
            Assert.IsTrue(t.FirstFallAlarmSample - landing <= 40, "alarm " + (t.FirstFallAlarmSample - landing).ToString() + " samples after the landing");
        }

        [TestMethod]
        public void ADeviceHeldTiltedAndTappedIsNoFall()
        {
            // After a walk the tracker is taken off and held at 74° to be read, and its button is pressed (a spike).
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            SignalBuilder.Still(t, 200);
            SignalBuilder.Turn(t, 0, 74, 5, 8, 1);

            SignalBuilder.Jolt(t, 2600, 1);
            SignalBuilder.Lean(t, 300, 74, 1);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        [TestMethod]
        public void KnockingTheTrackerLyingOnATableIsNoFall()
        {
            // Taken off after a walk and laid flat on a table; two seconds later something knocks it hard.
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            SignalBuilder.Still(t, 100);
            SignalBuilder.Turn(t, 0, 90, 10, 5, 0);

            SignalBuilder.Lean(t, 200, 90, 0);
            SignalBuilder.Jolt(t, 3000, 3);
            SignalBuilder.Lean(t, 200, 90, 0);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        [TestMethod]
        public void ATapOnADeviceHeldStillAtAnyAngleIsNoFall()
        {
            // Taken off after a walk and held in a trembling hand, turned past horizontal, then its button pressed: it
            // lies "flat" by the angle, but it got there before the tap and did not turn with it.
            Tracker t = UprightTracker();
            WalkBack(t, 10, 0);
            SignalBuilder.Turn(t, 0, 100, 10, 5, 1);

            Tremble(t, 40, 100);
            SignalBuilder.Jolt(t, 2600, 1);
            Tremble(t, 150, 100);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }

        private static void Tremble(Tracker t, int samples, int degrees)
        {
            // A hand is never still: |a| wavers by about 0.1 g.
            for (int i = 0; i < samples; i++)
            {
                SignalBuilder.Tilted(t, 1, degrees, 1, (i & 1) == 0 ? 1100 : 900);
            }
        }

        [TestMethod]
        public void LyingDownWithoutAnImpactIsNoFall()
        {
            Tracker t = UprightTracker();
            SignalBuilder.Turn(t, 0, 90, 3, 10, 0);

            SignalBuilder.Lean(t, 300, 90, 0);
            Assert.AreEqual(-1L, t.FirstFallAlarmSample);
        }
    }
}
