using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Sensors;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Soak
{
    /// <summary>
    /// Eight emulated days of the whole device loop (issue 11): every synthesizer scenario each day between
    /// stretches of rest, the clock set by a phone at boot and corrected every day, I2C faults (NACKs and reads broken
    /// off), loop stalls beyond the FIFO and an hour of failing flash writes each day. Counts never go backward, the
    /// hourly history holds the last 7 days in time order and sums to what was counted in them, managed memory stays flat (nothing allocated per day once the history is full). It runs beside other tests: what it
    /// asserts of memory is what this thread allocated.
    /// </summary>
    [TestClass]
    public class DeviceSoakTests
    {
        private const long StartUtcS = 1777593600; // 2026-05-01T00:00:00Z
        private const int Days = 8;
        private const long DayMs = 24L * 3600 * 1000;
        private const long HourS = 3600;

        /// <summary>
        /// The soak runs the sensor at 25 Hz, a rate the driver and detector support, so that 8 emulated days take
        /// seconds: what it checks (counts, history, memory) does not depend on the rate.
        /// </summary>
        private const int SoakRateHz = 25;

        /// <summary>
        /// A day of input: every scenario in turn (synthesized once, the same each day), each followed by half an hour
        /// of standing, then standing until the day is full (noise from a precomputed stretch, so the input costs little).
        /// </summary>
        private static IEnumerable<RawSample> Day(RawSample[][] scenarios, RawSample[] rest, SensorConfig sensor)
        {
            long samplesPerDay = DayMs / 1000 * sensor.SampleRateHz;
            long produced = 0;
            int restSamples = 30 * 60 * sensor.SampleRateHz;
            foreach (var scenario in scenarios)
            {
                foreach (var s in scenario)
                {
                    produced++;
                    yield return s;
                }

                for (int i = 0; i < restSamples; i++, produced++)
                {
                    yield return rest[i % rest.Length];
                }
            }

            for (long i = 0; produced < samplesPerDay; i++, produced++)
            {
                yield return rest[i % rest.Length];
            }
        }

        private static RawSample[] Rest(SensorConfig sensor)
        {
            var noise = new Random(5);
            return Enumerable.Range(0, 6007).Select(_ => new RawSample((short)(sensor.AccelCountsPerG + noise.Next(-20, 21)),
                (short)noise.Next(-20, 21), (short)noise.Next(-20, 21), (short)noise.Next(-8, 9), (short)noise.Next(-8, 9), (short)noise.Next(-8, 9))).ToArray();
        }

        [TestMethod]
        public void EightDaysOfEveryScenarioWithFaultsKeepCountsHistoryAndMemory()
        {
            var config = new TrackerConfig();
            config.Sensor.SampleRateHz = SoakRateHz;
            var scenarios = Scenarios.Names.Select(n => SessionSynthesizer.Plan(n, config.Sensor, 1).Samples().ToArray()).ToArray();
            var rest = Rest(config.Sensor);
            var input = Enumerable.Range(0, Days).SelectMany(_ => Day(scenarios, rest, config.Sensor));
            var store = new MemoryCounterStore();
            var device = new EmulatedDevice(input, store, config, publisher: new NullPublisher());
            device.AlarmOutput.Record = false;
            device.RunFor(1000);
            device.Loop.SetClock((uint)(StartUtcS + 1));
            device.Bus.FailRandomly(0.01, BusFault.Partial, 3);

            var stopwatch = Stopwatch.StartNew();
            uint lastForward = 0, lastBackward = 0;
            // Counts at the first loop iteration of each hour: what the history must hold for that hour is the difference.
            var countsAtHour = new SortedDictionary<long, (uint Forward, uint Backward)>();
            var memoryAtDayEnd = new List<long>();
            var allocatedPerDay = new List<long>();
            long hourSeen = -1;
            for (int day = 0; day < Days; day++)
            {
                long dayStartMs = device.Clock.MonotonicMs;
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                while (device.Clock.MonotonicMs - dayStartMs < DayMs)
                {
                    long hour = device.Clock.UtcSeconds / HourS * HourS;
                    if (hour != hourSeen)
                    {
                        countsAtHour[hour] = (device.Loop.Tracker.ForwardSteps, device.Loop.Tracker.BackwardSteps);
                        hourSeen = hour;
                        long hourOfDay = (hour - StartUtcS) / HourS % 24;
                        store.FailWrites = hourOfDay == 1; // an hour of failing flash every day, while walking
                        if (hourOfDay == 7)
                        {
                            device.Stall(Mpu6050Registers.FifoCapacityFrames * 1000L / SoakRateHz + 1000); // beyond the FIFO: an overflow and a resync
                        }

                        if (hourOfDay == 12)
                        {
                            // The phone corrects the clock once a day (a drift of a few seconds).
                            device.Loop.SetClock((uint)(StartUtcS + 1 + device.Clock.MonotonicMs / 1000));
                        }
                    }

                    device.Step();
                    var t = device.Loop.Tracker;
                    Assert.IsGreaterThanOrEqualTo(lastForward, t.ForwardSteps, "forward steps went back");
                    Assert.IsGreaterThanOrEqualTo(lastBackward, t.BackwardSteps, "backward steps went back");
                    lastForward = t.ForwardSteps;
                    lastBackward = t.BackwardSteps;
                }

                allocatedPerDay.Add(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
                memoryAtDayEnd.Add(GC.GetTotalMemory(forceFullCollection: true));
            }

            device.RunFor(2000);
            countsAtHour[device.Clock.UtcSeconds / HourS * HourS + HourS] = (device.Loop.Tracker.ForwardSteps, device.Loop.Tracker.BackwardSteps);
            Console.WriteLine($"soak: {Days} days emulated in {stopwatch.Elapsed.TotalSeconds:0.0} s; forward {lastForward}, backward {lastBackward}; " +
                              $"{device.Driver.BusErrorCount} bus errors, {device.Driver.OverflowCount} overflows, {device.Driver.ResyncCount} resyncs, " +
                              $"{device.Loop.Store.FailedSaves} failed saves; allocated per day {string.Join(", ", allocatedPerDay.Select(m => (m / 1000).ToString() + " kB"))}; " +
                              $"process heap at day ends {string.Join(", ", memoryAtDayEnd.Select(m => (m / 1000).ToString() + " kB"))}");

            Assert.IsGreaterThan(Days * 1000u, lastForward + lastBackward, "every day walks");
            Assert.IsGreaterThan(0u, lastBackward);
            Assert.IsGreaterThan(0, device.Driver.BusErrorCount);
            Assert.IsGreaterThanOrEqualTo(Days, device.Driver.OverflowCount);

            // The history: the last 7 days in time order, each hour holding what was counted in it.
            var history = device.Loop.History;
            var records = new List<(uint Hour, ushort Forward, ushort Backward)>();
            for (int i = 0; i < history.Count; i++)
            {
                history.GetRecord(i, out uint hour, out ushort forward, out ushort backward);
                records.Add((hour, forward, backward));
            }

            for (int i = 1; i < records.Count; i++)
            {
                Assert.IsGreaterThan(records[i - 1].Hour, records[i].Hour, "history records in time order");
            }

            uint newest = records[^1].Hour;
            Assert.IsGreaterThan(newest - HourlyHistory.RetentionS, records[0].Hour, "nothing older than 7 days");
            Assert.IsLessThanOrEqualTo(newest - HourlyHistory.RetentionS + 24 * HourS, records[0].Hour, "the 7 days are all there");
            var hours = countsAtHour.Keys.ToList();
            foreach (var r in records)
            {
                int at = hours.IndexOf(r.Hour);
                Assert.IsGreaterThanOrEqualTo(0, at, "a record for an hour that never began");
                var (f0, b0) = countsAtHour[hours[at]];
                var (f1, b1) = countsAtHour[hours[at + 1]];
                Assert.AreEqual(f1 - f0, (uint)r.Forward, $"forward steps of the hour from {DateTimeOffset.FromUnixTimeSeconds(r.Hour):u}");
                Assert.AreEqual(b1 - b0, (uint)r.Backward, $"backward steps of the hour from {DateTimeOffset.FromUnixTimeSeconds(r.Hour):u}");
            }

            long firstHeld = records[0].Hour;
            uint forwardInWeek = lastForward - countsAtHour[firstHeld].Forward;
            uint backwardInWeek = lastBackward - countsAtHour[firstHeld].Backward;
            Assert.AreEqual(forwardInWeek, (uint)records.Sum(r => r.Forward), "the history sums to the forward steps of its 7 days");
            Assert.AreEqual(backwardInWeek, (uint)records.Sum(r => r.Backward), "the history sums to the backward steps of its 7 days");

            // Memory: after the first day (the history filling, the JIT) the loop, driver, emulator and input allocate next to
            // nothing: 2.16 million samples a day at one byte each would be 2 MB. (The process-wide heap is printed only:
            // other tests' leftovers move it.)
            foreach (var bytes in allocatedPerDay.Skip(1))
            {
                Assert.IsLessThan(256_000L, bytes, "bytes allocated in an emulated day: " + string.Join(", ", allocatedPerDay));
            }
        }
    }
}
