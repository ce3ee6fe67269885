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
    public class RawSamplesCodecTests
    {
        [TestMethod]
        public void PacketsHoldAsManySamplesAsThePayloadAllows()
        {
            Assert.AreEqual(1, RawSamplesCodec.SamplesPerPacket(HistoryCodec.PayloadLengthForMtu(23)));
            Assert.AreEqual(14, RawSamplesCodec.SamplesPerPacket(HistoryCodec.PayloadLengthForMtu(185)));
            Assert.AreEqual(20, RawSamplesCodec.SamplesPerPacket(HistoryCodec.PayloadLengthForMtu(247)));
            Assert.AreEqual(20, RawSamplesCodec.SamplesPerPacket(HistoryCodec.PayloadLengthForMtu(517)));
            Assert.AreEqual(1, RawSamplesCodec.SamplesPerPacket(0), "never less than one");
            Assert.AreEqual(243, RawSamplesCodec.PacketLength(20));
        }

        [TestMethod]
        public void APacketDecodesToItsHeaderAndSamples()
        {
            byte[] packet = BleBytes.Hex("3412 01 0100 FFFF 0080 FF7F 0200 FEFF");
            int sequence;
            byte flags;
            int samples;
            Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodePacket(packet, 0, packet.Length, out sequence, out flags, out samples));
            Assert.AreEqual(0x1234, sequence);
            Assert.AreEqual(RawSamplesCodec.FlagStart, flags);
            Assert.AreEqual(1, samples);
            Assert.AreEqual((short)1, RawSamplesCodec.GetCount(packet, 0, 0, 0));
            Assert.AreEqual((short)-1, RawSamplesCodec.GetCount(packet, 0, 0, 1));
            Assert.AreEqual(short.MinValue, RawSamplesCodec.GetCount(packet, 0, 0, 2));
            Assert.AreEqual(short.MaxValue, RawSamplesCodec.GetCount(packet, 0, 0, 3));
            Assert.AreEqual((short)-2, RawSamplesCodec.GetCount(packet, 0, 0, 5));
        }

        [TestMethod]
        public void MalformedPacketsAreRefused()
        {
            int sequence;
            byte flags;
            int samples;
            Assert.AreEqual(CodecStatus.BadLength, RawSamplesCodec.DecodePacket(BleBytes.Hex("0000"), 0, 2, out sequence, out flags, out samples));
            Assert.AreEqual(CodecStatus.BadLength, RawSamplesCodec.DecodePacket(BleBytes.Hex("000000 0100"), 0, 5, out sequence, out flags, out samples), "half a sample");
            Assert.AreEqual(CodecStatus.OutOfRange, RawSamplesCodec.DecodePacket(BleBytes.Hex("000008"), 0, 3, out sequence, out flags, out samples), "a reserved flag");
            Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodePacket(BleBytes.Hex("000004"), 0, 3, out sequence, out flags, out samples), "an empty End packet");
            Assert.AreEqual(0, samples);
        }

        [TestMethod]
        public void MissingSamplesFollowFromTheSequenceAcrossTheWrap()
        {
            Assert.AreEqual(0, RawSamplesCodec.MissingBetween(100, 20, 120));
            Assert.AreEqual(40, RawSamplesCodec.MissingBetween(100, 20, 160));
            Assert.AreEqual(0, RawSamplesCodec.MissingBetween(65530, 6, 0));
            Assert.AreEqual(14, RawSamplesCodec.MissingBetween(65530, 6, 14));
        }

        [TestMethod]
        public void TheFormatCarriesRateAndRanges()
        {
            SensorConfig sensor = new SensorConfig();
            sensor.AccelRange = AccelRange.Range16G;
            sensor.GyroRange = GyroRange.Range2000Dps;
            sensor.SampleRateHz = 200;
            byte[] bytes = new byte[RawSamplesCodec.FormatLength];
            Assert.AreEqual(7, RawSamplesCodec.EncodeFormat(true, sensor, bytes, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("01 01 C800 10 D007"), bytes);

            SensorConfig back = new SensorConfig();
            bool recording;
            Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodeFormat(bytes, 0, bytes.Length, out recording, back));
            Assert.IsTrue(recording);
            Assert.AreEqual(200, back.SampleRateHz);
            Assert.AreEqual((int)AccelRange.Range16G, (int)back.AccelRange);
            Assert.AreEqual((int)GyroRange.Range2000Dps, (int)back.GyroRange);

            RawSamplesCodec.EncodeFormat(false, new SensorConfig(), bytes, 0);
            CollectionAssert.AreEqual(BleBytes.Hex("01 00 6400 08 F401"), bytes, "the defaults: 100 Hz, 8 g, 500 °/s");
        }

        [TestMethod]
        public void AFormatWithAnUnknownVersionOrRangeIsRefused()
        {
            bool recording;
            SensorConfig into = new SensorConfig();
            Assert.AreEqual(CodecStatus.OutOfRange, RawSamplesCodec.DecodeFormat(BleBytes.Hex("02 00 6400 08 F401"), 0, 7, out recording, into));
            Assert.AreEqual(CodecStatus.OutOfRange, RawSamplesCodec.DecodeFormat(BleBytes.Hex("01 02 6400 08 F401"), 0, 7, out recording, into));
            Assert.AreEqual(CodecStatus.OutOfRange, RawSamplesCodec.DecodeFormat(BleBytes.Hex("01 00 0000 08 F401"), 0, 7, out recording, into));
            Assert.AreEqual(CodecStatus.OutOfRange, RawSamplesCodec.DecodeFormat(BleBytes.Hex("01 00 6400 06 F401"), 0, 7, out recording, into));
            Assert.AreEqual(CodecStatus.OutOfRange, RawSamplesCodec.DecodeFormat(BleBytes.Hex("01 00 6400 08 F501"), 0, 7, out recording, into));
            Assert.AreEqual(CodecStatus.BadLength, RawSamplesCodec.DecodeFormat(BleBytes.Hex("01 00 6400 08 F4"), 0, 6, out recording, into));
            Assert.AreEqual(100, into.SampleRateHz, "a refused format changes nothing");
        }
    }
}
