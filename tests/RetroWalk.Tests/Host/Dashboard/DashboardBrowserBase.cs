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
    /// <summary>
    /// What the companion page's browser tests share: one headless chromium (Debian's chromium-headless-shell, the
    /// headless build of the same Blink and V8 that Playwright itself runs headless tests in: no browser UI, under half
    /// the full browser's CPU in these tests, 37 -> 16 s on 2 cores; driven by Playwright, which downloads nothing)
    /// launched once per test run and closed at its end, in which each test opens its own context and
    /// page against its own `retrowalk dashboard --emulate` server (the firmware's device loop on the MPU-6050 emulator,
    /// run faster than real time, its GATT bridged to the page's Web Bluetooth adapter). What a test expects is checked on
    /// the device side too (/emulator/state), never only on the page. The tests are split over a few classes so that
    /// their waits for emulated time overlap each other and the rest of the suite. Every wait is bounded and says what it
    /// waited for.
    /// </summary>
    public abstract class DashboardBrowserBase
    {
        public const string ChromiumPath = "/usr/bin/chromium-headless-shell";
        protected const float WaitMs = 20000;

        private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared =
            new Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>>(Launch, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>
        /// axe-core's WCAG 2 A and AA rules, reporting violations only: passes and inapplicable rules come back as
        /// rule ids without their nodes, which took most of a check's time (3-6 s on 2 cores for the whole page).
        /// </summary>
        protected static AxeRunOptions WcagAa => new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = new List<string> { "wcag2a", "wcag2aa" } },
            ResultTypes = new HashSet<ResultType> { ResultType.Violations },
        };

        protected static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        private static string WebRoot => Path.Combine(DashboardContractTests.DashboardFolder, "web");

        private static async Task<(IPlaywright Playwright, IBrowser Browser)> Launch()
        {
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // A fresh temporary profile per launch is Playwright's default (no --user-data-dir given).
                Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
            });
            return (playwright, browser);
        }

        /// <summary>The shared browser, launched by the first test that asks; inconclusive without chromium.</summary>
        private static async Task<IBrowser> Browser()
        {
            if (!File.Exists(ChromiumPath))
            {
                Assert.Inconclusive(ChromiumPath + " is missing: install Debian's headless chromium (apt-get install -y chromium-headless-shell; .ci/run does it)");
            }

            return (await Shared.Value).Browser;
        }

        /// <summary>Closes the shared browser if a test launched it (once, at the end of the run).</summary>
        public static async Task CloseSharedBrowser()
        {
            if (!Shared.IsValueCreated)
            {
                return;
            }

            var (playwright, browser) = await Shared.Value;
            await browser.CloseAsync();
            playwright.Dispose();
        }
        protected sealed class Session : IAsyncDisposable
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

        protected static async Task<Session> Open(string scenario, double speed, bool connect = true)
        {
            var s = new Session();
            // The walk runs at real time until the page has connected, then at the test's speed: on a loaded machine a
            // slow page load must not let the emulated walk end before the page sees it.
            var tracker = scenario == null ? null : new EmulatedTracker(scenario, 1);
            s.Server = new DashboardServer(WebRoot, 0, tracker);
            s.Server.Start();
            s.Context = await (await Browser()).NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 1 });
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

            if (tracker != null)
            {
                tracker.Speed = speed;
            }

            return s;
        }

        protected static async Task Expect(Session s, ILocator locator, string what, float timeoutMs = WaitMs)
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

        protected static async Task<T> Poll<T>(Func<Task<T>> read, Func<T, bool> done, string what, int timeoutMs = 20000)
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

        protected static async Task<long> Shown(Session s, string id)
        {
            string v = await s.Page.GetAttributeAsync("#" + id, "data-value");
            return string.IsNullOrEmpty(v) ? -1 : long.Parse(v);
        }
    }
}
