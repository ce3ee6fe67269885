using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Sensors;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Device
{
    [TestClass]
    public class DeviceLoopEmulationTests
    {
        [TestMethod]
        public void TheLoopCountsExactlyWhatTheCoreCountsOnTheSameSamples()
        {
            var input = Sessions.Named("short");
            TapFifo tap = null;
            var device = new EmulatedDevice(input, wrapFifo: f => tap = new TapFifo(f));
            Assert.AreEqual(Mpu6050Status.Ok, device.SensorStatus);
            device.RunToEnd();

            int first = (int)device.Chip.FirstFifoSampleIndex;
            CollectionAssert.AreEqual(input[first..], tap.Delivered, "every sample after the FIFO was enabled reaches the tracker once, in order");
            var direct = new RetroWalk.Core.Tracker(new TrackerConfig());
            foreach (var s in input[first..])
            {
                direct.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            }

            Assert.AreEqual(direct.SampleIndex, device.Loop.Tracker.SampleIndex);
            Assert.AreEqual(direct.ForwardSteps, device.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(direct.BackwardSteps, device.Loop.Tracker.BackwardSteps);
            Assert.AreEqual(direct.Session.BackwardIntervals, device.Loop.Tracker.Session.BackwardIntervals);
        }

        [TestMethod]
        public void AStallUpToTheFifoCapacityLosesNothing()
        {
            // 1024 B / 12 B = 85 frames = 850 ms at 100 Hz between two reads.
            var (device, tap) = IndexedDevice(3000);
            device.RunFor(1000);
            device.Stall(850 - DeviceLoop.LoopPeriodMs);
            device.Clock.AdvanceMs(DeviceLoop.LoopPeriodMs);
            Assert.AreEqual(85 * 12, device.Chip.FifoCount, "the FIFO is full to the last whole frame");
            device.Loop.RunOnce();
            device.RunToEnd();

            Assert.AreEqual(0, device.Driver.OverflowCount);
            AssertContiguous(tap.Delivered, (int)device.Chip.FirstFifoSampleIndex, 3000);
        }

        [TestMethod]
        public void AStallBeyondTheFifoIsDetectedAndRecoveredWithoutMisalignedSamples()
        {
            var (device, tap) = IndexedDevice(6000);
            device.RunFor(1000);
            device.Stall(860 - DeviceLoop.LoopPeriodMs);
            device.RunFor(5000);
            device.Stall(3000);
            device.RunToEnd();

            Assert.AreEqual(2, device.Driver.OverflowCount);
            Assert.IsGreaterThan(0L, device.Chip.FifoBytesOverwritten);
            var indices = AssertAlignedAndOrdered(tap.Delivered);
            int gaps = indices.Zip(indices.Skip(1), (a, b) => b - a).Count(d => d != 1);
            Assert.AreEqual(2, gaps, "one gap per overflow, nothing else lost");
            Assert.AreEqual(5999, indices[^1], "the stream continues to the end after the resync");
            AssertCountsMatchDirectRun(tap.Delivered, device);
        }

        [TestMethod]
        public void NackedTransfersAreRetriedAndLoseNothing()
        {
            var (device, tap) = IndexedDevice(4000);
            device.Bus.FailRandomly(0.05, BusFault.Nack, 3);
            device.RunToEnd();

            Assert.IsGreaterThan(20, device.Driver.BusErrorCount);
            Assert.AreEqual(device.Bus.FaultsInjected, device.Driver.BusErrorCount);
            Assert.AreEqual(0, device.Driver.ResyncCount);
            AssertContiguous(tap.Delivered, (int)device.Chip.FirstFifoSampleIndex, 4000);
        }

        [TestMethod]
        public void TransfersBrokenOffMidReadNeverFeedMisalignedSamples()
        {
            var (device, tap) = IndexedDevice(6000);
            device.Bus.FailRandomly(0.05, BusFault.Partial, 5);
            device.RunToEnd();

            Assert.IsGreaterThan(0, device.Driver.BusErrorCount);
            var indices = AssertAlignedAndOrdered(tap.Delivered);
            Assert.IsGreaterThan(4000, indices.Count, "most samples still arrive");
            AssertCountsMatchDirectRun(tap.Delivered, device);
        }

        [TestMethod]
        public void InitChecksIdentityAndSurvivesRetriedErrors()
        {
            var device = new EmulatedDevice(IndexedSamples.Generate(10));
            Assert.AreEqual(0x68, device.Driver.LastWhoAmI);
            Assert.AreEqual(0x78, device.Chip.Peek(Mpu6050Registers.FifoEn));
            Assert.AreEqual(0x40, device.Chip.Peek(Mpu6050Registers.UserCtrl));
            Assert.AreEqual(9, device.Chip.Peek(Mpu6050Registers.SmplrtDiv));
            Assert.AreEqual(10_000, device.Chip.SamplePeriodUs);
            Assert.AreEqual(2 << 3, device.Chip.Peek(Mpu6050Registers.AccelConfig));
            Assert.AreEqual(1 << 3, device.Chip.Peek(Mpu6050Registers.GyroConfig));

            device.Bus.FailNext(BusFault.Nack, BusFault.Nack, BusFault.Nack);
            Assert.AreEqual(Mpu6050Status.BusError, device.Driver.Initialize(device.Config.Sensor));
            device.Bus.FailNext(BusFault.Nack, BusFault.Nack);
            Assert.AreEqual(Mpu6050Status.Ok, device.Driver.Initialize(device.Config.Sensor));
        }

        [TestMethod]
        public void ASensorThatLostPowerIsInitialisedAgain()
        {
            var (device, tap) = IndexedDevice(8000);
            device.RunFor(2000);
            device.Chip.PowerOnReset();
            device.RunToEnd();

            Assert.AreEqual(1, device.Driver.ReinitCount);
            var indices = AssertAlignedAndOrdered(tap.Delivered);
            Assert.AreEqual(7999, indices[^1]);
        }

        [TestMethod]
        public void TheLoopAllocatesNothingWhileRunning()
        {
            var input = Sessions.WalkThenFall();
            var device = new EmulatedDevice(input, publisher: new NullPublisher());
            device.AlarmOutput.Record = false;
            device.RunFor(3000);
            device.Loop.SaveNow(device.Clock.MonotonicMs); // the emulated flash allocates each slot on its first write
            device.Loop.SaveNow(device.Clock.MonotonicMs);
            device.Loop.SessionStore.Save(device.Sessions.Recorder); // and the session record pair's two slots
            device.Loop.SessionStore.Save(device.Sessions.Recorder);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long processed = device.Loop.SamplesProcessed;
            device.RunToEnd();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Walking, publishing, sessions and their saves, a fall alarm with its save and buzzer patterns: all of it
            // without one allocation.
            Assert.AreEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm);
            Assert.IsGreaterThanOrEqualTo(9000L, device.Loop.SamplesProcessed - processed);
            Assert.AreEqual(0L, allocated);
        }

        internal static (EmulatedDevice Device, TapFifo Tap) IndexedDevice(int samples)
        {
            TapFifo tap = null;
            var device = new EmulatedDevice(IndexedSamples.Generate(samples), wrapFifo: f => tap = new TapFifo(f));
            return (device, tap);
        }

        private static void AssertContiguous(List<RawSample> delivered, int first, int total)
        {
            Assert.HasCount(total - first, delivered, "no sample lost or duplicated");
            for (int i = 0; i < delivered.Count; i++)
            {
                Assert.AreEqual(first + i, IndexedSamples.IndexOf(delivered[i]));
            }
        }

        private static List<int> AssertAlignedAndOrdered(List<RawSample> delivered)
        {
            var indices = delivered.Select(IndexedSamples.IndexOf).ToList();
            Assert.DoesNotContain(-1, indices, "a misaligned frame reached the tracker");
            for (int i = 1; i < indices.Count; i++)
            {
                Assert.IsGreaterThan(indices[i - 1], indices[i], "samples stay in order");
            }

            return indices;
        }

        private static void AssertCountsMatchDirectRun(List<RawSample> delivered, EmulatedDevice device)
        {
            var direct = new RetroWalk.Core.Tracker(new TrackerConfig());
            foreach (var s in delivered)
            {
                direct.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            }

            Assert.AreEqual(direct.SampleIndex, device.Loop.Tracker.SampleIndex);
            Assert.AreEqual(direct.ForwardSteps, device.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(direct.BackwardSteps, device.Loop.Tracker.BackwardSteps);
        }
    }
}
