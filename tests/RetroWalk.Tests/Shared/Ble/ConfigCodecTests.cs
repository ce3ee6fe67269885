#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class ConfigCodecTests
    {
        private static DeviceSettings Sample()
        {
            var s = new DeviceSettings();
            s.TiltWarningBackwardDeg = 30;
            s.TiltWarningForwardDeg = 45;
            s.TiltHoldMs = 2000;
            s.StepsToStartWalk = 6;
            s.ForwardAxis = MountAxis.PlusZ;
            s.Flags = DeviceSettings.FlagBtHomeAdvertising | DeviceSettings.FlagDailyReset;
            s.UtcOffsetQuarterHours = -20;
            return s;
        }

        [TestMethod]
        public void ConfigMatchesTheDocumentedLayoutAndRoundTrips()
        {
            byte[] buf = new byte[8];
            Assert.AreEqual(8, ConfigCodec.Encode(Sample(), buf, 0));
            // 30° | 45° | 2000 ms | 6 steps | +Z | BTHome + daily reset | UTC-5 (-20 quarter hours)
            CollectionAssert.AreEqual(BleBytes.Hex("1E 2D D007 06 04 03 EC"), buf);

            var decoded = new DeviceSettings();
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(buf, 0, 8, new DeviceSettings(), decoded));
            Assert.AreEqual(30, decoded.TiltWarningBackwardDeg);
            Assert.AreEqual(45, decoded.TiltWarningForwardDeg);
            Assert.AreEqual(2000, decoded.TiltHoldMs);
            Assert.AreEqual(6, decoded.StepsToStartWalk);
            Assert.AreEqual((byte)MountAxis.PlusZ, (byte)decoded.ForwardAxis);
            Assert.IsTrue(decoded.BtHomeAdvertising);
            Assert.IsTrue(decoded.DailyReset);
            Assert.AreEqual(-20, decoded.UtcOffsetQuarterHours);
        }

        [TestMethod]
        public void EachOutOfRangeFieldRejectsTheWholeWriteAndChangesNothing()
        {
            string[] bad =
            {
                "04 2D D007 06 04 03 EC", // backward angle below 5°
                "1E 51 D007 06 04 03 EC", // forward angle above 80°
                "1E 2D 6300 06 04 03 EC", // hold 99 ms
                "1E 2D 1127 06 04 03 EC", // hold 10001 ms
                "1E 2D D007 00 04 03 EC", // 0 steps to start
                "1E 2D D007 15 04 03 EC", // 21 steps to start
                "1E 2D D007 06 07 03 EC", // unknown axis
                "1E 2D D007 06 04 04 EC", // reserved flag bit
                "1E 2D D007 06 04 03 CF", // UTC-12:15
                "1E 2D D007 06 04 03 39", // UTC+14:15
            };
            for (int i = 0; i < bad.Length; i++)
            {
                DeviceSettings current = Sample();
                Assert.AreEqual(CodecStatus.OutOfRange, ConfigCodec.Decode(BleBytes.Hex(bad[i]), 0, 8, new DeviceSettings(), current), bad[i]);
                Assert.AreEqual(30, current.TiltWarningBackwardDeg);
                Assert.AreEqual(6, current.StepsToStartWalk);
                Assert.AreEqual(-20, current.UtcOffsetQuarterHours);
            }
        }

        [TestMethod]
        public void ConfigOfTheWrongLengthIsRejected()
        {
            DeviceSettings current = Sample();
            byte[] nine = BleBytes.Hex("1E 2D D007 06 04 03 EC 00");
            Assert.AreEqual(CodecStatus.BadLength, ConfigCodec.Decode(nine, 0, 9, new DeviceSettings(), current));
            Assert.AreEqual(CodecStatus.BadLength, ConfigCodec.Decode(nine, 0, 7, new DeviceSettings(), current));
            Assert.AreEqual(45, current.TiltWarningForwardDeg);
        }

        [TestMethod]
        public void RangeLimitsThemselvesAreAccepted()
        {
            var decoded = new DeviceSettings();
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(BleBytes.Hex("05 50 6400 01 06 00 D0"), 0, 8, new DeviceSettings(), decoded));
            Assert.AreEqual(-48, decoded.UtcOffsetQuarterHours);
            Assert.AreEqual((byte)MountAxis.Unknown, (byte)decoded.ForwardAxis);
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(BleBytes.Hex("50 05 1027 14 00 01 38"), 0, 8, new DeviceSettings(), decoded));
            Assert.AreEqual(56, decoded.UtcOffsetQuarterHours);
            Assert.AreEqual(10000, decoded.TiltHoldMs);
            Assert.AreEqual(20, decoded.StepsToStartWalk);
        }
    }
}
