using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Session;
using RetroWalk.Host.Coach;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>The true step-time CV of <c>retrowalk eval</c> (true_step_time_cv_pct) on footstep times made up by hand.</summary>
    [TestClass]
    public class StepTimeVariabilityTests
    {
        private static RecordingInfo Info(IReadOnlyList<double> steps, TimeRangeS? walk = null, params TimeRangeS[] turns) => new()
        {
            Dataset = "test", File = "t", StepTimesS = steps, TrueSteps = steps.Count, WalkS = walk, TurnsS = turns,
        };

        /// <summary>Footsteps with step times alternating a, b seconds, from t0.</summary>
        private static List<double> Alternating(double t0, int steps, double a, double b)
        {
            var times = new List<double> { t0 };
            for (int i = 1; i < steps; i++) times.Add(times[^1] + (i % 2 == 1 ? a : b));
            return times;
        }

        [TestMethod]
        public void AlternatingStepTimesGiveTheirCv()
        {
            // 0.48 / 0.52 s: SD 0.02 s of a 0.5 s mean (sample SD over an even count: 4.0 % × sqrt(n / (n − 1))).
            var times = Alternating(1, 41, 0.48, 0.52);
            int used = 40 - SessionRecorder.WarmUpSteps - SessionRecorder.CoolDownSteps;
            double expected = 4.0 * Math.Sqrt((double)used / (used - 1));
            Assert.AreEqual(expected, StepTimeVariability.TrueCvPct(Info(times)).Value, 0.05);
        }

        [TestMethod]
        public void TheTurnAndWhatLiesOutsideTheWalkAreLeftOut()
        {
            // Two even 20-step stretches, a turn whose step times stay within the outlier cut (so only the marks can
            // leave it out), then stray steps after the walk.
            var times = Alternating(1, 21, 0.5, 0.5);
            foreach (double step in new[] { 0.62, 0.42, 0.6, 0.45 }) times.Add(times[^1] + step);
            double turnEnd = times[^1];
            times.AddRange(Alternating(turnEnd + 0.5, 21, 0.5, 0.5));
            double walkEnd = times[^1];
            foreach (double step in new[] { 0.5, 0.62, 0.42, 0.6, 0.45, 0.5, 0.55, 0.5 }) times.Add(times[^1] + step);
            var info = Info(times, new TimeRangeS(0.9, walkEnd + 0.01), new TimeRangeS(11.0 - 0.01, turnEnd + 0.01));
            Assert.AreEqual(0.0, StepTimeVariability.TrueCvPct(info).Value, 1e-9, "no variability within either stretch");
            Assert.IsTrue(StepTimeVariability.TrueCvPct(Info(times)).Value > 3, "with the turn and the stray steps it would be large");
        }

        [TestMethod]
        public void WithoutMarkedFootstepsThereIsNoTruth()
        {
            Assert.IsNull(StepTimeVariability.TrueCvPct(new RecordingInfo { Dataset = "test", File = "t" }));
            Assert.IsNull(StepTimeVariability.TrueCvPct(Info(Alternating(1, 8, 0.5, 0.5))), "too short for a steady bout");
        }

        [TestMethod]
        public void TheSummaryAveragesTheDifferenceOverTrialsWithBoth()
        {
            EvalResult R(double? estimate, double? truth, bool reversed) => new()
            {
                Info = new RecordingInfo { Dataset = IpolGaitReader.DatasetName, File = "f", TrueSteps = 10, Reversed = reversed },
                ForwardSteps = 10, StepTimeCvPct = estimate, TrueStepTimeCvPct = truth,
            };
            var s = EvalSummary.From(new[] { R(3, 2, false), R(2, 4, false), R(null, 3, false), R(5, 4.5, true) });
            Assert.AreEqual(2, s.IpolGaitStepTimeCvTrials);
            Assert.AreEqual(1.5, s.IpolGaitStepTimeCvMeanAbsDiffPp.Value, 1e-9);
            Assert.AreEqual(-0.5, s.IpolGaitStepTimeCvMeanDiffPp.Value, 1e-9);
            Assert.AreEqual(0.5, s.IpolGaitReversedStepTimeCvMeanAbsDiffPp.Value, 1e-9);
            // The figure `--loso-figure step-time-cv` minimises is the same mean over the original trials.
            Assert.AreEqual(1.5, LosoSelection.Figure(LosoSelection.StepTimeCv, new[] { R(3, 2, false), R(2, 4, false), R(null, 3, false), R(5, 4.5, true) }).Value, 1e-9);
        }
    }
}
