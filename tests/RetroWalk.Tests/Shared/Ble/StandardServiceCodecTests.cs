#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    /// <summary>Immediate Alert, Local Time Information and Battery Level.</summary>
    [TestClass]
    public class StandardServiceCodecTests
    {
        [TestMethod]
        public void AlertLevelsZeroToTwoAreAcceptedAndOnlyMildAndHighSignal()
        {
            byte level;
            Assert.AreEqual(CodecStatus.Ok, AlertLevelCodec.Decode(BleBytes.Hex("02"), 0, 1, out level));
            Assert.AreEqual(AlertLevelCodec.HighAlert, level);
            Assert.IsTrue(AlertLevelCodec.Signals(level));
            Assert.AreEqual(CodecStatus.Ok, AlertLevelCodec.Decode(BleBytes.Hex("01"), 0, 1, out level));
            Assert.IsTrue(AlertLevelCodec.Signals(level));
            Assert.AreEqual(CodecStatus.Ok, AlertLevelCodec.Decode(BleBytes.Hex("00"), 0, 1, out level));
            Assert.IsFalse(AlertLevelCodec.Signals(level));
            Assert.AreEqual(CodecStatus.OutOfRange, AlertLevelCodec.Decode(BleBytes.Hex("03"), 0, 1, out level));
            Assert.AreEqual(CodecStatus.BadLength, AlertLevelCodec.Decode(BleBytes.Hex("0100"), 0, 2, out level));
        }

        [TestMethod]
        public void LocalTimeInformationAddsTheDstOffsetToTheTimeZone()
        {
            // Central European Summer Time: zone +1 h (04), DST +1 h (04) -> local = UTC + 2 h = 8 quarter hours.
            int offset;
            byte dst;
            Assert.AreEqual(CodecStatus.Ok, LocalTimeInfoCodec.Decode(BleBytes.Hex("04 04"), 0, 2, out offset, out dst));
            Assert.AreEqual(8, offset);
            Assert.AreEqual(4, dst);

            byte[] buf = new byte[2];
            Assert.AreEqual(2, LocalTimeInfoCodec.Encode(offset, dst, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("04 04"), buf);

            // UTC-5 standard time (New York in winter): EC 00.
            Assert.AreEqual(CodecStatus.Ok, LocalTimeInfoCodec.Decode(BleBytes.Hex("EC 00"), 0, 2, out offset, out dst));
            Assert.AreEqual(-20, offset);
            // India, +5:30 = 22 quarter hours.
            Assert.AreEqual(CodecStatus.Ok, LocalTimeInfoCodec.Decode(BleBytes.Hex("16 00"), 0, 2, out offset, out dst));
            Assert.AreEqual(22, offset);
        }

        [TestMethod]
        public void UnknownOrUndefinedLocalTimeValuesAreRefused()
        {
            int offset;
            byte dst;
            string[] bad =
            {
                "80 00", // time zone unknown
                "04 FF", // DST unknown
                "04 01", // DST 15 min: not defined
                "39 00", // +57 quarter hours
                "CF 00", // -49
                "38 04", // +14 h plus an hour of DST: beyond the Config range
            };
            for (int i = 0; i < bad.Length; i++)
            {
                Assert.AreEqual(CodecStatus.OutOfRange, LocalTimeInfoCodec.Decode(BleBytes.Hex(bad[i]), 0, 2, out offset, out dst), bad[i]);
            }

            Assert.AreEqual(CodecStatus.BadLength, LocalTimeInfoCodec.Decode(BleBytes.Hex("04"), 0, 1, out offset, out dst));
        }

        [TestMethod]
        public void BatteryLevelIsOneBytePercent()
        {
            byte[] buf = new byte[1];
            Assert.AreEqual(1, BatteryLevelCodec.Encode(57, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("39"), buf);
            Assert.AreEqual(1, BatteryLevelCodec.Encode(130, buf, 0));
            Assert.AreEqual(100, buf[0]);
            byte percent;
            Assert.AreEqual(CodecStatus.Ok, BatteryLevelCodec.Decode(BleBytes.Hex("64"), 0, 1, out percent));
            Assert.AreEqual(100, percent);
            Assert.AreEqual(CodecStatus.OutOfRange, BatteryLevelCodec.Decode(BleBytes.Hex("65"), 0, 1, out percent));
            Assert.AreEqual(CodecStatus.BadLength, BatteryLevelCodec.Decode(BleBytes.Hex("6400"), 0, 2, out percent));
        }
    }
}
