#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Storage;

namespace RetroWalk.Tests.Ble
{
    /// <summary>
    /// A History transfer walks the hourly history by hour key (issue 11): hours dropped or added while it runs never
    /// make it skip or repeat a record.
    /// </summary>
    [TestClass]
    public class HistoryTransferTests
    {
        private const uint FirstHourS = 1777593600; // 2026-05-01T00:00:00Z
        private const uint HourS = 3600;

        private static HourlyHistory FullWeek()
        {
            HourlyHistory h = new HourlyHistory();
            for (int i = 0; i < HourlyHistory.Capacity; i++)
            {
                h.AddSteps(FirstHourS + (uint)i * HourS, 100 + i, i);
            }

            return h;
        }

        /// <summary>Reads one notification and checks that each record is the hour after the last one seen.</summary>
        private static int ReadPacket(HistoryStream stream, byte[] buf, ref uint expectedHourS, ref bool terminated)
        {
            int length = stream.Next(buf, 0);
            for (int r = 0; r < length / HistoryCodec.RecordLength; r++)
            {
                uint epoch;
                ushort forward;
                ushort backward;
                Assert.AreEqual(CodecStatus.Ok, HistoryCodec.DecodeRecord(buf, 0, length, r, out epoch, out forward, out backward));
                if (epoch == HistoryCodec.TerminatorEpoch)
                {
                    terminated = true;
                    return forward;
                }

                Assert.AreEqual(expectedHourS, epoch, "a record was skipped or repeated");
                expectedHourS += HourS;
            }

            return -1;
        }

        [TestMethod]
        public void DroppingTheOldestHourDuringATransferSkipsNothing()
        {
            HourlyHistory history = FullWeek();
            HistoryStream stream = new HistoryStream();
            stream.Begin(history, 0, HistoryCodec.DefaultPayloadLength);
            byte[] buf = new byte[HistoryCodec.DefaultPayloadLength];
            uint nextHourS = FirstHourS;
            bool terminated = false;
            int total = -1;
            int packets = 0;
            while (!terminated)
            {
                total = ReadPacket(stream, buf, ref nextHourS, ref terminated);
                packets++;
                if (packets == 1 || packets == 30)
                {
                    // A new hour begins mid-transfer: the oldest one falls out of the 7 days.
                    uint newHour = FirstHourS + (uint)(HourlyHistory.Capacity + (packets == 1 ? 0 : 1)) * HourS;
                    history.AddSteps(newHour, 5, 5);
                }
            }

            Assert.AreEqual(FirstHourS + (uint)(HourlyHistory.Capacity + 2) * HourS, nextHourS, "every hour up to the newest was sent once");
            Assert.AreEqual(HourlyHistory.Capacity + 2, total, "the terminator counts the records sent");
        }

        [TestMethod]
        public void ATransferSinceAnHourStartsThereAndAnHourAddedMeanwhileFollows()
        {
            HourlyHistory history = FullWeek();
            HistoryStream stream = new HistoryStream();
            uint since = FirstHourS + 100 * HourS;
            stream.Begin(history, since, HistoryCodec.MaxPayloadLength);
            byte[] buf = new byte[HistoryCodec.MaxPayloadLength];
            uint nextHourS = since;
            bool terminated = false;
            ReadPacket(stream, buf, ref nextHourS, ref terminated);
            Assert.AreEqual(since + 30 * HourS, nextHourS, "30 records fill a 244-byte notification");
            history.AddSteps(FirstHourS + (uint)HourlyHistory.Capacity * HourS, 1, 1);
            int total = -1;
            while (!terminated)
            {
                total = ReadPacket(stream, buf, ref nextHourS, ref terminated);
            }

            Assert.AreEqual(HourlyHistory.Capacity - 100 + 1, total);
            Assert.AreEqual(FirstHourS + (uint)(HourlyHistory.Capacity + 1) * HourS, nextHourS);
        }
    }
}
