using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>
    /// I2C transfers broken off mid-read (issue 11): the driver resumes a broken FIFO burst where it stopped, or
    /// realigns to the next frame, instead of resetting the FIFO; counting degrades gracefully and no misaligned frame
    /// reaches the tracker.
    /// </summary>
    [TestClass]
    public class PartialReadTests
    {
        private static (uint Steps, EmulatedDevice Device) Run(string scenario, double brokenRate, int seed, bool reportBytes = true)
        {
            var device = new EmulatedDevice(Sessions.Named(scenario));
            device.Bus.ReportsBytesRead = reportBytes;
            if (brokenRate > 0)
            {
                device.Bus.FailRandomly(brokenRate, BusFault.Partial, seed);
            }

            device.RunToEnd();
            return (device.Loop.Tracker.TotalSteps, device);
        }

        [TestMethod]
        public void WithAFifthOfReadsBrokenOffAtLeast95PercentOfStepsAreCounted()
        {
            foreach (var scenario in new[] { "retro-session", "short" })
            {
                var (clean, _) = Run(scenario, 0, 0);
                Assert.IsGreaterThan(50u, clean, scenario + " walks");
                foreach (var seed in new[] { 1, 2 })
                {
                    var (steps, device) = Run(scenario, 0.2, seed);
                    System.Console.WriteLine($"{scenario}, 20 % of reads broken off (seed {seed}): {steps} of {clean} steps counted, " +
                                             $"{device.Driver.BusErrorCount} bus errors, {device.Driver.ResyncCount} FIFO resets");
                    Assert.IsGreaterThan(0L, device.Bus.FaultsInjected);
                    Assert.IsGreaterThanOrEqualTo(clean * 95 / 100, steps,
                        $"{scenario}, 20 % of reads broken off (seed {seed}): {steps} of {clean} steps counted");
                }
            }
        }

        [TestMethod]
        public void ABrokenBurstIsResumedSoNoSampleIsLost()
        {
            TapFifo tap = null;
            var device = new EmulatedDevice(IndexedSamples.Generate(6000), wrapFifo: f => tap = new TapFifo(f));
            device.Bus.FailRandomly(0.2, BusFault.Partial, 7);
            device.RunToEnd();

            Assert.IsGreaterThan(100, device.Driver.BusErrorCount);
            Assert.AreEqual(0, device.Driver.ResyncCount, "no FIFO reset: every broken burst was resumed");
            var indices = tap.Delivered.Select(IndexedSamples.IndexOf).ToList();
            Assert.DoesNotContain(-1, indices, "a misaligned frame reached the tracker");
            int first = (int)device.Chip.FirstFifoSampleIndex;
            CollectionAssert.AreEqual(Enumerable.Range(first, 6000 - first).ToList(), indices, "every sample, once, in order");
        }

        [TestMethod]
        public void ABusThatCannotTellHowMuchItReadRealignsWithoutResettingTheFifo()
        {
            TapFifo tap = null;
            var device = new EmulatedDevice(IndexedSamples.Generate(6000), wrapFifo: f => tap = new TapFifo(f));
            device.Bus.ReportsBytesRead = false;
            device.Bus.FailRandomly(0.2, BusFault.Partial, 8);
            device.RunToEnd();

            var indices = tap.Delivered.Select(IndexedSamples.IndexOf).ToList();
            Assert.DoesNotContain(-1, indices, "a misaligned frame reached the tracker");
            for (int i = 1; i < indices.Count; i++)
            {
                Assert.IsGreaterThan(indices[i - 1], indices[i], "samples stay in order");
            }

            Assert.AreEqual(5999, indices[^1], "the stream continues to the end");
            System.Console.WriteLine($"a bus that cannot tell: {indices.Count} of 6000 samples delivered, {device.Driver.ResyncCount} FIFO resets");
            Assert.IsGreaterThan(6000 * 3 / 4, indices.Count, $"only the broken bursts' frames are lost: {indices.Count} of 6000 delivered");
        }
    }
}
