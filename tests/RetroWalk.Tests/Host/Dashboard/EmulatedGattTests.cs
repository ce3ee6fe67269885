using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Dashboard;

namespace RetroWalk.Tests.Host.Dashboard
{
    /// <summary>The emulated tracker's GATT table answers as docs/ble.md says the device does (no browser involved).</summary>
    [TestClass]
    public sealed class EmulatedGattTests
    {
        private static readonly string ControlPoint = GattUuid.Normalize(BleUuids.ControlPoint);
        private static readonly string History = GattUuid.Normalize(BleUuids.History);
        private static readonly string Config = GattUuid.Normalize(BleUuids.Config);

        private static EmulatedGatt Gatt(List<string> notified)
        {
            var tracker = new EmulatedTracker("still", 1);
            tracker.Gatt.Notified = (uuid, value) => notified.Add(uuid + " " + Convert.ToHexString(value));
            return tracker.Gatt;
        }

        [TestMethod]
        public void TheSpeedChangesWhileTheLoopRunsAndMustBePositive()
        {
            foreach (double bad in new[] { 0, -1, double.NaN, double.PositiveInfinity })
            {
                Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EmulatedTracker("still", bad), "speed " + bad);
            }

            using var tracker = new EmulatedTracker("still", 1);
            tracker.Start();
            System.Threading.Thread.Sleep(100);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tracker.Speed = 0);
            long before = (long)tracker.State()["monotonicMs"];
            var wall = System.Diagnostics.Stopwatch.StartNew();
            tracker.Speed = 400;
            System.Threading.Thread.Sleep(300);
            long emulated = (long)tracker.State()["monotonicMs"] - before;
            // 400x would be 120 s of device time; a loaded machine may lag, but real time (1x) is far below 20x.
            Assert.IsTrue(emulated > 20 * wall.ElapsedMilliseconds, $"{emulated} ms emulated in {wall.ElapsedMilliseconds} ms after the speed went to 400x");
            Assert.AreEqual(400.0, tracker.Speed);
        }

        [TestMethod]
        public void ControlPointNeedsSubscriptionAndHistoryNeedsItsOwn()
        {
            var notified = new List<string>();
            EmulatedGatt gatt = Gatt(notified);
            Assert.AreEqual(CodecStatus.AttCccdImproperlyConfigured, gatt.Write(ControlPoint, new byte[] { 0x02 }).AttError);
            Assert.IsTrue(gatt.Subscribe(ControlPoint, true).Success);
            Assert.IsTrue(gatt.Write(ControlPoint, new byte[] { 0x10, 0, 0, 0, 0 }).Success);
            CollectionAssert.AreEqual(new[] { ControlPoint + " 801004" }, notified, "History requested without a History subscription fails with status 4");
            notified.Clear();
            gatt.Subscribe(History, true);
            gatt.Write(ControlPoint, new byte[] { 0x10, 0, 0, 0, 0 });
            CollectionAssert.AreEqual(new[] { ControlPoint + " 801001", History + " FFFFFFFF00000000" }, notified, "an empty history is the terminator alone");
            notified.Clear();
            gatt.Write(ControlPoint, new byte[] { 0x01, 0x00 });
            gatt.Write(ControlPoint, new byte[] { 0x7F });
            CollectionAssert.AreEqual(new[] { ControlPoint + " 800103", ControlPoint + " 807F02" }, notified);
            gatt.Disconnected();
            gatt.Connected();
            Assert.AreEqual(CodecStatus.AttCccdImproperlyConfigured, gatt.Write(ControlPoint, new byte[] { 0x02 }).AttError, "a new link must subscribe again");
        }

        [TestMethod]
        public void RecordingNeedsTheRawSamplesSubscriptionAndEndsWithTheLink()
        {
            var notified = new List<string>();
            EmulatedGatt gatt = Gatt(notified);
            string raw = GattUuid.Normalize(BleUuids.RawSamples);
            CollectionAssert.AreEqual(Convert.FromHexString("0100640008F401"), gatt.Read(raw).Value, "format: v1, off, 100 Hz, 8 g, 500 °/s");
            gatt.Subscribe(ControlPoint, true);
            gatt.Write(ControlPoint, new byte[] { 0x11 });
            CollectionAssert.AreEqual(new[] { ControlPoint + " 801104" }, notified, "Start without a Raw Samples subscription fails with status 4");
            Assert.IsFalse(gatt.Recording.IsOn);
            notified.Clear();
            Assert.IsTrue(gatt.Subscribe(raw, true).Success);
            gatt.Write(ControlPoint, new byte[] { 0x11 });
            CollectionAssert.AreEqual(new[] { ControlPoint + " 801101" }, notified);
            Assert.IsTrue(gatt.Recording.IsOn);
            Assert.AreEqual(0x01, gatt.Read(raw).Value[1], "the format read says recording");
            gatt.Write(ControlPoint, new byte[] { 0x12 });
            Assert.IsFalse(gatt.Recording.IsOn);
            gatt.Write(ControlPoint, new byte[] { 0x11 });
            gatt.Subscribe(raw, false);
            Assert.IsFalse(gatt.Recording.IsOn, "unsubscribing stops it");
            gatt.Subscribe(raw, true);
            gatt.Write(ControlPoint, new byte[] { 0x11 });
            gatt.Disconnected();
            Assert.IsFalse(gatt.Recording.IsOn, "a dropped link stops it");
        }

        [TestMethod]
        public void ConfigWritesAreValidatedWhole()
        {
            EmulatedGatt gatt = Gatt(new List<string>());
            byte[] before = gatt.Read(Config).Value;
            Assert.AreEqual(CodecStatus.AttInvalidLength, gatt.Write(Config, new byte[3]).AttError, "a write ending inside the hold time");
            Assert.AreEqual(CodecStatus.AttOutOfRange, gatt.Write(Config, Convert.FromHexString("512DD0070604030C")).AttError, "81° is out of range");
            CollectionAssert.AreEqual(before, gatt.Read(Config).Value, "a refused write changes nothing");
            Assert.IsTrue(gatt.Write(Config, Convert.FromHexString("192DD0070804030C")).Success);
            Assert.AreEqual(0x19, gatt.Read(Config).Value[0], "the settings read back are the ones written");
        }
    }
}
