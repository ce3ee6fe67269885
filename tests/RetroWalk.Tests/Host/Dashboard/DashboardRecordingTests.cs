using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Dashboard;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Dashboard
{
    /// <summary>Recording mode on the companion page: labelled raw samples downloaded as a CSV that eval reads, lost notifications as gaps.</summary>
    [TestClass]
    public sealed class DashboardRecordingTests : DashboardBrowserBase
    {
        private static async Task<long> DeviceMs(Session s) => (long)(await s.State())["monotonicMs"];

        /// <summary>
        /// The device's clock in the first state read that shows its recording <paramref name="on"/> (or off), read as
        /// closely as the bridge answers: the page's status line lags the device, by seconds of device time on a loaded
        /// machine, so the span of a recording is measured on the device.
        /// </summary>
        private static async Task<long> DeviceMsOnceRecording(Session s, bool on)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var state = await s.State();
                if ((bool)((JsonObject)state["recording"])["on"] == on)
                {
                    return (long)state["monotonicMs"];
                }

                if (watch.ElapsedMilliseconds > WaitMs)
                {
                    Assert.Fail($"timed out after {WaitMs / 1000} s waiting for the device's recording to be {(on ? "on" : "off")}");
                }

                await Task.Delay(5);
            }
        }

        /// <summary>Samples the page's recording holds now (the status line is updated at most 5 times a second).</summary>
        private static Task<int> RecordedSamples(Session s) => s.Page.EvaluateAsync<int>("() => window.retrowalk.recording?.sampleCount ?? 0");

        private static async Task<string> DownloadRecording(Session s)
        {
            await Expect(s, s.Page.Locator("#download-recording:enabled"), "the download button once the recording stopped");
            IDownload download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.ClickAsync("#download-recording"));
            string path = Path.Combine(Path.GetTempPath(), "retrowalk-recording-" + Guid.NewGuid().ToString("N") + ".csv");
            await download.SaveAsAsync(path);
            StringAssert.EndsWith(download.SuggestedFilename, ".csv");
            return path;
        }

        [TestMethod]
        public async Task TenSecondsRecordedWithLabelsDownloadAsACsvThatEvalReadsPerSegment()
        {
            // backward-walk: stand 5 s, walk backward 60 s. The wearer taps Standing at once, Walking backward a second
            // after the walk began (device time), and stops once 10 s are recorded with 8 s of the walk in them.
            await using var s = await Open("backward-walk", 3);
            long beforeStartMs = await DeviceMs(s);
            await s.Page.ClickAsync("#record");
            long startMs = await DeviceMsOnceRecording(s, true);
            await Expect(s, s.Page.Locator("#record-status[data-state=recording]"), "the page to say it is recording");
            await s.Page.ClickAsync("button[data-label=standing]");
            Assert.AreEqual("true", await s.Page.GetAttributeAsync("button[data-label=standing]", "aria-pressed"));
            await Poll(() => DeviceMs(s), ms => ms >= 6000, "the emulated walk to be a second under way");
            int beforeTap = await RecordedSamples(s);
            await s.Page.ClickAsync("button[data-label=walking_backward]");
            int walkFrom = await RecordedSamples(s);
            await Poll(() => RecordedSamples(s), n => n >= Math.Max(1000, walkFrom + 800), "10 s recorded, 8 s of them walking", 30000);
            await s.Page.FillAsync("#true-steps", "17");
            long beforeStopMs = await DeviceMs(s);
            await s.Page.ClickAsync("#record");
            long stopMs = await DeviceMsOnceRecording(s, false);
            await Expect(s, s.Page.Locator("#record-status[data-state=stopped]"), "the recording to stop");
            var device = (JsonObject)(await s.State())["recording"];
            Assert.IsFalse((bool)device["on"], "Stop reached the device");

            string path = await DownloadRecording(s);
            try
            {
                RetroWalkCsvFile file = RetroWalkCsv.ReadRaw(path);
                Assert.AreEqual(100, file.Header.RateHz);
                Assert.AreEqual(17, file.Header.TrueSteps);
                CollectionAssert.AreEqual(new[] { "standing", "walking_backward" }, file.Labels.Select(l => l.Name).ToArray());
                Assert.IsTrue(file.Labels[0].StartSample < file.Labels[1].StartSample, "Standing, then Walking backward");
                Assert.IsTrue(file.Labels[1].StartSample >= beforeTap && file.Labels[1].StartSample <= walkFrom,
                    $"Walking backward at sample {file.Labels[1].StartSample}, tapped between samples {beforeTap} and {walkFrom}");
                Assert.AreEqual(0, file.Gaps.Count, "nothing was lost: the sequence is contiguous");
                Assert.AreEqual((long)device["samplesPacked"], file.Samples.Length, "every sample the device packed is in the file");
                Assert.AreEqual(0, (int)device["packetsLost"]);
                // The recording began between the click and the poll that saw it on, and ended between the stop click and
                // the poll that saw it off (a loaded machine polls late): at 100 Hz its samples lie within those bounds.
                double shortestS = (beforeStopMs - startMs) / 1000.0, longestS = (stopMs - beforeStartMs) / 1000.0;
                Assert.IsTrue(file.Samples.Length >= 1000 && file.Samples.Length >= shortestS * 98 - 30 && file.Samples.Length <= longestS * 102 + 30,
                    $"{file.Samples.Length} samples, recorded for {shortestS:0.0}-{longestS:0.0} s of device time at 100 Hz");

                string json = Path.ChangeExtension(path, ".json");
                var run = RetroWalk.Tests.Host.Cli.CliRun.Of("eval", path, "--json", json);
                Assert.AreEqual(0, run.ExitCode, run.Error);
                var entry = JsonNode.Parse(File.ReadAllText(json))["recordings"][0];
                Assert.AreEqual(file.Samples.Length, (int)entry["device_samples"], "eval replays every recorded sample");
                var segments = entry["segments"].AsArray();
                Assert.AreEqual(2, segments.Count);
                var walking = segments[1];
                Assert.AreEqual("walking_backward", (string)walking["label"]);
                Assert.AreEqual("backward", (string)walking["found_direction"], walking.ToJsonString());
                Assert.IsTrue((int)walking["backward_steps"] > 0 && (bool)walking["agrees"], walking.ToJsonString());
                File.Delete(json);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public async Task LostNotificationsAreRecordedAsGapsAndADropStopsTheRecording()
        {
            await using var s = await Open("retro-session", 3);
            await s.Page.ClickAsync("#record");
            await Expect(s, s.Page.Locator("#record-status[data-state=recording]"), "the page to say it is recording");
            await s.Page.ClickAsync("button[data-label=walking_forward]");
            await Poll(() => RecordedSamples(s), n => n >= 100, "a second recorded");
            await Http.PostAsync(s.Server.Url + "emulator/lose-raw-packets?count=7", null);
            await Poll(async () => int.Parse(await s.Page.GetAttributeAsync("#record-status", "data-missing")), n => n == 7,
                "the page to count the 7 samples of the lost notifications");
            int before = await RecordedSamples(s);
            await Poll(() => RecordedSamples(s), n => n >= before + 100, "another second recorded");

            // The link drops: the device stops recording by itself, and the page keeps what arrived.
            await Http.PostAsync(s.Server.Url + "emulator/drop", null);
            await Expect(s, s.Page.Locator("#record-status[data-state=interrupted]"), "the page to say the recording was cut short");
            await Poll(async () => (bool)((JsonObject)(await s.State())["recording"])["on"], on => !on, "the device to stop recording when the link dropped");
            var device = (JsonObject)(await s.State())["recording"];
            string path = await DownloadRecording(s);
            try
            {
                RetroWalkCsvFile file = RetroWalkCsv.ReadRaw(path);
                Assert.AreEqual(1, file.Gaps.Count, "one gap: " + string.Join(", ", file.Gaps));
                Assert.AreEqual(7, file.Gaps[0].MissingSamples, "seven one-sample notifications lost at the default MTU");
                Assert.IsTrue(file.Gaps[0].AtSample >= 100, "the gap is where the loss was");
                int lost = (int)device["packetsLost"];
                Assert.IsTrue(lost == 7 || lost == 8, $"{lost} packets lost: the 7, and the End packet if it came after the drop (nobody to send it to)");
                Assert.IsTrue(file.Samples.Length + 7 <= (long)device["samplesPacked"], "nothing is invented: the file holds at most what the device sent");
                CollectionAssert.AreEqual(new[] { "walking_forward" }, file.Labels.Select(l => l.Name).ToArray());
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
