using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Tracker
{
    /// <summary>Steady synthesized walks over the cadence range the detector covers, forward and backward.</summary>
    [TestClass]
    public class CadenceSweepTests
    {
        /// <summary>
        /// Up to here a steady walk's direction is claimed (98 % of its steps the walk's way). From about 140 steps/min
        /// the trunk's trough deepens (it grows with the square of the step frequency) past the jog gate, the gait is
        /// classified as running and the pendulum cue's sign is read the running way: 150-180 steps/min walks are counted
        /// the wrong way today (docs/detector.md), which is the walk-to-run transition's cadence (~140-150, Froude ~0.5).
        /// </summary>
        private const int WalkingDirectionMaxSpm = 130;

        /// <summary>
        /// At the walk-run transition's cadence a walk is mostly read as a walk since the gait classifier's cadence is
        /// the stride's, not the candidate run's too-fast mean (forward 207, backward 210 of 216 the walk's way; was 180
        /// and 213): claimed at 95 %.
        /// </summary>
        private const int TransitionSpm = 140;

        /// <summary>
        /// The slowest cadences claimed, forward and backward. The slow-walk mode (docs/detector.md) counts backward walks
        /// from 40 steps/min and forward ones from 60; forward 40-50 is not yet within 2 % (the heel strike's hump and
        /// the double-support push of a slow forward step jitter its timing), so it is measured in docs/detector.md,
        /// not asserted here.
        /// </summary>
        private const int SlowestForwardSpm = 60;

        private const int SlowestBackwardSpm = 40;

        /// <summary>Forward at 60, 70, ... 180 and backward at 40, 50, ... 180 steps/min: one test each, so that they run side by side.</summary>
        public static IEnumerable<object[]> Walks()
        {
            foreach (bool backward in new[] { false, true })
            {
                for (int cadence = backward ? SlowestBackwardSpm : SlowestForwardSpm; cadence <= 180; cadence += 10)
                {
                    yield return new object[] { backward, cadence };
                }
            }
        }

        [TestMethod]
        [DynamicData(nameof(Walks))]
        public void SteadyWalksFrom40Or60To180StepsPerMinCountWithin2Percent(bool backward, int cadence)
        {
            GaitProfile baseProfile = backward ? GaitProfile.Backward : GaitProfile.Forward;
            GaitProfile profile = baseProfile.AtCadence(cadence);
            SessionPlan plan = SessionSynthesizer.Plan(s => s.Stand(5).Walk(profile, 90).Stand(5), seed: cadence);
            var tracker = new RetroWalk.Core.Tracker(new TrackerConfig());
            foreach (var x in plan.Samples())
            {
                tracker.Process(x.Ax, x.Ay, x.Az, x.Gx, x.Gy, x.Gz);
            }

            int truth = plan.Truth.Steps.Count;
            long counted = tracker.ForwardSteps + tracker.BackwardSteps;
            Assert.IsTrue(Math.Abs(counted - truth) * 50 <= truth,
                $"{baseProfile.Direction} {cadence} spm: counted {counted} of {truth}");
            if (cadence <= TransitionSpm)
            {
                long along = baseProfile.Direction == WalkDirection.Forward ? tracker.ForwardSteps : tracker.BackwardSteps;
                int share = cadence <= WalkingDirectionMaxSpm ? 98 : 95;
                Assert.IsTrue(along * 100 >= counted * share,
                    $"{baseProfile.Direction} {cadence} spm: {along} of {counted} counted {baseProfile.Direction}");
            }
        }
    }
}
