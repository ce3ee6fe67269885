using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>ipol-gait in the catalog, the evaluation and the summary, on trials the tests write.</summary>
    [TestClass]
    public class IpolGaitEvalTests
    {
        /// <summary>The summary keys of ipol-gait that docs/eval.md promises (stable interface of eval --json).</summary>
        public static readonly string[] SummaryKeys =
        {
            "ipol_gait_recordings", "ipol_gait_mean_abs_error_pct", "ipol_gait_worst_abs_error_pct", "ipol_gait_forward_pct",
            "ipol_gait_reversed_backward_pct",
        };

        private static void WriteIpolFolder(TempFolder folder)
        {
            folder.Write("ipol-gait/GaitData/7-3_lb.txt", IpolGaitFixtures.StandingTrunk(200));
            folder.Write("ipol-gait/GaitData/7-3.json", IpolGaitFixtures.FiveStepMetadata());
            folder.Write("ipol-gait/GaitData/7-3_lf.txt", "a foot sensor: not read");
            folder.Write("ipol-gait/GaitData/9-1_lb.txt", IpolGaitFixtures.StandingTrunk(200));
            folder.Write("ipol-gait/GaitData/9-1.json", "{\"Subject\": 9,\n\"Trial\": 1,,\n}");
            folder.Write("ipol-gait/README.md", "# the dataset's readme");
        }

        private static EvalResult Result(string file, int truth, int forward, int backward, bool reversed, string subject = "1") => new EvalResult
        {
            Info = new RecordingInfo
            {
                Dataset = IpolGaitReader.DatasetName, File = file, Placement = IpolGaitReader.Placement, TrueSteps = truth,
                Reversed = reversed, Subject = subject,
            },
            ForwardSteps = forward,
            BackwardSteps = backward,
        };

        [TestMethod]
        public void TheCatalogFindsTrunkTrialsRunsEachReversedTooAndNamesABrokenMetadataFile()
        {
            using var folder = new TempFolder();
            WriteIpolFolder(folder);
            var report = Evaluator.EvaluateFolder(folder.Path);

            var runs = report.Results.Select(r => r.Info.File + (r.Info.Reversed ? " reversed" : "")).ToList();
            CollectionAssert.AreEqual(new[] { "ipol-gait/GaitData/7-3_lb.txt", "ipol-gait/GaitData/7-3_lb.txt reversed" }, runs);
            Assert.IsTrue(report.Results.All(r => r.Info.Placement == "lower-back" && r.Info.TrueSteps == 5 && r.Info.Subject == "7"));
            Assert.IsTrue(report.Results.All(r => r.CountedSteps == 0), "standing still counts nothing");
            var problem = report.Problems.Single();
            Assert.AreEqual("ipol-gait/GaitData/9-1.json", problem.File);
            Assert.AreEqual(2, problem.Line, "the line of the JSON syntax error");
        }

        [TestMethod]
        public void TheDatasetFolderItselfOrOneTrunkFileCanBeEvaluated()
        {
            using var folder = new TempFolder();
            WriteIpolFolder(folder);
            var own = Evaluator.EvaluateFolder(Path.Combine(folder.Path, "ipol-gait"));
            Assert.HasCount(2, own.Results);
            var single = Evaluator.EvaluateFolder(Path.Combine(folder.Path, "ipol-gait", "GaitData", "7-3_lb.txt"));
            Assert.HasCount(2, single.Results, "one file is read with its metadata and also run reversed");
            Assert.AreEqual(75, single.Results[0].Info.SubjectAge);
        }

        [TestMethod]
        public void SummaryFiguresFollowTheirDefinitions()
        {
            var results = new List<EvalResult>
            {
                Result("a", truth: 40, forward: 38, backward: 0, reversed: false),       // -5 %
                Result("a", truth: 40, forward: 2, backward: 34, reversed: true),        // -10 %, 34 of 36 backward
                Result("b", truth: 20, forward: 21, backward: 1, reversed: false),       // +10 %
                Result("b", truth: 20, forward: 0, backward: 20, reversed: true),        // 0 %
            };
            var s = EvalSummary.From(results);
            Assert.AreEqual(2, s.IpolGaitRecordings, "original trials only");
            Assert.AreEqual(2, s.IpolGaitReversedRecordings);
            Assert.AreEqual(7.5, s.IpolGaitMeanAbsErrorPct.Value, 1e-9);
            Assert.AreEqual(10.0, s.IpolGaitWorstAbsErrorPct.Value, 1e-9);
            Assert.AreEqual("b", s.IpolGaitWorstFile);
            Assert.AreEqual(60, s.IpolGaitTrueSteps);
            Assert.AreEqual(100.0 * 59 / 60, s.IpolGaitForwardPct.Value, 1e-9);
            Assert.AreEqual(5.0, s.IpolGaitReversedMeanAbsErrorPct.Value, 1e-9);
            Assert.AreEqual(100.0 * 54 / 56, s.IpolGaitReversedBackwardPct.Value, 1e-9);

            var empty = EvalSummary.From(new List<EvalResult>());
            Assert.AreEqual(0, empty.IpolGaitRecordings);
            Assert.IsNull(empty.IpolGaitMeanAbsErrorPct);
            Assert.IsNull(empty.IpolGaitForwardPct);
        }

        [TestMethod]
        public void TheJsonSummaryCarriesTheStableIpolGaitKeys()
        {
            using var folder = new TempFolder();
            WriteIpolFolder(folder);
            var report = Evaluator.EvaluateFolder(folder.Path);
            using var document = JsonDocument.Parse(EvalJson.Serialize(report));
            var summary = document.RootElement.GetProperty("summary");
            foreach (var key in SummaryKeys)
            {
                Assert.IsTrue(summary.TryGetProperty(key, out _), $"summary key {key} missing");
            }
            Assert.AreEqual(1, summary.GetProperty("ipol_gait_recordings").GetInt32());
            Assert.AreEqual(100.0, summary.GetProperty("ipol_gait_mean_abs_error_pct").GetDouble(), 1e-9, "0 of 5 steps counted on a standing trunk");
            Assert.AreEqual(JsonValueKind.Null, summary.GetProperty("ipol_gait_forward_pct").ValueKind, "no step counted: no direction share");
            var entry = document.RootElement.GetProperty("recordings")[0];
            Assert.AreEqual("7", entry.GetProperty("subject").GetString());
            Assert.AreEqual(75, entry.GetProperty("subject_age").GetInt32());
        }
    }
}
