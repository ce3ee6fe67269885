using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Synthesis
{
    [TestClass]
    public class GroundTruthTests
    {
        private const int RateHz = 100;

        [TestMethod]
        public void TheShortSessionHoldsItsScriptedBouts()
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                var truth = SessionSynthesizer.Plan("short", null, seed).Truth;
                Assert.AreEqual(90, truth.SampleCount / (double)RateHz, 5, "about 90 s");
                CollectionAssert.AreEqual(new[] { WalkDirection.Forward, WalkDirection.Backward, WalkDirection.Forward },
                    truth.Bouts.Select(b => b.Direction).ToArray());
                double[] scriptedS = { 28, 30, 12 };
                for (int i = 0; i < 3; i++)
                {
                    var bout = truth.Bouts[i];
                    double seconds = (bout.EndSample - bout.StartSample) / (double)RateHz;
                    Assert.AreEqual(scriptedS[i], seconds, 1.5, $"bout {i} length");
                    // Steps fit the cadence of the direction (bout-to-bout spread ~3%, start and stop take about a step).
                    double cadence = bout.Direction == WalkDirection.Forward ? 110 : 92;
                    Assert.AreEqual(seconds * cadence / 60, bout.Steps, 0.12 * seconds * cadence / 60 + 1, $"bout {i} steps");
                }
                Assert.AreEqual(truth.Steps.Count, truth.Bouts.Sum(b => b.Steps), "every step lies in a bout");
                Assert.HasCount(truth.ForwardSteps + truth.BackwardSteps, truth.Steps);
                Assert.AreEqual(truth.Bouts.Where(b => b.Direction == WalkDirection.Backward).Sum(b => b.Steps), truth.BackwardSteps);
                Assert.IsTrue(truth.Steps.All(s => s.Regular), "no stumble in this session");
                Assert.IsTrue(truth.Steps.Zip(truth.Steps.Skip(1), (a, b) => b.Sample > a.Sample).All(x => x), "steps in time order");
                Assert.IsEmpty(truth.Falls);
                Assert.IsEmpty(truth.Stumbles);
                Assert.IsEmpty(truth.Leans);
            }
        }

        [TestMethod]
        public void StepTimingVariesAFewPercentAroundTheCadence()
        {
            foreach (var (name, cadence, maxCv) in new[] { ("forward-walk", 110.0, 0.05), ("backward-walk", 92.0, 0.07) })
            {
                var truth = SessionSynthesizer.Plan(name, null, 3).Truth;
                var steps = truth.Steps.Select(s => s.Sample).ToArray();
                var intervals = steps.Zip(steps.Skip(1), (a, b) => (b - a) / (double)RateHz).ToArray();
                double mean = intervals.Average();
                double cv = SynthSignals.Std(intervals) / mean;
                Assert.AreEqual(60 / cadence, mean, 0.1 * 60 / cadence, name + " mean step time");
                SynthSignals.Between(0.01, maxCv, cv, name + " step-time CV");
            }
        }

        [TestMethod]
        public void TheRetroSessionFollowsAGuidedRoutine()
        {
            var truth = SessionSynthesizer.Plan(Scenarios.Default, null, 1).Truth;
            double minutes = truth.SampleCount / (double)RateHz / 60;
            SynthSignals.Between(10, 15, minutes, "session minutes");

            var first = truth.Phases[0];
            Assert.AreEqual(Activity.Standing, first.Activity, "stands still first (upright reference)");
            Assert.IsGreaterThanOrEqualTo(5 * RateHz, first.EndSample - first.StartSample);
            Assert.AreEqual(Activity.Standing, truth.Phases[^1].Activity, "ends standing");

            var bouts = truth.Bouts;
            Assert.AreEqual(WalkDirection.Forward, bouts[0].Direction, "forward warm-up");
            double warmUpS = (bouts[0].EndSample - bouts[0].StartSample) / (double)RateHz;
            SynthSignals.Between(120, 180, warmUpS, "warm-up seconds");
            Assert.AreEqual(WalkDirection.Forward, bouts[^1].Direction, "forward cool-down");
            for (int i = 1; i < bouts.Count; i++)
            {
                Assert.AreNotEqual(bouts[i - 1].Direction, bouts[i].Direction, "directions alternate");
                Assert.IsGreaterThanOrEqualTo(3 * RateHz, bouts[i].StartSample - bouts[i - 1].EndSample, "a standing pause between bouts");
            }
            var backward = bouts.Where(b => b.Direction == WalkDirection.Backward).ToArray();
            Assert.IsGreaterThanOrEqualTo(2, backward.Length);
            foreach (var b in backward)
            {
                double s = (b.EndSample - b.StartSample) / (double)RateHz;
                SynthSignals.Between(60, 120, s, "backward interval seconds");
            }

            Assert.HasCount(1, truth.Stumbles, "one stumble");
            var stumble = truth.Stumbles[0];
            var host = bouts.Single(b => b.StartSample <= stumble.TripSample && stumble.RecoveredSample < b.EndSample);
            Assert.AreEqual(WalkDirection.Forward, host.Direction);
            var irregular = truth.Steps.Where(s => !s.Regular).ToArray();
            SynthSignals.Between(1.5, 5.5, irregular.Length, "quick irregular steps (2-5)");
            Assert.IsTrue(irregular.All(s => s.Sample >= stumble.TripSample && s.Sample <= stumble.RecoveredSample));
            Assert.AreEqual(stumble.JoltSample, irregular[0].Sample, "the jolt is the recovery step's landing");
            var gaps = irregular.Zip(irregular.Skip(1), (a, b) => b.Sample - a.Sample).ToArray();
            Assert.IsTrue(gaps.All(g => g < 0.5 * RateHz), "recovery steps are quicker than walking steps");
            Assert.AreEqual(truth.Count(WalkDirection.Forward) - irregular.Length, truth.Count(WalkDirection.Forward, regularOnly: true));
        }

        [TestMethod]
        public void AHomeMadeScriptGivesItsOwnTruth()
        {
            var plan = SessionSynthesizer.Plan(s => s.Stand(3).Walk(GaitProfile.Backward, 12).LeanBack(30, 1, 2), null, 9);
            var truth = plan.Truth;
            Assert.AreEqual(WalkDirection.Backward, truth.Bouts.Single().Direction);
            Assert.AreEqual(0, truth.ForwardSteps);
            SynthSignals.Between(12 * 92 / 60.0 * 0.8, 12 * 92 / 60.0 * 1.2, truth.BackwardSteps, "backward steps in 12 s");
            Assert.AreEqual(30, truth.Leans.Single().PeakBackwardDeg, 1e-9);
            Assert.IsGreaterThan(truth.Bouts[0].EndSample, truth.Leans[0].StartSample, "the lean comes after the walk");
            CollectionAssert.AreEqual(new[] { Activity.Standing, Activity.Walking, Activity.Standing, Activity.Leaning, Activity.Standing },
                truth.Phases.Select(p => p.Activity).ToArray());
        }

        [TestMethod]
        public void TheLeanAndTheFallAreInTheTruth()
        {
            var lean = SessionSynthesizer.Plan("lean-back", null, 1).Truth;
            Assert.HasCount(1, lean.Leans);
            var l = lean.Leans[0];
            Assert.AreEqual(35, l.PeakBackwardDeg, 1e-9);
            Assert.AreEqual(3.0, (l.HoldEndSample - l.HoldStartSample) / (double)RateHz, 0.02, "held 3 s");
            Assert.IsLessThan(l.HoldStartSample, l.StartSample);
            Assert.IsLessThan(l.EndSample, l.HoldEndSample);
            Assert.IsEmpty(lean.Steps);

            var fall = SessionSynthesizer.Plan("fall-backward", null, 1).Truth;
            Assert.HasCount(1, fall.Falls);
            var f = fall.Falls[0];
            double toImpactS = (f.ImpactSample - f.OnsetSample) / (double)RateHz;
            SynthSignals.Between(0.4, 1.0, toImpactS, "seconds from onset to impact");
            Assert.AreEqual(WalkDirection.Backward, fall.Bouts.Single().Direction, "falls while walking backward");
            Assert.AreEqual(fall.Bouts[0].EndSample, f.OnsetSample);
            Assert.AreEqual(Activity.Lying, fall.Phases[^1].Activity);
            Assert.IsGreaterThanOrEqualTo(10 * RateHz, fall.Phases[^1].EndSample - fall.Phases[^1].StartSample, "then lies still");
        }
    }
}
