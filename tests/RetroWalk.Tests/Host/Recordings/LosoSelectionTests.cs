using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class LosoSelectionTests
    {
        private static EvalResult Trial(string subject, int truth, int counted) => new EvalResult
        {
            Info = new RecordingInfo { Dataset = "ipol-gait", File = subject, Subject = subject, TrueSteps = truth, PeerSteps = new Dictionary<string, int>() },
            ForwardSteps = counted,
        };

        [TestMethod]
        public void EachSubjectGetsTheValueChosenOnTheOthers()
        {
            // Subjects a and b are best at 2, c alone is best at 1: c's held-out figure is its figure at 2, not at 1.
            var runs = new Dictionary<int, IReadOnlyList<EvalResult>>
            {
                [1] = new List<EvalResult> { Trial("a", 100, 90), Trial("b", 100, 90), Trial("c", 100, 100) },
                [2] = new List<EvalResult> { Trial("a", 100, 100), Trial("b", 100, 99), Trial("c", 100, 95) },
            };
            var rows = LosoSelection.Select(runs, defaultValue: 1, LosoSelection.StepError);

            Assert.AreEqual(3, rows.Count);
            var c = rows.Single(r => r.Subject == "c");
            Assert.AreEqual(2, c.ChosenValue);
            Assert.AreEqual(5.0, c.FigureAtChosen.Value, 1e-9);
            Assert.AreEqual(0.0, c.FigureAtDefault.Value, 1e-9);
            Assert.AreEqual(1, c.OwnBestValue);
            var a = rows.Single(r => r.Subject == "a");
            Assert.AreEqual(2, a.ChosenValue, "b (1 %) and c (5 %) at 2 beat b (10 %) and c (0 %) at 1");
            Assert.AreEqual(0.0, a.FigureAtChosen.Value, 1e-9);
        }

        [TestMethod]
        public void TiesGoToTheDefault()
        {
            var same = new List<EvalResult> { Trial("a", 100, 95), Trial("b", 100, 95) };
            var runs = new Dictionary<int, IReadOnlyList<EvalResult>> { [1] = same, [2] = same, [3] = same };
            Assert.IsTrue(LosoSelection.Select(runs, defaultValue: 2, LosoSelection.StepError).All(r => r.ChosenValue == 2));
        }

        [TestMethod]
        public void ParametersAreTheDetectorsTuningFields()
        {
            CollectionAssert.Contains(LosoSelection.Parameters.ToList(), "BoutTimeoutPercent");
            Assert.AreEqual(77, LosoSelection.With("BoutTimeoutPercent", 77).BoutTimeoutPercent);
            Assert.ThrowsExactly<ArgumentException>(() => LosoSelection.With("NoSuchThreshold", 1));
        }
    }
}
