#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class CurrentTimeCodecTests
    {
        // 2024-02-29 13:45:30, a Thursday (ISO day 4).
        private const uint LeapDayEpochS = 1709214330;

        [TestMethod]
        public void CurrentTimeMatchesTheSigLayout()
        {
            byte[] buf = new byte[10];
            Assert.AreEqual(10, CurrentTimeCodec.Encode(LeapDayEpochS, 0, CurrentTimeCodec.AdjustManual, buf, 0));
            // year 2024 | Feb | 29 | 13:45:30 | Thursday | fractions 0 | manual adjust
            CollectionAssert.AreEqual(BleBytes.Hex("E807 02 1D 0D 2D 1E 04 00 01"), buf);
            uint decoded;
            Assert.AreEqual(CodecStatus.Ok, CurrentTimeCodec.Decode(buf, 0, 10, out decoded));
            Assert.AreEqual(LeapDayEpochS, decoded);
        }

        [TestMethod]
        public void UnknownDayOfWeekIsAccepted()
        {
            uint decoded;
            Assert.AreEqual(CodecStatus.Ok, CurrentTimeCodec.Decode(BleBytes.Hex("E807 02 1D 0D 2D 1E 00 80 00"), 0, 10, out decoded));
            Assert.AreEqual(LeapDayEpochS, decoded);
        }

        [TestMethod]
        public void ImpossibleTimesAreRejected()
        {
            string[] bad =
            {
                "E807 02 1E 0D 2D 1E 00 00 00", // 30 February
                "E707 02 1D 0D 2D 1E 00 00 00", // 29 February 2023
                "E807 0D 01 0D 2D 1E 00 00 00", // month 13
                "E807 00 01 0D 2D 1E 00 00 00", // month 0
                "E807 02 00 0D 2D 1E 00 00 00", // day 0
                "E807 02 1D 18 2D 1E 00 00 00", // hour 24
                "E807 02 1D 0D 3C 1E 00 00 00", // minute 60
                "E807 02 1D 0D 2D 3C 00 00 00", // second 60
                "E807 02 1D 0D 2D 1E 05 00 00", // Friday, but it was a Thursday
                "E807 02 1D 0D 2D 1E 08 00 00", // day of week 8
                "CF07 01 01 00 00 00 00 00 00", // 1999: an unset phone clock
                "0000 00 00 00 00 00 00 00 00", // all unknown
                "3A08 01 01 00 00 00 00 00 00", // 2106: past the u32 epoch
            };
            for (int i = 0; i < bad.Length; i++)
            {
                uint decoded = 1;
                Assert.AreEqual(CodecStatus.OutOfRange, CurrentTimeCodec.Decode(BleBytes.Hex(bad[i]), 0, 10, out decoded), bad[i]);
                Assert.AreEqual(0u, decoded);
            }

            uint ignored;
            Assert.AreEqual(CodecStatus.BadLength, CurrentTimeCodec.Decode(BleBytes.Hex("E807 02 1D 0D 2D 1E 04 00"), 0, 9, out ignored));
        }

        [TestMethod]
        public void CalendarArithmeticMatchesKnownDates()
        {
            Assert.AreEqual(0, CurrentTimeCodec.DaysFromCivil(1970, 1, 1));
            Assert.AreEqual(10957, CurrentTimeCodec.DaysFromCivil(2000, 1, 1));
            Assert.AreEqual(19782, CurrentTimeCodec.DaysFromCivil(2024, 2, 29));
            Assert.AreEqual(4, CurrentTimeCodec.IsoDayOfWeek(0));
            Assert.AreEqual(6, CurrentTimeCodec.IsoDayOfWeek(10957));
            int year;
            int month;
            int day;
            CurrentTimeCodec.CivilFromDays(19782, out year, out month, out day);
            Assert.AreEqual(2024, year);
            Assert.AreEqual(2, month);
            Assert.AreEqual(29, day);
            Assert.AreEqual(-18000, CurrentTimeCodec.UtcOffsetSeconds(-20));
        }
    }
}
