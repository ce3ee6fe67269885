using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class EvaluatorTests
    {
        /// <summary>The keys every recording entry of the JSON must carry (the stable interface of eval --json).</summary>
        public static readonly string[] StableKeys =
        {
            "dataset", "file", "placement", "reversed", "true_steps", "counted_steps", "forward_steps", "backward_steps",
            "fall_expected", "fall_alarm", "fall_alarm_ms", "tilt_warnings", "impact_ms",
        };

        /// <summary>A folder with one small recording of every kind, one malformed own-format file and a Readme.</summary>
        private static void WriteMixedFolder(TempFolder folder)
        {
            folder.Write("sisfall/SA01/D01_SA01_R01.txt", SisFallReaderTests.Trial(400, i => new[] { 0, -256, 0, 0, 0, 0 }));
            folder.Write("sisfall/SA01/F02_SA01_R01.txt", SisFallReaderTests.Trial(400, i => i == 123 ? new[] { 0, 2000, 0, 0, 0, 0 } : new[] { 0, -256, 0, 0, 0, 0 }));
            folder.Write("sisfall/Readme.txt", "not a trial");
            OxfordReaderTests.WriteOptimisation(folder, "oxford-stepcounter", statsSteps: 40);
            folder.Write("banglejs-stepcount/HughB-static-0.csv", "Time (ms),X,Y,Z\n85,0,0,8192\n165,0,0,8192\n");
            RetroWalkCsv.Write(Path.Combine(folder.Path, "own", "good.csv"), RetroWalkCsvHeader.For(new TrackerConfig(), 12, "waist"), RetroWalkCsvTests.Samples);
            folder.Write("own/broken.csv", "# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\n1,2,3,4,5,6\n1,2,x,4,5,6\n");
        }

        [TestMethod]
        public void EveryKindIsFoundAndABrokenFileIsReportedWhileTheRestRuns()
        {
            using var folder = new TempFolder();
            WriteMixedFolder(folder);
            var report = Evaluator.EvaluateFolder(folder.Path);

            var files = report.Results.Select(r => r.Info.File + (r.Info.Reversed ? " reversed" : "")).ToList();
            CollectionAssert.AreEquivalent(new[]
            {
                "banglejs-stepcount/HughB-static-0.csv",
                "own/good.csv",
                "oxford-stepcounter/optimisation/data/Pixel_Test_Hard_FrontPocket_1/accelerometer.csv",
                "sisfall/SA01/D01_SA01_R01.txt", "sisfall/SA01/D01_SA01_R01.txt reversed",
                "sisfall/SA01/F02_SA01_R01.txt",
            }, files);
            var problem = report.Problems.Single();
            Assert.AreEqual("own/broken.csv", problem.File);
            Assert.AreEqual(6, problem.Line);

            var fall = report.Results.Single(r => r.Info.Activity == "F02");
            Assert.AreEqual(615.0, fall.Info.ImpactMs.Value, 1e-9);
            Assert.AreEqual(200, fall.DeviceSamples, "400 samples at 200 Hz become 200 at 100 Hz");
            var own = report.Results.Single(r => r.Info.Dataset == RetroWalkCsv.DatasetName);
            Assert.AreEqual(12, own.Info.TrueSteps);
            Assert.AreEqual(3, own.DeviceSamples);
        }

        [TestMethod]
        public void TheJsonCarriesTheStableKeysAndTheSummary()
        {
            using var folder = new TempFolder();
            WriteMixedFolder(folder);
            var report = Evaluator.EvaluateFolder(folder.Path);
            var jsonPath = Path.Combine(folder.Path, "out.json");
            EvalJson.Write(jsonPath, report);

            using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
            var root = document.RootElement;
            var recordings = root.GetProperty("recordings").EnumerateArray().ToList();
            Assert.HasCount(report.Results.Count, recordings);
            foreach (var entry in recordings)
            {
                foreach (var key in StableKeys)
                {
                    Assert.IsTrue(entry.TryGetProperty(key, out _), $"key {key} missing in {entry}");
                }
            }
            var reversed = recordings.Single(e => e.GetProperty("reversed").GetBoolean());
            Assert.AreEqual("sisfall", reversed.GetProperty("dataset").GetString());
            Assert.AreEqual(JsonValueKind.False, reversed.GetProperty("fall_expected").ValueKind);
            var oxford = recordings.Single(e => e.GetProperty("dataset").GetString() == "oxford-stepcounter");
            Assert.AreEqual(40, oxford.GetProperty("true_steps").GetInt32());
            Assert.AreEqual(JsonValueKind.Null, oxford.GetProperty("fall_expected").ValueKind);
            Assert.AreEqual(JsonValueKind.Null, oxford.GetProperty("impact_ms").ValueKind);
            Assert.AreEqual("FrontPocket", oxford.GetProperty("placement").GetString());
            Assert.AreEqual(1, root.GetProperty("summary").GetProperty("fall_trials").GetInt32());
            Assert.AreEqual("own/broken.csv", root.GetProperty("problems")[0].GetProperty("file").GetString());
        }

        [TestMethod]
        public void NothingToEvaluateIsAProblemNotASilentPass()
        {
            using var folder = new TempFolder();
            folder.Write("notes.txt", "nothing here");
            var report = Evaluator.EvaluateFolder(folder.Path);
            Assert.IsEmpty(report.Results);
            StringAssert.Contains(report.Problems.Single().Message, "no recordings found");
            var missing = Evaluator.EvaluateFolder(Path.Combine(folder.Path, "absent"));
            StringAssert.Contains(missing.Problems.Single().Message, "not found");
        }

        [TestMethod]
        public void TheForwardAxisComesFromTheRecordingAndOtherSettingsFromTheConfig()
        {
            var config = new TrackerConfig { StepsToStartWalk = 9 };
            config.Sensor.SampleRateHz = 50;
            var copy = Evaluator.WithForwardAxis(config, MountAxis.Unknown);
            Assert.AreEqual(MountAxis.Unknown, copy.ForwardAxis);
            Assert.AreEqual(9, copy.StepsToStartWalk);
            Assert.AreEqual(50, copy.Sensor.SampleRateHz);
            Assert.AreEqual(MountAxis.PlusZ, config.ForwardAxis, "the caller's config is left alone");
        }
    }
}
