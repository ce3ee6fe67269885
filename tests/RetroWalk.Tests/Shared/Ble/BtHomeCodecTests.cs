#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class BtHomeCodecTests
    {
        private const string SampleServiceData = "D2FC 40 0007 2601 2600 2800 3E D2040000 3E 37020000 3F CEFF";

        [TestMethod]
        public void ServiceDataMatchesTheBtHomeV2Layout()
        {
            byte[] buf = new byte[24];
            Assert.AreEqual(24, BtHomeCodec.EncodeServiceData(BleBytes.SampleStatus(), buf, 0));
            // UUID FCD2 | v2 unencrypted | packet 7 | problem_1 (fall) 1 | problem_2 (device fault) 0 | safety (tilt) 0 |
            // count 1234 | count 567 | rotation -5.0°
            CollectionAssert.AreEqual(BleBytes.Hex(SampleServiceData), buf);

            TrackerStatus withBattery = BleBytes.SampleStatus();
            withBattery.BatteryPercent = 100;
            withBattery.HealthFault = true;
            buf = new byte[26];
            Assert.AreEqual(26, BtHomeCodec.EncodeServiceData(withBattery, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("D2FC 40 0007 0164 2601 2601 2800 3E D2040000 3E 37020000 3F CEFF"), buf);
            var reading = new BtHomeReading();
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(buf, 0, 26, reading));
            Assert.IsTrue(reading.HasDeviceProblem);
            Assert.IsTrue(reading.DeviceProblem);
            Assert.AreEqual(100, reading.BatteryPercent);
            Assert.IsFalse(reading.OutOfOrder);
        }

        [TestMethod]
        public void DecoderReadsWhatHomeAssistantShows()
        {
            var reading = new BtHomeReading();
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(BleBytes.Hex(SampleServiceData), 0, 24, reading));
            Assert.AreEqual(7, reading.PacketId);
            Assert.IsTrue(reading.HasProblem);
            Assert.IsTrue(reading.Problem);
            Assert.IsTrue(reading.HasDeviceProblem);
            Assert.IsFalse(reading.DeviceProblem);
            Assert.IsTrue(reading.HasSafety);
            Assert.IsFalse(reading.Unsafe);
            Assert.AreEqual(2, reading.CountCount);
            Assert.AreEqual(1234u, reading.Counts[0]);
            Assert.AreEqual(567u, reading.Counts[1]);
            Assert.IsTrue(reading.HasRotation);
            Assert.AreEqual((short)-50, reading.RotationDeciDeg);
            Assert.AreEqual(-1, reading.BatteryPercent);
            Assert.IsFalse(reading.OutOfOrder);
        }

        [TestMethod]
        public void AFallAlarmADeviceFaultAndATiltWarningAreSeparateObjects()
        {
            TrackerStatus status = BleBytes.SampleStatus();
            byte[] buf = new byte[24];
            status.Alarm = AlarmLevel.None;
            BtHomeCodec.EncodeServiceData(status, buf, 0);
            Assert.AreEqual((byte)0, buf[6]);
            Assert.AreEqual((byte)0, buf[8]);
            Assert.AreEqual((byte)0, buf[10]);
            status.Alarm = AlarmLevel.TiltWarning;
            BtHomeCodec.EncodeServiceData(status, buf, 0);
            Assert.AreEqual((byte)0, buf[6]);
            Assert.AreEqual((byte)0, buf[8]);
            Assert.AreEqual((byte)1, buf[10]);
            status.Alarm = AlarmLevel.FallAlarm;
            BtHomeCodec.EncodeServiceData(status, buf, 0);
            Assert.AreEqual((byte)1, buf[6]);
            Assert.AreEqual((byte)0, buf[8]);
            Assert.AreEqual((byte)0, buf[10]);
            status.Alarm = AlarmLevel.None;
            status.HealthFault = true;
            BtHomeCodec.EncodeServiceData(status, buf, 0);
            Assert.AreEqual((byte)0, buf[6]);
            Assert.AreEqual((byte)1, buf[8]);
            Assert.AreEqual((byte)0, buf[10]);
            var reading = new BtHomeReading();
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(buf, 0, 24, reading));
            Assert.IsFalse(reading.Problem, "the fall alarm is problem_1");
            Assert.IsTrue(reading.DeviceProblem, "the device fault is problem_2");
        }

        [TestMethod]
        public void DecoderHandlesOtherDevicesAndRefusesWhatItCannotRead()
        {
            var reading = new BtHomeReading();
            // A Bangle.js battery advert: packet 5, battery 87 %.
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 0005 0157"), 0, 7, reading));
            Assert.AreEqual(5, reading.PacketId);
            Assert.AreEqual(87, reading.BatteryPercent);
            Assert.AreEqual(CodecStatus.Unsupported, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 41 0005"), 0, 5, reading));
            Assert.AreEqual(CodecStatus.OutOfRange, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 20 0005"), 0, 5, reading));
            Assert.AreEqual(CodecStatus.OutOfRange, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D3FC 40 0005"), 0, 5, reading));
            Assert.AreEqual(CodecStatus.Unsupported, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 F0 00"), 0, 5, reading));
            Assert.AreEqual(CodecStatus.BadLength, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 3E D20400"), 0, 7, reading));
            Assert.AreEqual(CodecStatus.BadLength, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC"), 0, 2, reading));
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 0157 0005"), 0, 7, reading));
            Assert.IsTrue(reading.OutOfOrder);
        }

        [TestMethod]
        public void DecoderSkipsObjectsItDoesNotStoreBySize()
        {
            var reading = new BtHomeReading();
            // CO2 (0x12, 2 bytes), then battery.
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 12E803 0157"), 0, 8, reading));
            Assert.AreEqual(87, reading.BatteryPercent);
            // Text (0x53, a length byte then 3 characters), then battery.
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 5303414243 0157"), 0, 10, reading));
            Assert.AreEqual(87, reading.BatteryPercent);
            // A text object whose length runs past the end.
            Assert.AreEqual(CodecStatus.BadLength, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 5309414243"), 0, 8, reading));
            // 0x30 is unassigned.
            Assert.AreEqual(CodecStatus.Unsupported, BtHomeCodec.DecodeServiceData(BleBytes.Hex("D2FC 40 3000"), 0, 5, reading));
        }
    }
}
