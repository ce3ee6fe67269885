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
using RetroWalk.Core.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Dashboard;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Dashboard
{
    /// <summary>
    /// The companion page in a real browser (Debian's chromium, headless, driven by Playwright; Playwright downloads
    /// nothing) against `retrowalk dashboard --emulate`'s server: the firmware's device loop on the MPU-6050 emulator,
    /// run faster than real time, its GATT bridged to the page's Web Bluetooth adapter. What a test expects is checked
    /// on the device side too (/emulator/state), never only on the page. Every wait is bounded and says what it waited for.
    /// </summary>
    [TestClass]
    public sealed class DashboardBrowserTests
    {
        public const string ChromiumPath = "/usr/bin/chromium";
        private const float WaitMs = 20000;

        private static IPlaywright _playwright;
        private static IBrowser _browser;
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        private static string WebRoot => Path.Combine(DashboardContractTests.DashboardFolder, "web");

        [ClassInitialize]
        public static async Task StartBrowser(TestContext context)
        {
            if (!File.Exists(ChromiumPath))
            {
                Assert.Inconclusive(ChromiumPath + " is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it)");
            }

            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // A fresh temporary profile per launch is Playwright's default (no --user-data-dir given).
                Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
            });
        }

        [ClassCleanup]
        public static async Task StopBrowser()
        {
            if (_browser != null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
        }

        private sealed class Session : IAsyncDisposable
        {
            public DashboardServer Server;
            public IBrowserContext Context;
            public IPage Page;
            public readonly List<string> Console = new List<string>();

            public async Task<JsonObject> State()
            {
                string text = await Http.GetStringAsync(Server.Url + "emulator/state");
                return JsonNode.Parse(text).AsObject();
            }

            public async ValueTask DisposeAsync()
            {
                if (Context != null)
                {
                    await Context.CloseAsync();
                }

                Server.Dispose();
            }
        }

        private static async Task<Session> Open(string scenario, double speed, bool connect = true)
        {
            var s = new Session();
            s.Server = new DashboardServer(WebRoot, 0, scenario == null ? null : new EmulatedTracker(scenario, speed));
            s.Server.Start();
            s.Context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 1 });
            s.Page = await s.Context.NewPageAsync();
            s.Page.Console += (_, m) => s.Console.Add(m.Type + ": " + m.Text);
            s.Page.PageError += (_, e) => s.Console.Add("page error: " + e);
            await s.Page.GotoAsync(s.Server.Url);
            await Expect(s, s.Page.Locator("body[data-ready=true]"), "the page to load its modules");
            if (connect)
            {
                await s.Page.ClickAsync("#connect");
                await Expect(s, s.Page.Locator("#connection[data-state=connected]"), "the page to connect to the emulated tracker");
            }

            return s;
        }

        private static async Task Expect(Session s, ILocator locator, string what, float timeoutMs = WaitMs)
        {
            try
            {
                await locator.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = timeoutMs });
            }
            catch (TimeoutException)
            {
                string problem = await s.Page.Locator("#problem").TextContentAsync();
                string connection = await s.Page.Locator("#connection").TextContentAsync();
                Assert.Fail($"timed out after {timeoutMs / 1000} s waiting for {what}; connection '{connection}', problem '{problem}', console: {string.Join(" | ", s.Console)}");
            }
        }

        private static async Task<T> Poll<T>(Func<Task<T>> read, Func<T, bool> done, string what, int timeoutMs = 20000)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            T last = await read();
            while (!done(last))
            {
                if (watch.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.Fail($"timed out after {timeoutMs / 1000} s waiting for {what}; last seen {last}");
                }

                await Task.Delay(100);
                last = await read();
            }

            return last;
        }

        private static async Task<long> Shown(Session s, string id)
        {
            string v = await s.Page.GetAttributeAsync("#" + id, "data-value");
            return string.IsNullOrEmpty(v) ? -1 : long.Parse(v);
        }

        [TestMethod]
        public async Task ConnectsAndCountsRiseDuringRetroSession()
        {
            await using var s = await Open("retro-session", 20);
            long first = await Shown(s, "forward");
            Assert.IsTrue(first >= 0, "the page shows a forward count once connected");
            long later = await Poll(() => Shown(s, "forward"), v => v > first + 10, $"the forward count on the page to rise above {first + 10}");
            var state = await s.State();
            Assert.IsTrue((long)state["forwardSteps"] >= later, $"the page shows {later} forward steps, the device holds {state["forwardSteps"]}");
            // The backward intervals come after the 2.5 min warm-up (7.5 s at 20x).
            long backward = await Poll(() => Shown(s, "backward"), v => v > 5, "backward steps on the page during the backward interval", 30000);
            Assert.IsTrue((long)(await s.State())["backwardSteps"] >= backward);
            Assert.AreNotEqual("–", await s.Page.TextContentAsync("#intervals"), "the session figures are shown");
            // The battery level the device measured (polled: a measurement may land between the two reads).
            await Poll(async () => (await Shown(s, "battery"), (long)(int)(await s.State())["batteryPercent"]),
                v => v.Item1 >= 0 && v.Item1 <= 100 && v.Item1 == v.Item2, "the page's battery level to be the device's", 10000);
        }

        [TestMethod]
        public async Task FallBannerAppearsAndAcknowledgeClearsItOnTheDevice()
        {
            await using var s = await Open("fall-backward", 8);
            await Expect(s, s.Page.Locator("#alarm[data-level='2']"), "the fall alarm banner", 30000);
            StringAssert.Contains(await s.Page.TextContentAsync("#alarm-text"), "FALL");
            Assert.AreEqual(2, (int)(await s.State())["alarm"], "the device holds a fall alarm");
            await s.Page.ClickAsync("#acknowledge");
            await Poll(async () => (int)(await s.State())["alarm"], a => a == 0, "the device's alarm to clear after Acknowledge", 10000);
            await s.Page.Locator("#alarm").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 10000 });
        }

        [TestMethod]
        public async Task HistoryChartMatchesTheDeviceRecords()
        {
            await using var s = await Open("short", 25);
            // Once the input has run out the records stop changing; then download and compare hour by hour.
            await Poll(() => s.State(), st => (bool)st["inputFinished"] && ((JsonArray)st["history"]).Count > 0
                && ((JsonArray)st["history"]).Sum(r => (int)r["forwardSteps"] + (int)r["backwardSteps"]) > 0,
                "the short session to end with steps in the device's hourly history", 30000);
            // The loop may still be booking the last samples' steps: download until the device's records were the same
            // before and after the download (a loaded machine can be seconds behind), then compare.
            JsonArray device = null;
            for (int attempt = 0; attempt < 5; attempt++)
            {
                await Task.Delay(1500);
                string before = (await s.State())["history"].ToJsonString();
                await s.Page.ClickAsync("#load-history");
                device = (JsonArray)(await s.State())["history"];
                int expected = device.Count;
                await Poll(() => s.Page.Locator("#chart g.hour").CountAsync(), n => n == expected, $"{expected} hourly bars in the chart");
                await Task.Delay(500);
                if ((await s.State())["history"].ToJsonString() == before)
                {
                    break;
                }
            }
            var bars = s.Page.Locator("#chart g.hour");
            string wanted = string.Join(",", device.Select(r => (int)r["forwardSteps"]));
            await Poll(async () => string.Join(",", await bars.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-forward'))")),
                drawn => drawn == wanted, "the chart to show the device's records: " + wanted, 10000);
            for (int i = 0; i < device.Count; i++)
            {
                var bar = bars.Nth(i);
                Assert.AreEqual((uint)device[i]["hourStartEpochS"], uint.Parse(await bar.GetAttributeAsync("data-epoch")), "hour " + i);
                Assert.AreEqual((int)device[i]["forwardSteps"], int.Parse(await bar.GetAttributeAsync("data-forward")), "forward steps, hour " + i);
                Assert.AreEqual((int)device[i]["backwardSteps"], int.Parse(await bar.GetAttributeAsync("data-backward")), "backward steps, hour " + i);
                double height = double.Parse(await bar.Locator("rect").First.GetAttributeAsync("height"), System.Globalization.CultureInfo.InvariantCulture);
                Assert.AreEqual((int)device[i]["forwardSteps"] > 0, height > 0, "a bar is drawn exactly when the hour has forward steps");
            }
        }

        [TestMethod]
        public async Task SettingsChangeReachesTheDeviceAndSurvivesAReconnect()
        {
            await using var s = await Open("retro-session", 5);
            await s.Page.FillAsync("input[name=tiltWarnBackwardDeg]", "25");
            await s.Page.FillAsync("input[name=stepsToStartWalk]", "8");
            await s.Page.SelectOptionAsync("select[name=utcOffsetQuarterHours]", "4");
            await s.Page.CheckAsync("input[name=dailyReset]");
            await s.Page.FillAsync("input[name=tiltWarnSidewaysDeg]", "22");
            await s.Page.FillAsync("input[name=heightCm]", "185");
            await s.Page.FillAsync("input[name=backwardIntervalS]", "90");
            await s.Page.ClickAsync("#save-settings");
            await Expect(s, s.Page.Locator("#settings-result", new PageLocatorOptions { HasText = "Saved" }), "the tracker to accept the settings");
            var settings = await Poll(async () => (JsonObject)(await s.State())["settings"], st => (int)st["tiltWarnBackwardDeg"] == 25,
                "the device to apply the new settings");
            Assert.AreEqual(8, (int)settings["stepsToStartWalk"]);
            Assert.AreEqual(4, (int)settings["utcOffsetQuarterHours"]);
            Assert.AreEqual(SettingTable.FlagBtHomeAdvertising | SettingTable.FlagDailyReset | SettingTable.FlagCoach, (int)settings["flags"],
                "BTHome and the coach kept on, daily reset on");
            Assert.AreEqual(22, (int)settings["tiltWarnSidewaysDeg"]);
            Assert.AreEqual(185, (int)settings["heightCm"]);
            Assert.AreEqual(90, (int)settings["backwardIntervalS"]);

            // Out of range in the form: refused before anything is written.
            await s.Page.FillAsync("input[name=tiltWarnBackwardDeg]", "90");
            await s.Page.ClickAsync("#save-settings");
            await Expect(s, s.Page.Locator("#settings-result", new PageLocatorOptions { HasText = "from 5 to 80" }), "the form to refuse 90°");
            Assert.AreEqual(25, (int)((JsonObject)(await s.State())["settings"])["tiltWarnBackwardDeg"]);

            // The link drops; the page reconnects by itself and shows what the device holds, not what the form had.
            await Http.PostAsync(s.Server.Url + "emulator/drop", null);
            await Expect(s, s.Page.Locator("#connection[data-state=lost]"), "the page to notice the dropped link", 5000);
            await Expect(s, s.Page.Locator("#connection[data-state=connected]"), "the page to reconnect by itself");
            await Poll(() => s.Page.InputValueAsync("input[name=tiltWarnBackwardDeg]"), v => v == "25", "the form to show 25° read back from the device");
            Assert.AreEqual("8", await s.Page.InputValueAsync("input[name=stepsToStartWalk]"));
            Assert.IsTrue(await s.Page.IsCheckedAsync("input[name=dailyReset]"));
        }

        [TestMethod]
        public async Task IdentifyAndResetWithConfirmationReachTheDevice()
        {
            await using var s = await Open("retro-session", 20);
            await s.Page.ClickAsync("#identify");
            await Poll(async () => (int)(await s.State())["identifyRequests"], n => n == 1, "the device to receive Identify");
            long before = await Poll(async () => (long)(await s.State())["forwardSteps"], n => n > 50, "50 forward steps on the device");

            // Declining the confirmation writes nothing.
            s.Page.Dialog += DismissOnce;
            await s.Page.ClickAsync("#reset");
            await Task.Delay(500);
            Assert.IsTrue((long)(await s.State())["forwardSteps"] >= before, "a declined reset must leave the counts");
            s.Page.Dialog -= DismissOnce;

            s.Page.Dialog += AcceptOnce;
            await s.Page.ClickAsync("#reset");
            await Poll(async () => (long)(await s.State())["forwardSteps"], n => n < before, $"the device's forward count to drop below {before} after the confirmed reset");
        }

        private static async void DismissOnce(object sender, IDialog dialog) => await dialog.DismissAsync();

        private static async void AcceptOnce(object sender, IDialog dialog) => await dialog.AcceptAsync();

        private static async Task<long> DeviceMs(Session s) => (long)(await s.State())["monotonicMs"];

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
            await s.Page.ClickAsync("#record");
            await Expect(s, s.Page.Locator("#record-status[data-state=recording]"), "the page to say it is recording");
            long startMs = await DeviceMs(s);
            await s.Page.ClickAsync("button[data-label=standing]");
            Assert.AreEqual("true", await s.Page.GetAttributeAsync("button[data-label=standing]", "aria-pressed"));
            await Poll(() => DeviceMs(s), ms => ms >= 6000, "the emulated walk to be a second under way");
            int beforeTap = await RecordedSamples(s);
            await s.Page.ClickAsync("button[data-label=walking_backward]");
            int walkFrom = await RecordedSamples(s);
            await Poll(() => RecordedSamples(s), n => n >= Math.Max(1000, walkFrom + 800), "10 s recorded, 8 s of them walking", 30000);
            await s.Page.FillAsync("#true-steps", "17");
            await s.Page.ClickAsync("#record");
            await Expect(s, s.Page.Locator("#record-status[data-state=stopped]"), "the recording to stop");
            long stopMs = await DeviceMs(s);
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
                double deviceSeconds = (stopMs - startMs) / 1000.0;
                Assert.IsTrue(file.Samples.Length >= 1000 && Math.Abs(file.Samples.Length - deviceSeconds * 100) <= 0.1 * deviceSeconds * 100 + 30,
                    $"{file.Samples.Length} samples over {deviceSeconds:0.0} s of device time at 100 Hz");

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

        [TestMethod]
        public async Task JsDecodersPassOnTheSharedVectors()
        {
            await using var s = await Open(null, 1, connect: false);
            // Serve the test folder to the page under /__tests__/ (the dashboard server only serves web/).
            await s.Page.RouteAsync("**/__tests__/**", async route =>
            {
                string relative = new Uri(route.Request.Url).AbsolutePath.Substring("/__tests__/".Length);
                string file = Path.Combine(DashboardContractTests.DashboardFolder, relative);
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = File.ReadAllText(file) });
            });
            string vectors = File.ReadAllText(DashboardContractTests.VectorsPath);
            string schema = File.ReadAllText(DashboardContractTests.SettingsPath);
            var result = await s.Page.EvaluateAsync<JsonElement>(
                "async ([vectors, schema]) => { const m = await import('/__tests__/test/decoders.test.js'); return m.runDecoderTests(JSON.parse(vectors), JSON.parse(schema)); }",
                new[] { vectors, schema });
            var failures = result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToArray();
            int checks = result.GetProperty("checks").GetInt32();
            Assert.IsTrue(checks > 100, $"only {checks} decoder checks ran");
            Assert.AreEqual(0, failures.Length, string.Join("\n", failures));
        }

        [TestMethod]
        public async Task AttErrorsReachThePageAsChromeReportsThemAndAreExplained()
        {
            await using var s = await Open(null, 1, connect: false);
            var result = await s.Page.EvaluateAsync<JsonElement>(
                "async (codes) => { const e = await import('./emulated-bluetooth.js'); const t = await import('./tracker.js'); "
                + "return codes.map((c) => { const err = e.attError(c); return [err.name, t.explain(err)]; }); }",
                new[] { (int)CodecStatus.AttInvalidLength, CodecStatus.AttOutOfRange, CodecStatus.AttWriteRequestRejected,
                    CodecStatus.AttCccdImproperlyConfigured, CodecStatus.AttInsufficientEncryption });
            string[][] answers = result.EnumerateArray().Select(a => a.EnumerateArray().Select(x => x.GetString()).ToArray()).ToArray();
            Assert.AreEqual("InvalidModificationError", answers[0][0], "0x0D");
            Assert.AreEqual("NotSupportedError", answers[1][0], "0xFF: Chrome has no name for the service codes");
            Assert.AreEqual("NotSupportedError", answers[2][0], "0xFC");
            Assert.AreEqual("NotSupportedError", answers[3][0], "0xFD");
            Assert.AreEqual("NetworkError", answers[4][0], "0x0F: not paired");
            StringAssert.Contains(answers[2][1], "could not apply it", "a rejected write is not blamed on the radio");
            Assert.IsFalse(answers[2][1].Contains("out of range or switched off"), answers[2][1]);
        }

        [TestMethod]
        public async Task WithoutTheEmulatorThePageSaysWhatIsMissing()
        {
            await using var s = await Open(null, 1, connect: false);
            Assert.AreEqual(404, (int)(await Http.GetAsync(s.Server.Url + "emulator/info")).StatusCode, "no emulator endpoints without --emulate");
            await s.Page.ClickAsync("#connect");
            await Expect(s, s.Page.Locator("#problem:not([hidden])"), "a plain message about Bluetooth");
            string text = await s.Page.TextContentAsync("#problem");
            Assert.IsTrue(text.Contains("Bluetooth"), "the message names Bluetooth: " + text);
        }

        [TestMethod]
        public async Task PhoneScreenshotAndWcagAaContrast()
        {
            await using var s = await Open("retro-session", 20);
            await Poll(() => Shown(s, "backward"), v => v > 20, "backward steps to show before the screenshot", 40000);
            await s.Page.ClickAsync("#load-history");
            await Poll(() => s.Page.Locator("#chart g.hour").CountAsync(), n => n > 0, "a bar in the history chart");
            AxeResult axe = await s.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = new List<string> { "wcag2a", "wcag2aa" } } });
            string violations = string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
            Assert.AreEqual(0, axe.Violations.Length, violations);
            // The README's screenshot is rewritten only when asked (RETROWALK_UPDATE_SCREENSHOT=1) or missing, so an
            // ordinary test run leaves the work tree clean; every run still takes it, beside the test output.
            string committed = Path.Combine(DashboardContractTests.DashboardFolder, "screenshot-phone.png");
            bool update = Environment.GetEnvironmentVariable("RETROWALK_UPDATE_SCREENSHOT") == "1" || !File.Exists(committed);
            string path = update ? committed : Path.Combine(AppContext.BaseDirectory, "screenshot-phone.png");
            await s.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.IsTrue(new FileInfo(path).Length > 10000, "the phone screenshot has content: " + path);
        }
    }
}
