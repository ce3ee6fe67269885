#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Storage;
using RetroWalk.Tests.Ble;

namespace RetroWalk.Tests.Health
{
    /// <summary>The Health payload (docs/ble.md, "Health"): layout, round trip, refusal of bad values, the fault flag.</summary>
    [TestClass]
    public class HealthCodecTests
    {
        private static DeviceHealth Sample()
        {
            DeviceHealth h = new DeviceHealth();
            h.Sensor = SensorHealth.Silent;
            h.LastSave = SaveOutcome.Failed;
            h.Restore = RestoreOutcome.RestoredOlder;
            h.UptimeS = 93784;
            h.I2cErrors = 70000;
            h.FifoResyncs = 3;
            h.FifoOverflows = 2;
            h.FailedSaves = 181;
            h.SensorReinits = 1;
            return h;
        }

        [TestMethod]
        public void PayloadMatchesTheDocumentedLayout()
        {
            byte[] buf = new byte[HealthCodec.Length];
            Assert.AreEqual(20, HealthCodec.Encode(Sample(), buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("05 02 01 01 586E0100 70110100 0300 0200 B500 0100"), buf);
        }

        [TestMethod]
        public void WhatIsEncodedDecodesBack()
        {
            byte[] buf = new byte[HealthCodec.Length + 3];
            DeviceHealth h = Sample();
            Assert.AreEqual(HealthCodec.Length, HealthCodec.Encode(h, buf, 3));
            DeviceHealth back = new DeviceHealth();
            Assert.AreEqual(CodecStatus.Ok, HealthCodec.Decode(buf, 3, HealthCodec.Length, back));
            Assert.AreEqual((int)h.Sensor, (int)back.Sensor);
            Assert.AreEqual((int)h.LastSave, (int)back.LastSave);
            Assert.AreEqual((int)h.Restore, (int)back.Restore);
            Assert.AreEqual(h.UptimeS, back.UptimeS);
            Assert.AreEqual(h.I2cErrors, back.I2cErrors);
            Assert.AreEqual(h.FifoResyncs, back.FifoResyncs);
            Assert.AreEqual(h.FifoOverflows, back.FifoOverflows);
            Assert.AreEqual(h.FailedSaves, back.FailedSaves);
            Assert.AreEqual(h.SensorReinits, back.SensorReinits);
        }

        [TestMethod]
        public void TheFaultFlagFollowsWhatNeedsAttention()
        {
            DeviceHealth h = new DeviceHealth();
            h.Restore = RestoreOutcome.Fresh;
            h.LastSave = SaveOutcome.Saved;
            h.I2cErrors = 12; // retried errors alone are no fault
            byte[] buf = new byte[HealthCodec.Length];
            HealthCodec.Encode(h, buf, 0);
            Assert.IsFalse(h.HasFault);
            Assert.IsFalse(HealthCodec.FaultFlag(buf, 0, buf.Length));

            h.Sensor = SensorHealth.BusError;
            HealthCodec.Encode(h, buf, 0);
            Assert.IsTrue(HealthCodec.FaultFlag(buf, 0, buf.Length), "sensor");
            h.Sensor = SensorHealth.Ok;
            h.LastSave = SaveOutcome.Failed;
            Assert.IsTrue(h.HasFault, "failed save");
            h.LastSave = SaveOutcome.Saved;
            h.Restore = RestoreOutcome.Unreadable;
            Assert.IsTrue(h.HasFault, "nothing restored from a damaged store");
        }

        [TestMethod]
        public void BadLengthsAndValuesAreRefusedAndLeaveTheTargetUntouched()
        {
            byte[] good = new byte[HealthCodec.Length];
            HealthCodec.Encode(Sample(), good, 0);
            DeviceHealth into = new DeviceHealth();
            Assert.AreEqual(CodecStatus.BadLength, HealthCodec.Decode(good, 0, 19, into));
            Assert.AreEqual(CodecStatus.BadLength, HealthCodec.Decode(good, 1, 20, into), "past the end of the buffer");
            int[] offsets = { 0, 1, 2, 3 };
            byte[] bad = { 6, 3, 4, 2 };
            for (int i = 0; i < offsets.Length; i++)
            {
                byte[] b = new byte[HealthCodec.Length];
                HealthCodec.Encode(Sample(), b, 0);
                b[offsets[i]] = bad[i];
                Assert.AreEqual(CodecStatus.OutOfRange, HealthCodec.Decode(b, 0, b.Length, into), "byte " + offsets[i].ToString());
            }

            Assert.AreEqual(0u, into.UptimeS, "untouched");
            Assert.AreEqual(0, HealthCodec.Encode(Sample(), new byte[19], 0), "does not fit");
        }

        [TestMethod]
        public void CountsSaturateInTheirFields()
        {
            Assert.AreEqual((ushort)65535, HealthCodec.Count16(int.MaxValue));
            Assert.AreEqual((ushort)7, HealthCodec.Count16(7));
            Assert.AreEqual(uint.MaxValue, HealthCodec.Count32(long.MaxValue));
        }
    }
}
