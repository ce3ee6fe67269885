#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Storage;

namespace RetroWalk.Tests.Ble
{
    /// <summary>A history source of <c>count</c> consecutive hourly records from 2023-11-14 22:00 UTC.</summary>
    public sealed class ArrayHistory : IHistorySource
    {
        public const uint FirstHourEpochS = 1699999200;
        private readonly int _count;

        public ArrayHistory(int count)
        {
            _count = count;
        }

        public int Count
        {
            get { return _count; }
        }

        public void GetRecord(int index, out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps)
        {
            hourStartEpochS = FirstHourEpochS + (uint)index * 3600;
            forwardSteps = (ushort)(100 + index);
            backwardSteps = (ushort)(10 + index);
        }
    }

    [TestClass]
    public class HistoryCodecTests
    {
        [TestMethod]
        public void RecordMatchesTheDocumentedLayout()
        {
            byte[] buf = new byte[8];
            Assert.AreEqual(8, HistoryCodec.EncodeRecord(ArrayHistory.FirstHourEpochS, 100, 10, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("E0ED5365 6400 0A00"), buf);
        }

        [TestMethod]
        public void DefaultPayloadCarriesTwoRecordsThenTheTerminator()
        {
            var stream = new HistoryStream();
            stream.Begin(new ArrayHistory(5), 0, HistoryCodec.PayloadLengthForMtu(23));
            byte[] packet = new byte[HistoryCodec.MaxPayloadLength];
            int[] lengths = new int[5];
            for (int i = 0; i < lengths.Length; i++)
            {
                lengths[i] = stream.Next(packet, 0);
                if (i == 2)
                {
                    // third packet: record 4, then the terminator FFFFFFFF | 5 records | 0
                    CollectionAssert.AreEqual(BleBytes.Hex("20265465 6800 0E00 FFFFFFFF 0500 0000"), BleBytes.Head(packet, 16));
                }
            }

            Assert.AreEqual(16, lengths[0]);
            Assert.AreEqual(16, lengths[1]);
            Assert.AreEqual(16, lengths[2]);
            Assert.AreEqual(0, lengths[3]);
            Assert.IsFalse(stream.Active);
            Assert.AreEqual(5, stream.RecordsSent);
        }

        [TestMethod]
        public void LargerMtuPacksMoreRecordsAndSinceFiltersOldHours()
        {
            var stream = new HistoryStream();
            uint since = ArrayHistory.FirstHourEpochS + 2 * 3600;
            stream.Begin(new ArrayHistory(6), since, HistoryCodec.PayloadLengthForMtu(247));
            byte[] packet = new byte[HistoryCodec.MaxPayloadLength];
            int length = stream.Next(packet, 0);
            Assert.AreEqual(5 * 8, length);
            uint epoch;
            ushort forward;
            ushort backward;
            Assert.AreEqual(CodecStatus.Ok, HistoryCodec.DecodeRecord(packet, 0, length, 0, out epoch, out forward, out backward));
            Assert.AreEqual(since, epoch);
            Assert.AreEqual((ushort)102, forward);
            Assert.AreEqual((ushort)12, backward);
            Assert.AreEqual(CodecStatus.Ok, HistoryCodec.DecodeRecord(packet, 0, length, 4, out epoch, out forward, out backward));
            Assert.AreEqual(HistoryCodec.TerminatorEpoch, epoch);
            Assert.AreEqual((ushort)4, forward);
            Assert.AreEqual(0, stream.Next(packet, 0));
        }

        [TestMethod]
        public void EmptyHistoryStillSendsATerminator()
        {
            var stream = new HistoryStream();
            stream.Begin(new ArrayHistory(0), 0, 20);
            byte[] packet = new byte[20];
            Assert.AreEqual(8, stream.Next(packet, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("FFFFFFFF 0000 0000"), BleBytes.Head(packet, 8));
            Assert.AreEqual(0, stream.Next(packet, 0));
        }

        [TestMethod]
        public void PayloadFollowsTheMtuWithinLimits()
        {
            Assert.AreEqual(20, HistoryCodec.PayloadLengthForMtu(23));
            Assert.AreEqual(20, HistoryCodec.PayloadLengthForMtu(0));
            Assert.AreEqual(97, HistoryCodec.PayloadLengthForMtu(100));
            Assert.AreEqual(244, HistoryCodec.PayloadLengthForMtu(517));
        }

        [TestMethod]
        public void RecordDecodingChecksTheNotificationLength()
        {
            uint epoch;
            ushort forward;
            ushort backward;
            byte[] buf = new byte[16];
            Assert.AreEqual(CodecStatus.BadLength, HistoryCodec.DecodeRecord(buf, 0, 12, 0, out epoch, out forward, out backward));
            Assert.AreEqual(CodecStatus.BadLength, HistoryCodec.DecodeRecord(buf, 0, 16, 2, out epoch, out forward, out backward));
            Assert.AreEqual(CodecStatus.BadLength, HistoryCodec.DecodeRecord(buf, 0, 24, 0, out epoch, out forward, out backward));
        }
    }
}
