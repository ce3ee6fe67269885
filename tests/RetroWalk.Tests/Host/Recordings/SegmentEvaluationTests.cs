using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;
using RetroWalk.Tests.Host.Cli;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>
    /// `retrowalk eval` on a labelled recording reports, per segment, the steps and the direction the tracker found. The
    /// recording is synthesized (a forward walk, then a backward one) and labelled where its ground truth says each bout
    /// starts and ends, as a wearer tapping the buttons would.
    /// </summary>
    [TestClass]
    public class SegmentEvaluationTests
    {
        private static (RawSample[] Samples, List<RecordingLabel> Labels) LabelledWalks()
        {
            var sensor = new TrackerConfig().Sensor;
            var samples = new List<RawSample>();
            var labels = new List<RecordingLabel>();
            foreach (var scenario in new[] { "forward-walk", "backward-walk" })
            {
                var raw = Simulator.OpenInput(new SimulationOptions { Scenario = scenario, Seed = 3 }, sensor, out _, out var truth);
                var offset = samples.Count;
                labels.Add(new RecordingLabel(offset, RecordingLabel.Standing));
                foreach (var bout in truth.Bouts)
                {
                    labels.Add(new RecordingLabel(offset + bout.StartSample,
                        bout.Direction == WalkDirection.Backward ? RecordingLabel.WalkingBackward : RecordingLabel.WalkingForward));
                    labels.Add(new RecordingLabel(offset + bout.EndSample, RecordingLabel.Standing));
                }
                samples.AddRange(raw);
            }
            return (samples.ToArray(), labels);
        }

        [TestMethod]
        public void EachWalkingSegmentIsFoundInItsDirection()
        {
            var (samples, labels) = LabelledWalks();
            using var folder = new TempFolder();
            var path = Path.Combine(folder.Path, "walks.csv");
            RetroWalkCsv.Write(path, new RetroWalkCsvHeader(), samples, labels, new[] { new RecordingGap(labels[1].StartSample + 500, 40) });
            var result = Evaluator.Run(RetroWalkCsv.Read(path, "walks.csv"), new TrackerConfig());
            var segments = result.Segments;
            Assert.HasCount(6, segments, "standing, forward, standing, standing, backward, standing");
            var forward = segments.Single(s => s.Label == RecordingLabel.WalkingForward);
            var backward = segments.Single(s => s.Label == RecordingLabel.WalkingBackward);
            Assert.AreEqual("forward", forward.FoundDirection, $"{forward}");
            Assert.AreEqual("backward", backward.FoundDirection, $"{backward}");
            Assert.IsTrue(forward.Agrees == true && backward.Agrees == true);
            Assert.IsTrue(forward.ForwardSteps > 60 && backward.BackwardSteps > 60, $"a minute's walk each: {forward}, {backward}");
            Assert.AreEqual(40, forward.MissingSamples, "the gap is reported in the segment it fell in");
            Assert.AreEqual(result.CountedSteps, segments.Sum(s => s.ForwardSteps + s.BackwardSteps) + 0,
                "every step is credited in some segment (the recording starts with a label)");
            Assert.IsTrue(segments.Where(s => s.Label == RecordingLabel.Standing).All(s => s.ForwardSteps + s.BackwardSteps <= 4),
                "standing segments get at most a few late-credited steps: " + string.Join("; ", segments));
        }

        [TestMethod]
        public void TheEvalCommandWritesTheSegments()
        {
            var (samples, labels) = LabelledWalks();
            using var folder = new TempFolder();
            var path = Path.Combine(folder.Path, "walks.csv");
            RetroWalkCsv.Write(path, new RetroWalkCsvHeader(), samples, labels);
            var json = Path.Combine(folder.Path, "eval.json");
            var run = CliRun.Of("eval", path, "--json", json);
            Assert.AreEqual(0, run.ExitCode, run.Error);
            var entry = JsonNode.Parse(File.ReadAllText(json))["recordings"][0];
            var segments = entry["segments"].AsArray();
            Assert.HasCount(6, segments);
            var backward = segments.Single(s => (string)s["label"] == "walking_backward");
            Assert.AreEqual("backward", (string)backward["found_direction"]);
            Assert.AreEqual("backward", (string)backward["expected_direction"]);
            Assert.IsTrue((bool)backward["agrees"]);
        }
    }
}
