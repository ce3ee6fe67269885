using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Paths;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Tracker
{
    /// <summary>
    /// The tracker's behaviour on real recordings (other people's, read from ../shared/datasets), asserted with margins:
    /// these say what must hold, while `retrowalk eval` reports the figures. Skipped, saying why, without the datasets.
    /// </summary>
    [TestClass]
    public class TrackerOnRealRecordingsTests
    {
        private static string SisFall(string subject, string file)
        {
            string reason = SharedPaths.DatasetsMissingReason("sisfall");
            if (reason != null)
            {
                Assert.Inconclusive(reason);
            }

            return Path.Combine(SharedPaths.DatasetsRoot, "sisfall", subject, file);
        }

        private static EvalResult Run(string path, bool reversed = false)
        {
            Recording recording = RecordingFile.Read(path);
            return Evaluator.Run(reversed ? recording.TimeReversed() : recording, new TrackerConfig());
        }

        [TestMethod]
        public void FallsAlarmWithinASecondOfTheirImpact()
        {
            foreach (var code in new[] { "F01", "F02", "F03", "F05", "F08", "F11", "F13", "F15" })
            {
                var result = Run(SisFall("SA03", $"{code}_SA03_R01.txt"));
                Assert.IsTrue(result.FallAlarm, $"{code}: no fall alarm");
                Assert.IsTrue(result.FallLatencyMs is > -1000 and < 1000, $"{code}: alarm {result.FallLatencyMs} ms from the impact");
            }
        }

        [TestMethod]
        public void SittingDownQuicklyJumpingAndLyingDownAreNoFalls()
        {
            foreach (var code in new[] { "D08", "D10", "D12", "D13", "D17", "D18", "D19" })
            {
                foreach (var subject in new[] { "SA02", "SA05" })
                {
                    var result = Run(SisFall(subject, $"{code}_{subject}_R01.txt"));
                    Assert.IsFalse(result.FallAlarm, $"{code} {subject}: fall alarm at {result.FallAlarmMs} ms");
                }
            }
        }

        [TestMethod]
        public void HandlingAPhoneOrAWatchIsNoFall()
        {
            // Phones taken out of a pocket and tapped, watches raised to be read: impacts and tilts, but no fall.
            foreach (var dataset in new[] { "oxford-stepcounter", "banglejs-stepcount" })
            {
                string reason = SharedPaths.DatasetsMissingReason(dataset);
                if (reason != null)
                {
                    Assert.Inconclusive(reason);
                }

                var report = Evaluator.EvaluateFolder(Path.Combine(SharedPaths.DatasetsRoot, dataset), maxParallelism: 2);
                Assert.AreEqual(0, report.Problems.Count, dataset + ": " + string.Join("; ", report.Problems.Select(p => p.File + ": " + p.Message)));
                Assert.IsTrue(report.Results.Count > 0, dataset + ": no recordings");
                var alarmed = report.Results.Where(r => r.FallAlarm).Select(r => $"{r.Info.File} at {r.FallAlarmMs} ms").ToList();
                Assert.AreEqual(0, alarmed.Count, dataset + ": " + string.Join("; ", alarmed));
            }
        }

        [TestMethod]
        public void AForwardWalkCountsForwardAndItsTimeReversalBackward()
        {
            string path = SisFall("SE01", "D01_SE01_R01.txt");
            var forward = Run(path);
            var reversed = Run(path, reversed: true);
            // Slow walking, about 100 steps/min for 180 s.
            Assert.IsTrue(forward.CountedSteps > 250, $"counted {forward.CountedSteps}");
            Assert.IsTrue(forward.ForwardSteps >= forward.CountedSteps * 97 / 100, $"forward {forward.ForwardSteps} of {forward.CountedSteps}");
            Assert.IsTrue(reversed.BackwardSteps >= reversed.CountedSteps * 95 / 100, $"backward {reversed.BackwardSteps} of {reversed.CountedSteps}");
            Assert.IsFalse(forward.FallAlarm || reversed.FallAlarm);
        }

        [TestMethod]
        public void BodyWornPhoneRecordingsCountWithinFivePercent()
        {
            string reason = SharedPaths.DatasetsMissingReason("oxford-stepcounter");
            if (reason != null)
            {
                Assert.Inconclusive(reason);
            }

            string data = Path.Combine(SharedPaths.DatasetsRoot, "oxford-stepcounter", "optimisation", "data");
            var stats = OxfordReader.ReadStats(Path.Combine(SharedPaths.DatasetsRoot, "oxford-stepcounter", "optimisation", "stats.csv"));
            foreach (var name in new[] { "Pixel_Jamie_Hard_FrontPocket_1", "Samsung_Carmelo_Hard_BackPocket_2", "Samsung_Carmelo_Hard_NeckPouch_1" })
            {
                var recording = OxfordReader.ReadOptimisation(Path.Combine(data, name), name, stats);
                var result = Evaluator.Run(recording, new TrackerConfig());
                Assert.IsTrue(result.StepErrorPct is > -5 and < 5, $"{name}: counted {result.CountedSteps} of {recording.Info.TrueSteps}");
            }
        }

        [TestMethod]
        public void StandingStillDeskWorkAndDrivingCountAlmostNothing()
        {
            string reason = SharedPaths.DatasetsMissingReason("banglejs-stepcount");
            if (reason != null)
            {
                Assert.Inconclusive(reason);
            }

            string folder = Path.Combine(SharedPaths.DatasetsRoot, "banglejs-stepcount");
            foreach (var file in new[] { "HughB-static-0.csv", "HughB-nosteps1.csv", "HughB-work-0.csv", "HughB-drive-a3-b136.csv" })
            {
                var result = Run(Path.Combine(folder, file));
                int limit = file.Contains("drive") ? 10 : 5;
                Assert.IsTrue(result.CountedSteps <= limit, $"{file}: counted {result.CountedSteps}");
            }
        }
    }
}
