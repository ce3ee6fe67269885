using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Paths;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>The readers on the real recordings in ../shared/datasets; inconclusive (with the reason) where they are absent.</summary>
    [TestClass]
    public class RealDatasetTests
    {
        private static string Folder(string dataset)
        {
            var missing = SharedPaths.DatasetsMissingReason(dataset);
            if (missing != null)
            {
                Assert.Inconclusive(missing);
            }
            return Path.Combine(SharedPaths.DatasetsRoot, dataset);
        }

        private static double MeanMagnitude(Recording r) => r.Samples.Average(s => s.AccelMagnitudeG);

        /// <summary>Mean specific force over the last two seconds of a trial: the direction of gravity in the final posture.</summary>
        private static MotionSample FinalPosture(Recording r)
        {
            var tail = r.Samples.Where(s => s.TimeS >= r.DurationS - 2).ToList();
            return new MotionSample(0, tail.Average(s => s.Ax), tail.Average(s => s.Ay), tail.Average(s => s.Az), 0, 0, 0);
        }

        [TestMethod]
        public void SisFallWalksLastAtLeastAHundredSecondsAndReadOneGUpright()
        {
            var folder = Folder("sisfall");
            var files = Directory.GetFiles(folder, "D01_*.txt", SearchOption.AllDirectories);
            Assert.IsNotEmpty(files, "no D01 trial in " + folder);
            foreach (var file in files)
            {
                var r = SisFallReader.Read(file, Path.GetFileName(file));
                // 100 s trials (20000 lines at 200 Hz); some elderly subjects walked longer.
                Assert.IsTrue(r.Samples.Count >= 19990 && r.DurationS >= 99.9 && r.DurationS < 200, $"{file}: {r.Samples.Count} samples, {r.DurationS:0.0} s");
                Assert.AreEqual(1.0, MeanMagnitude(r), 0.1, "mean specific force over a walk is about 1 g: " + file);
                Assert.IsGreaterThan(0.8, r.Samples.Take(200).Average(s => s.Ax), "device X points up while standing: " + file);
            }
        }

        /// <summary>
        /// Evidence for <see cref="SisFallReader.ToDevice"/>: forward falls (F01 slip, F04 trip) end lying face-down, the
        /// forward axis pointing at the floor (device Z ≈ -1 g); backward falls (F02) end face-up (Z ≈ +1 g). Falls are
        /// messy (a subject may roll over or land on a side), so the test asks for a clear majority and for every
        /// subject to separate forward from backward falls on this axis more than on either other axis.
        /// </summary>
        [TestMethod]
        public void SisFallForwardIsDevicePlusZByTheFinalPostureOfForwardAndBackwardFalls()
        {
            var folder = Folder("sisfall");
            var bySubject = new Dictionary<string, (List<MotionSample> Forward, List<MotionSample> Backward)>();
            foreach (var file in Directory.GetFiles(folder, "F0?_*.txt", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var code = name.Substring(0, 3);
                if (code != "F01" && code != "F02" && code != "F04")
                {
                    continue;
                }
                var subject = name.Split('_')[1];
                if (!bySubject.TryGetValue(subject, out var lists))
                {
                    lists = (new List<MotionSample>(), new List<MotionSample>());
                    bySubject[subject] = lists;
                }
                var posture = FinalPosture(SisFallReader.Read(file, name));
                Console.WriteLine($"{name}: final X {posture.Ax:+0.00;-0.00} Y {posture.Ay:+0.00;-0.00} Z {posture.Az:+0.00;-0.00} g");
                (code == "F02" ? lists.Backward : lists.Forward).Add(posture);
            }
            Assert.IsNotEmpty(bySubject, "no F01/F02/F04 trials in " + folder);

            var forward = bySubject.Values.SelectMany(v => v.Forward).ToList();
            var backward = bySubject.Values.SelectMany(v => v.Backward).ToList();
            Assert.IsGreaterThanOrEqualTo(0.66 * forward.Count, (double)forward.Count(p => p.Az < -0.5), "most forward falls end face-down (Z < -0.5 g)");
            Assert.IsGreaterThanOrEqualTo(0.66 * backward.Count, (double)backward.Count(p => p.Az > 0.5), "most backward falls end face-up (Z > +0.5 g)");
            foreach (var pair in bySubject.Where(p => p.Value.Forward.Count > 0 && p.Value.Backward.Count > 0))
            {
                var (f, b) = pair.Value;
                var separationZ = b.Average(p => p.Az) - f.Average(p => p.Az);
                Assert.IsGreaterThan(0.5, separationZ, pair.Key + ": backward falls end higher on Z than forward ones");
                Assert.IsGreaterThan(Math.Abs(b.Average(p => p.Ax) - f.Average(p => p.Ax)), separationZ, pair.Key + ": Z separates them better than X");
                Assert.IsGreaterThan(Math.Abs(b.Average(p => p.Ay) - f.Average(p => p.Ay)), separationZ, pair.Key + ": Z separates them better than Y");
            }
        }

        [TestMethod]
        public void OxfordTruthComesFromStatsAndAgreesWithTheFootSwitches()
        {
            var folder = Folder("oxford-stepcounter");
            var stats = OxfordReader.ReadStats(Path.Combine(folder, "optimisation", "stats.csv"));
            Assert.AreEqual(268, stats["Pixel_Jamie_Hard_FrontPocket_1"], "stats.csv row of Pixel_Jamie_Hard_FrontPocket_1");
            var directory = Path.Combine(folder, "optimisation", "data", "Pixel_Jamie_Hard_FrontPocket_1");
            if (!Directory.Exists(directory))
            {
                Assert.Inconclusive(directory + " not found");
            }
            var r = OxfordReader.ReadOptimisation(directory, "a.csv", stats);
            Assert.AreEqual(268, r.Info.TrueSteps);
            Assert.AreEqual(268, r.Info.FootSwitchSteps, "0→1 transitions in stepcounter.csv");
            Assert.AreEqual(151.0, r.DurationS, 2.0, "stats.csv gives 151 s");
            Assert.IsTrue(r.MeanRateHz > 50 && r.MeanRateHz < 1000, $"rate {r.MeanRateHz:0} Hz");
            Assert.AreEqual(1.0, MeanMagnitude(r), 0.1, "m/s² became g");
            Assert.AreEqual("FrontPocket", r.Info.Placement);
        }

        [TestMethod]
        public void OxfordValidationFilesHaveAPositiveTruthAndThePublishedAlgorithmBesideIt()
        {
            var folder = Path.Combine(Folder("oxford-stepcounter"), "validation");
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv") : new string[0];
            if (files.Length == 0)
            {
                Assert.Inconclusive("no validation files in " + folder);
            }
            foreach (var file in files)
            {
                var r = OxfordReader.ReadValidation(file, Path.GetFileName(file));
                Assert.IsTrue(r.Info.TrueSteps > 100 && r.Info.TrueSteps < 2 * r.DurationS * 2, $"{file}: {r.Info.TrueSteps} steps in {r.DurationS:0} s");
                Assert.IsTrue(r.Info.PeerSteps.ContainsKey(OxfordReader.PeerAlgorithm), file);
                Assert.AreEqual(100.0, r.MeanRateHz, 10.0, file);
            }
        }

        [TestMethod]
        public void BangleFilesAreWristRecordingsAt12HzWithTheirNamedTruth()
        {
            var folder = Folder("banglejs-stepcount");
            var expected = new Dictionary<string, int>
            {
                ["HughB-walk-1834.csv"] = 1834, ["HughB-static-0.csv"] = 0, ["HughB-nosteps1.csv"] = 0, ["HughB-drive-a3-b136.csv"] = 3,
            };
            foreach (var pair in expected)
            {
                var path = Path.Combine(folder, pair.Key);
                if (!File.Exists(path))
                {
                    continue;
                }
                var r = BangleReader.Read(path, pair.Key);
                Assert.AreEqual(pair.Value, r.Info.TrueSteps, pair.Key);
                Assert.AreEqual(12.5, r.MeanRateHz, 0.5, pair.Key);
                // 8192 counts per g: about 1 g on average (arm swing adds a little while walking).
                Assert.IsTrue(MeanMagnitude(r) > 0.9 && MeanMagnitude(r) < 1.3, $"{pair.Key}: mean {MeanMagnitude(r):0.00} g");
            }
        }

        [TestMethod]
        public void EvalReadsEveryRealRecordingWithoutProblems()
        {
            var root = SharedPaths.DatasetsRoot;
            var report = RealDatasets.Report(SisFallReader.DatasetName, OxfordReader.DatasetName, BangleReader.DatasetName);

            Assert.IsEmpty(report.Problems, string.Join("; ", report.Problems));
            var trials = Directory.GetFiles(Path.Combine(root, "sisfall"), "*.txt", SearchOption.AllDirectories)
                .Select(Path.GetFileName).Where(SisFallReader.IsTrialFileName).ToList();
            var walks = trials.Count(t => SisFallReader.IsWalkOrJog(t.Substring(0, 3)));
            var sisfall = report.Results.Where(r => r.Info.Dataset == SisFallReader.DatasetName).ToList();
            Assert.HasCount(trials.Count + walks, sisfall, "every trial, plus a reversed copy of each D01-D04");
            Assert.HasCount(walks, sisfall.Where(r => r.Info.Reversed));
            Assert.IsTrue(sisfall.Where(r => r.Info.FallExpected == true).All(r => r.Info.ImpactMs > 0), "every fall has an impact time");
            Assert.IsTrue(sisfall.Where(r => r.Info.FallExpected == true).All(r => r.Info.FirstImpactMs > 0 && r.Info.FirstImpactMs <= r.Info.ImpactMs),
                "every fall's first contact is at or before its impact");

            var oxford = report.Results.Where(r => r.Info.Dataset == OxfordReader.DatasetName).ToList();
            var oxfordFolders = Directory.GetDirectories(Path.Combine(root, "oxford-stepcounter", "optimisation", "data")).Length
                + Directory.GetFiles(Path.Combine(root, "oxford-stepcounter", "validation"), "*.csv").Length;
            Assert.HasCount(oxfordFolders, oxford);
            Assert.IsTrue(oxford.All(r => r.Info.TrueSteps > 0 && r.Info.Placement != null), "every Oxford recording has a truth and a placement");
            Assert.HasCount(Directory.GetFiles(Path.Combine(root, "banglejs-stepcount"), "*.csv").Length,
                report.Results.Where(r => r.Info.Dataset == BangleReader.DatasetName));
            Console.WriteLine($"{report.Results.Count} runs (the shared evaluation took {report.Elapsed.TotalSeconds:0.0} s)");
        }
    }
}
