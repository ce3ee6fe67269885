using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Paths;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>The ipol-gait reader on the real set in ../shared/datasets/ipol-gait; inconclusive (with the reason) where it is absent.</summary>
    [TestClass]
    public class RealIpolGaitTests
    {
        private static string Folder()
        {
            var missing = SharedPaths.DatasetsMissingReason(IpolGaitReader.DatasetName);
            if (missing != null)
            {
                Assert.Inconclusive(missing);
            }
            return Path.Combine(SharedPaths.DatasetsRoot, IpolGaitReader.DatasetName);
        }

        private static List<Recording> ReadAll()
        {
            var files = Directory.GetFiles(Folder(), "*" + IpolGaitReader.TrunkSuffix, SearchOption.AllDirectories)
                .Where(f => IpolGaitReader.IsTrialFileName(Path.GetFileName(f)))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.IsNotEmpty(files, "no <subject>-<trial>_lb.txt in " + Folder());
            return files.Select(f => IpolGaitReader.Read(f, Path.GetFileName(f))).ToList();
        }

        [TestMethod]
        public void EveryTrialReadsWithItsFootstepsSubjectAndAge()
        {
            var trials = ReadAll();
            Assert.HasCount(60, trials, "the datasets README: 60 trials");
            Assert.AreEqual(2112, trials.Sum(r => r.Info.TrueSteps.Value), "the datasets README: 2112 footsteps");
            Assert.HasCount(10, trials.Select(r => r.Info.Subject).Distinct());
            Assert.AreEqual(25, trials.Min(r => r.Info.SubjectAge.Value));
            Assert.AreEqual(79, trials.Max(r => r.Info.SubjectAge.Value));
            foreach (var r in trials)
            {
                var times = r.Info.StepTimesS;
                Assert.HasCount(r.Info.TrueSteps.Value, times, r.Info.File);
                Assert.IsTrue(times.Zip(times.Skip(1), (a, b) => b >= a).All(x => x), "ascending: " + r.Info.File);
                Assert.IsTrue(times[0] > 0 && times[times.Count - 1] <= r.DurationS, $"{r.Info.File}: footsteps inside the recording");
                var standing = r.Samples.Take(30).ToList();
                var still = new MotionSample(0, standing.Average(s => s.Ax), standing.Average(s => s.Ay), standing.Average(s => s.Az), 0, 0, 0);
                Assert.AreEqual(1.0, still.AccelMagnitudeG, 0.1, "m/s² became g (standing reads 1 g, within the sensor's calibration): " + r.Info.File);
                Assert.IsTrue(still.Ax > 0.8, "device X points up while standing: " + r.Info.File);
                Assert.IsTrue(r.Info.TurnsS.Single().StartS > r.Info.WalkS.Value.StartS, r.Info.File);
            }
        }

        /// <summary>
        /// Evidence for <see cref="IpolGaitReader.ToDevice"/>'s forward axis, independent of the tracker: from the standing
        /// posture before the walk (gravity and gyro bias), the sensor's orientation is tracked with its gyroscope through
        /// gait initiation, gravity is removed, and the acceleration is integrated into a velocity for 1.8 s (from 0.3 s
        /// before the first marked sample of the walk). All walking in the set is forward, so the velocity along the
        /// horizontal part of device +Z (forward) must be positive: in a clear majority of trials and for every subject by
        /// its median.
        /// </summary>
        [TestMethod]
        public void ForwardIsDevicePlusZByTheVelocityOfGaitInitiation()
        {
            var velocities = new List<(string Subject, double Mps)>();
            foreach (var r in ReadAll())
            {
                var v = InitiationVelocityMps(r);
                Console.WriteLine($"{r.Info.File}: {v:+0.00;-0.00} m/s forward after 1.5 s of walking");
                velocities.Add((r.Info.Subject, v));
            }
            Assert.IsGreaterThanOrEqualTo(0.9 * velocities.Count, (double)velocities.Count(v => v.Mps > 0), "forward velocity at gait initiation");
            foreach (var subject in velocities.GroupBy(v => v.Subject))
            {
                var sorted = subject.Select(v => v.Mps).OrderBy(x => x).ToList();
                Assert.IsGreaterThan(0.0, sorted[sorted.Count / 2], "median for subject " + subject.Key);
            }
        }

        private static double InitiationVelocityMps(Recording r)
        {
            var walkStart = r.Info.WalkS.Value.StartS;
            var still = r.Samples.Where(s => s.TimeS < Math.Max(walkStart - 0.2, 0.3)).ToList();
            var gravity = new Vec3(still.Average(s => s.Ax), still.Average(s => s.Ay), still.Average(s => s.Az));
            var bias = new Vec3(still.Average(s => s.Gx), still.Average(s => s.Gy), still.Average(s => s.Gz));
            var forward = new Vec3(-gravity.Z * gravity.X, -gravity.Z * gravity.Y, gravity.X * gravity.X + gravity.Y * gravity.Y);
            forward = new Vec3(forward.X / forward.Length, forward.Y / forward.Length, forward.Z / forward.Length); // +Z less its vertical part
            var attitude = Rotation.Identity; // device → the standing posture's frame
            var velocity = Vec3.Zero;
            MotionSample? previous = null;
            foreach (var s in r.Samples.Where(s => s.TimeS >= walkStart - 0.3 && s.TimeS < walkStart + 1.5))
            {
                var dt = previous is { } p ? s.TimeS - p.TimeS : 0.01;
                previous = s;
                var rate = (Math.PI / 180) * dt * (new Vec3(s.Gx, s.Gy, s.Gz) - bias);
                attitude = attitude * Rotation.AboutX(rate.X) * Rotation.AboutY(rate.Y) * Rotation.AboutZ(rate.Z);
                var a = attitude * new Vec3(s.Ax, s.Ay, s.Az) - gravity;
                velocity = velocity + IpolGaitReader.StandardGravity * dt * a;
            }
            return velocity.X * forward.X + velocity.Y * forward.Y + velocity.Z * forward.Z;
        }

        [TestMethod]
        public void EvalRunsEveryTrialAndItsReversedCopy()
        {
            var report = RealDatasets.Report(IpolGaitReader.DatasetName);
            Assert.IsEmpty(report.Problems, string.Join("; ", report.Problems));
            Assert.HasCount(120, report.Results);
            Assert.AreEqual(60, report.Summary.IpolGaitRecordings);
            Assert.AreEqual(60, report.Summary.IpolGaitReversedRecordings);
            Assert.AreEqual(0, report.Summary.IpolGaitWithFallAlarm, "walking is no fall");
            Console.WriteLine($"ipol-gait: mean |error| {report.Summary.IpolGaitMeanAbsErrorPct:0.0} %, worst {report.Summary.IpolGaitWorstAbsErrorPct:0.0} %, " +
                              $"forward {report.Summary.IpolGaitForwardPct:0.0} %, reversed backward {report.Summary.IpolGaitReversedBackwardPct:0.0} % " +
                              $"in {report.Elapsed.TotalSeconds:0.0} s");
        }

        /// <summary>
        /// Issue 9, gait initiation: without <see cref="RetroWalk.Core.Motion.StepTuning.InitiationPercent"/> a bout's first
        /// candidate was often the weight shift before the first step (26 of 60 trials counted a peak before the first
        /// marked footstep), and the walk out to the U-turn was over-counted by 24 steps of 908 pooled (2.6 %); with it,
        /// +10 (1.1 %). Counted when the marked turn begins (plus 0.3 s, the detector's lag behind a footstep) against
        /// the footsteps marked before it.
        /// </summary>
        [TestMethod]
        public void TheWalkToTheTurnCountsItsFirstStepsOnce()
        {
            int net = 0, truth = 0, offByMore = 0;
            foreach (var r in ReadAll())
            {
                var config = Evaluator.WithForwardAxis(new RetroWalk.Core.Config.TrackerConfig(), r.Info.ForwardAxis);
                var tracker = new RetroWalk.Core.Tracker(config);
                double atS = r.Info.TurnsS.Single().StartS + 0.3;
                uint counted = 0;
                foreach (var s in DeviceConverter.StreamRaw(r, config.Sensor))
                {
                    tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
                    if ((double)tracker.SampleIndex / config.Sensor.SampleRateHz >= atS)
                    {
                        counted = tracker.TotalSteps;
                        break;
                    }
                }
                int marked = r.Info.StepTimesS.Count(t => t < r.Info.TurnsS.Single().StartS);
                net += (int)counted - marked;
                truth += marked;
                if (Math.Abs((int)counted - marked) > 1)
                {
                    offByMore++;
                }
            }
            Console.WriteLine($"to the turn: counted - marked {net:+0;-0} of {truth}; {offByMore} trials off by more than one step");
            Assert.IsLessThanOrEqualTo(truth * 3 / 200, Math.Abs(net), $"pooled {net:+0;-0} of {truth}");
            Assert.IsLessThanOrEqualTo(3, offByMore);
        }

        [TestMethod]
        public void StartsTurnsAndStopsCountForEverySubject()
        {
            // Issue 9: the 6-step start gate dropped the steps before each confirmed run (13.6 % pooled, every subject
            // 9.9-17.9 %). With bouts every subject is under 11 % and the pooled mean under 7 %; the 2 % target is not met
            // (docs/detector.md says why), so this guards what was gained, per subject and in both directions.
            var report = RealDatasets.Report(IpolGaitReader.DatasetName);
            Assert.IsTrue(report.Summary.IpolGaitMeanAbsErrorPct < 7.0, $"pooled {report.Summary.IpolGaitMeanAbsErrorPct:0.00} %");
            foreach (var row in Evaluator.SubjectRows(report.Results))
            {
                Assert.IsTrue(row.MeanAbsStepErrorPct < 11.0, $"subject {row.Subject}: {row.MeanAbsStepErrorPct:0.00} %");
                Assert.IsTrue(row.ForwardPct >= 95.0, $"subject {row.Subject}: {row.ForwardPct:0.0} % forward");
            }
            Assert.IsTrue(report.Summary.IpolGaitForwardPct >= 99.0, $"forward {report.Summary.IpolGaitForwardPct:0.0} %");
            Assert.IsTrue(report.Summary.IpolGaitReversedBackwardPct >= 98.0, $"reversed backward {report.Summary.IpolGaitReversedBackwardPct:0.0} %");
        }
    }
}
