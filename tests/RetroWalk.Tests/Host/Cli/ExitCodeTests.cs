using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Cli;
using RetroWalk.Cli.Eval;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Cli
{
    /// <summary>
    /// Exit codes and error output of `simulate` and `eval` (issue 11): a missing, malformed or hostile recording is a
    /// one-line error naming file and line, at most 60 characters of the field, control characters escaped, never a
    /// stack trace; `simulate --json` carries the documented keys.
    /// </summary>
    [TestClass]
    public class ExitCodeTests
    {
        private static string TempDir()
        {
            var dir = Path.Combine(Path.GetTempPath(), $"retrowalk-exit-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            return dir;
        }

        private const string Header = "# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\n";

        private static string WriteGood(string dir, string name)
        {
            var config = new TrackerConfig();
            var path = Path.Combine(dir, name);
            RetroWalkCsv.Write(path, RetroWalkCsvHeader.For(config, trueSteps: 20), SessionSynthesizer.Plan("short", config.Sensor, 1).Samples().Take(3000));
            return path;
        }

        [TestMethod]
        public void SimulateOnAMissingOrMalformedRecordingIsOneLineAndExit1()
        {
            var dir = TempDir();
            try
            {
                var hostile = Path.Combine(dir, "hostile.csv");
                File.WriteAllText(hostile, Header + "4096,0,0,0,0,0\n1,2,\u0001\u001b[31m" + new string('9', 5000) + ",4,5,6\n");
                var binary = Path.Combine(dir, "binary.csv");
                File.WriteAllBytes(binary, Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 256)).ToArray());
                var missing = Path.Combine(dir, "missing.csv");
                foreach (var path in new[] { hostile, binary, missing, dir })
                {
                    var run = CliRun.Of("simulate", "--recording", path);
                    Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.Error);
                    Assert.IsFalse(run.HasStackTrace, run.Error);
                    var lines = run.Error.TrimEnd().Split('\n');
                    Assert.AreEqual(1, lines.Length, run.Error);
                    StringAssert.StartsWith(lines[0], "error: " + path);
                    Assert.IsFalse(lines[0].Any(c => char.IsControl(c)), "control characters reach the terminal");
                    Assert.IsTrue(lines[0].Length < path.Length + 400, "the message echoes the whole field: " + lines[0]);
                }
                var hostileRun = CliRun.Of("simulate", "--recording", hostile);
                StringAssert.Contains(hostileRun.Error, hostile + ":6:");
                StringAssert.Contains(hostileRun.Error, "\\u001B[31m");
                StringAssert.Contains(hostileRun.Error, "(first 60 of 5006 characters)");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void ALineLongerThanTheCapIsReportedWithoutReadingItWhole()
        {
            var dir = TempDir();
            try
            {
                var path = Path.Combine(dir, "long.csv");
                File.WriteAllText(path, Header + "4096,0,0,0,0,0\n" + new string('7', TextRecord.MaxLineChars * 3) + "\n");
                var run = CliRun.Of("simulate", "--recording", path);
                Assert.AreEqual(ExitCodes.Failed, run.ExitCode);
                StringAssert.Contains(run.Error, path + ":6: line longer than");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void SimulateExitCodesAndJsonKeys()
        {
            var dir = TempDir();
            try
            {
                var json = Path.Combine(dir, "session.json");
                var run = CliRun.Of("simulate", "--scenario", "short", "--events", "power-cut", "--json", json);
                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
                StringAssert.Contains(run.Output, "final counts:");
                using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
                {
                    var root = doc.RootElement;
                    foreach (var key in new[] { "input", "events_injected", "sample_rate_hz", "samples", "events", "final", "ground_truth" })
                    {
                        Assert.IsTrue(root.TryGetProperty(key, out _), key);
                    }
                    var kinds = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToHashSet();
                    foreach (var kind in new[] { "boot", "notification", "advertisement", "save", "fault", "event" })
                    {
                        Assert.IsTrue(kinds.Contains(kind), "no " + kind + " event");
                    }
                    var times = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("time_ms").GetInt64()).ToList();
                    Assert.IsTrue(times.Zip(times.Skip(1), (a, b) => b >= a - 1000).All(x => x), "events roughly in time order");
                    var final = root.GetProperty("final");
                    Assert.IsTrue(run.Output.Contains($"forward {final.GetProperty("forward_steps").GetInt64()}, backward {final.GetProperty("backward_steps").GetInt64()}"));
                    Assert.IsTrue(root.GetProperty("ground_truth").GetProperty("forward_steps").GetInt32() > 0);
                    Assert.AreEqual(root.GetProperty("ground_truth").GetProperty("step_times_ms").GetArrayLength(),
                        root.GetProperty("ground_truth").GetProperty("forward_steps").GetInt32() + root.GetProperty("ground_truth").GetProperty("backward_steps").GetInt32());
                }

                Assert.AreEqual(ExitCodes.Usage, CliRun.Of("simulate", "--scenario", "no-such").ExitCode);
                Assert.AreEqual(ExitCodes.Usage, CliRun.Of("simulate", "--events", "meteor").ExitCode);
                Assert.AreEqual(ExitCodes.Usage, CliRun.Of("no-such-command").ExitCode);
                var unwritable = CliRun.Of("simulate", "--scenario", "short", "--json", Path.Combine(json, "x.json"));
                Assert.AreEqual(ExitCodes.Failed, unwritable.ExitCode);
                Assert.IsFalse(unwritable.HasStackTrace);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void EvalExitCodes()
        {
            var dir = TempDir();
            try
            {
                var good = Path.Combine(dir, "good");
                Directory.CreateDirectory(good);
                var goodFile = WriteGood(good, "a.csv");
                Assert.AreEqual(ExitCodes.Ok, EvalCommand.Run(good, null, true));

                var mixed = Path.Combine(dir, "mixed");
                Directory.CreateDirectory(mixed);
                WriteGood(mixed, "a.csv");
                File.WriteAllText(Path.Combine(mixed, "b.csv"), Header + "1,2,3\n");
                Assert.AreEqual(ExitCodes.Partial, EvalCommand.Run(mixed, null, true));

                var bad = Path.Combine(dir, "bad");
                Directory.CreateDirectory(bad);
                File.WriteAllText(Path.Combine(bad, "b.csv"), Header + "x\n");
                Assert.AreEqual(ExitCodes.Failed, EvalCommand.Run(bad, null, true));
                Assert.AreEqual(ExitCodes.Failed, EvalCommand.Run(Path.Combine(dir, "nowhere"), null, true));
                Assert.AreEqual(ExitCodes.Failed, EvalCommand.Run(good, new FileInfo(Path.Combine(goodFile, "r.json")), true));

                var plots = Path.Combine(dir, "plots");
                Assert.AreEqual(ExitCodes.Ok, EvalCommand.Run(good, null, true, plots, 0));
                Assert.AreEqual(1, Directory.GetFiles(plots, "*.png").Length, "threshold 0 plots every recording with a truth");
                var none = Path.Combine(dir, "none");
                Assert.AreEqual(ExitCodes.Ok, EvalCommand.Run(good, null, true, none, 1e9));
                Assert.AreEqual(0, Directory.GetFiles(none, "*.png").Length);

                var results = Path.Combine(dir, "results.json");
                Assert.AreEqual(ExitCodes.Ok, EvalCommand.Run(good, new FileInfo(results), true, bySubject: true));
                var csv = Path.Combine(dir, "results.by-subject.csv");
                Assert.IsTrue(File.Exists(csv), "--by-subject writes its table beside the JSON");
                StringAssert.StartsWith(File.ReadAllText(csv), "dataset,subject,age,");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
