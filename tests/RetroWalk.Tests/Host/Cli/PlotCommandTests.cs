using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Cli;
using RetroWalk.Cli.Plot;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Cli
{
    /// <summary>
    /// `retrowalk plot`: the plot model holds one mark per step the tracker credited, by direction, one per true step,
    /// and the PNG written has the requested size. Marks are counted from the ScottPlot model built, not from pixels.
    /// </summary>
    [TestClass]
    public class PlotCommandTests
    {
        private static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"retrowalk-plot-{Guid.NewGuid():N}-{name}");

        /// <summary>Width and height from a PNG's IHDR chunk, after checking the 8-byte signature.</summary>
        private static (int Width, int Height) PngSize(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var signature = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
            Assert.IsTrue(bytes.Length > 24 && bytes.Take(8).SequenceEqual(signature), "not a PNG");
            Assert.AreEqual("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            int Be(int at) => bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
            return (Be(16), Be(20));
        }

        [TestMethod]
        public void MarksMatchTheTrackerAndTheTruthAndThePngHasTheRequestedSize()
        {
            var config = new TrackerConfig();
            var plan = SessionCache.Get("short", config.Sensor, 3);
            var samples = plan.Samples;
            var tracker = new RetroWalk.Core.Tracker(config);
            foreach (var s in samples)
            {
                tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            }
            Assert.IsTrue(tracker.ForwardSteps > 0 && tracker.BackwardSteps > 0, "the scenario walks both ways");

            var truth = plan.Truth.Steps.Select(t => plan.Truth.SecondsAt(t.Sample)).ToList();
            var trace = TraceBuilder.Build("short", samples, config, truth);
            var plot = TracePlot.Build(trace);
            Assert.AreEqual((int)tracker.ForwardSteps, TracePlot.CountMarks(plot, TracePlot.ForwardLabel));
            Assert.AreEqual((int)tracker.BackwardSteps, TracePlot.CountMarks(plot, TracePlot.BackwardLabel));
            Assert.AreEqual(plan.Truth.Steps.Count, TracePlot.CountMarks(plot, TracePlot.TrueLabel));

            var png = TempFile("short.png");
            try
            {
                TracePlot.Save(trace, png, 900, 420);
                Assert.AreEqual((900, 420), PngSize(png));
            }
            finally
            {
                File.Delete(png);
            }
        }

        [TestMethod]
        public void AWindowKeepsOnlyTheMarksInsideIt()
        {
            var config = new TrackerConfig();
            var samples = SessionCache.Get("short", config.Sensor, 3).Samples;
            var trace = TraceBuilder.Build("short", samples, config);
            double middle = trace.TimeS[^1] / 2;
            var window = trace.Window(middle, null);
            Assert.AreEqual(trace.Steps.Count(s => s.TimeS >= middle), window.Steps.Count);
            Assert.IsTrue(window.TimeS.All(t => t >= middle));
            var plot = TracePlot.Build(window);
            Assert.AreEqual(window.Steps.Count(s => s.Direction == WalkDirection.Forward), TracePlot.CountMarks(plot, TracePlot.ForwardLabel));
        }

        [TestMethod]
        public void PlotCommandWritesAPngOfARecordingAndFailsCleanly()
        {
            var config = new TrackerConfig();
            var samples = SessionCache.Get("backward-walk", config.Sensor, 2).Samples;
            var csv = TempFile("walk.csv");
            var png = TempFile("walk.png");
            try
            {
                RetroWalkCsv.Write(csv, RetroWalkCsvHeader.For(config), samples);
                var run = CliRun.Of("plot", csv, "-o", png, "--width", "640", "--height", "300", "--from", "2");
                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
                Assert.AreEqual((640, 300), PngSize(png));
                StringAssert.Contains(run.Output, "detected steps");

                var missing = CliRun.Of("plot", csv + ".missing", "-o", png);
                Assert.AreEqual(ExitCodes.Failed, missing.ExitCode);
                StringAssert.Contains(missing.Error, "file not found");
                var unwritable = CliRun.Of("plot", csv, "-o", Path.Combine(csv, "x.png"));
                Assert.AreEqual(ExitCodes.Failed, unwritable.ExitCode);
                var noOutput = CliRun.Of("plot", csv);
                Assert.AreEqual(ExitCodes.Usage, noOutput.ExitCode);
                var backwards = CliRun.Of("plot", csv, "-o", png, "--from", "5", "--to", "1");
                Assert.AreEqual(ExitCodes.Usage, backwards.ExitCode);
                Assert.IsFalse(missing.HasStackTrace || unwritable.HasStackTrace || noOutput.HasStackTrace || backwards.HasStackTrace);
            }
            finally
            {
                File.Delete(csv);
                File.Delete(png);
            }
        }
    }
}
