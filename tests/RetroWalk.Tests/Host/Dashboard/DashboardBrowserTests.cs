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
    /// <summary>The companion page's controls reaching the device: the fall banner, settings, identify and reset; the JS decoders; the page without an emulator.</summary>
    [TestClass]
    public sealed class DashboardBrowserTests : DashboardBrowserBase
    {
        [AssemblyCleanup]
        public static Task CloseTheSharedBrowser() => CloseSharedBrowser();

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
            await Expect(s, s.Page.Locator("#connection[data-drops=\"1\"]"), "the page to notice the dropped link (a reconnect within half a second leaves the count)", 10000);
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
    }
}
