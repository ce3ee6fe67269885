using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Cli;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;
using RetroWalk.Tests.Host.Recordings;

namespace RetroWalk.Tests.Host.Cli
{
    /// <summary>
    /// `retrowalk eval` and `simulate` as a separate process (issue 11): exit codes, errors on stderr naming file and
    /// line, results alone on stdout, never a stack trace.
    /// </summary>
    [TestClass]
    public class CliProcessTests
    {
        private sealed record Run(int ExitCode, string Output, string Error)
        {
            public bool HasStackTrace => (Output + Error).Contains("   at ") || Error.Contains("Unhandled exception");
        }

        private static Run Tool(params string[] args)
        {
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "retrowalk.dll"));
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Run(process.ExitCode, output, error.Result);
        }

        private const string Header = "# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\n";

        private static string WriteGood(TempFolder folder, string name)
        {
            var config = new TrackerConfig();
            var path = Path.Combine(folder.Path, name);
            RetroWalkCsv.Write(path, RetroWalkCsvHeader.For(config, trueSteps: 20), SessionSynthesizer.Plan("short", config.Sensor, 1).Samples().Take(3000));
            return path;
        }

        [TestMethod]
        public void EvalExitCodesAndStreams()
        {
            using var folder = new TempFolder();
            var good = WriteGood(folder, "good.csv");
            var ok = Tool("eval", good, "--summary-only");
            Assert.AreEqual(ExitCodes.Ok, ok.ExitCode, ok.Error);
            StringAssert.Contains(ok.Output, "Recordings evaluated");
            Assert.IsFalse(ok.Error.Contains("error"), ok.Error);

            var bad = folder.Write("bad/b.csv", Header + "4096,0,0,0,0,0\n1,2,\u001b[31mx,4,5,6\n");
            var failed = Tool("eval", bad);
            Assert.AreEqual(ExitCodes.Failed, failed.ExitCode);
            Assert.IsFalse(failed.HasStackTrace, failed.Error);
            StringAssert.Contains(failed.Error, "b.csv:6: field 3 is not a number: '\\u001B[31mx'");
            Assert.IsFalse(failed.Output.Contains("b.csv:6"), "errors go to stderr, not stdout");
            Assert.IsFalse(failed.Error.Contains('\u001b'), "the field's escape reaches the terminal (stderr is no terminal here, so no colour codes)");

            WriteGood(folder, "bad/a.csv");
            var partial = Tool("eval", Path.Combine(folder.Path, "bad"), "--summary-only");
            Assert.AreEqual(ExitCodes.Partial, partial.ExitCode, partial.Error);
            StringAssert.Contains(partial.Error, "b.csv:6:");

            var missing = Tool("eval", Path.Combine(folder.Path, "nowhere"));
            Assert.AreEqual(ExitCodes.Failed, missing.ExitCode);
            StringAssert.Contains(missing.Error, "folder not found");
            Assert.AreEqual(ExitCodes.Usage, Tool("eval", good, "--no-such-option").ExitCode);
        }

        [TestMethod]
        public void SimulateExitCodesAndStreams()
        {
            using var folder = new TempFolder();
            var good = WriteGood(folder, "good.csv");
            var ok = Tool("simulate", "--recording", good);
            Assert.AreEqual(ExitCodes.Ok, ok.ExitCode, ok.Error);
            StringAssert.Contains(ok.Output, "final counts:");
            Assert.IsFalse(ok.Error.Contains("error"), ok.Error);

            var bad = folder.Write("bad.csv", Header + "4096,0,0,0,0,0\n" + new string('7', TextRecord.MaxLineChars + 10) + "\n");
            var failed = Tool("simulate", "--recording", bad);
            Assert.AreEqual(ExitCodes.Failed, failed.ExitCode);
            Assert.IsFalse(failed.HasStackTrace, failed.Error);
            StringAssert.StartsWith(failed.Error, "error: " + bad + ":6: line longer than");
            Assert.AreEqual("", failed.Output.Trim(), "nothing on stdout when the input cannot be read");

            var missing = Tool("simulate", "--recording", Path.Combine(folder.Path, "missing.csv"));
            Assert.AreEqual(ExitCodes.Failed, missing.ExitCode);
            StringAssert.Contains(missing.Error, "missing.csv: file not found");
            Assert.AreEqual(ExitCodes.Usage, Tool("simulate", "--events", "meteor").ExitCode);
        }
    }
}
