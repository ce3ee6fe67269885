#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Status;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class StatusCodecTests
    {
        [TestMethod]
        public void StepsAreU32LittleEndianAndRoundTrip()
        {
            byte[] buf = new byte[6];
            Assert.AreEqual(4, StatusCodec.EncodeSteps(0x12345678u, buf, 1));
            CollectionAssert.AreEqual(BleBytes.Hex("00 78 56 34 12 00"), buf);
            uint steps;
            Assert.AreEqual(CodecStatus.Ok, StatusCodec.DecodeSteps(buf, 1, 4, out steps));
            Assert.AreEqual(0x12345678u, steps);
        }

        [TestMethod]
        public void StepsRejectWrongLengthsAndShortBuffers()
        {
            uint steps;
            byte[] buf = new byte[5];
            Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeSteps(buf, 0, 3, out steps));
            Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeSteps(buf, 0, 5, out steps));
            Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeSteps(buf, 2, 4, out steps));
            Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeSteps(null, 0, 4, out steps));
            Assert.AreEqual(0, StatusCodec.EncodeSteps(1u, buf, 2));
        }

        [TestMethod]
        public void SnapshotMatchesTheDocumentedLayout()
        {
            byte[] buf = new byte[20];
            Assert.AreEqual(14, StatusCodec.EncodeSnapshot(BleBytes.SampleStatus(), buf, 0));
            // fwd 1234 | bwd 567 | reset 1700000000 | cadence 96 | direction 2 (backward)
            CollectionAssert.AreEqual(BleBytes.Hex("D2040000 37020000 00F15365 60 02"), BleBytes.Head(buf, 14));

            var decoded = new TrackerStatus();
            Assert.AreEqual(CodecStatus.Ok, StatusCodec.DecodeSnapshot(buf, 0, 14, decoded));
            Assert.AreEqual(1234u, decoded.ForwardSteps);
            Assert.AreEqual(567u, decoded.BackwardSteps);
            Assert.AreEqual(1700000000u, decoded.ResetEpochS);
            Assert.AreEqual((byte)96, decoded.CadenceSpm);
            Assert.AreEqual((byte)2, (byte)decoded.Direction);
        }

        [TestMethod]
        public void SnapshotWithAnUnknownDirectionIsRejectedAndChangesNothing()
        {
            byte[] buf = BleBytes.Hex("D2040000 37020000 00F15365 60 03");
            var decoded = new TrackerStatus();
            Assert.AreEqual(CodecStatus.OutOfRange, StatusCodec.DecodeSnapshot(buf, 0, 14, decoded));
            Assert.AreEqual(0u, decoded.ForwardSteps);
            Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeSnapshot(buf, 0, 13, decoded));
        }

        [TestMethod]
        public void TiltAlarmMatchesTheDocumentedLayout()
        {
            byte[] buf = new byte[5];
            Assert.AreEqual(5, StatusCodec.EncodeTiltAlarm(BleBytes.SampleStatus(), buf, 0));
            // tilt -5.0° | direction backward | fall alarm | clock synced
            CollectionAssert.AreEqual(BleBytes.Hex("CEFF 02 02 01"), buf);

            var decoded = new TrackerStatus();
            Assert.AreEqual(CodecStatus.Ok, StatusCodec.DecodeTiltAlarm(buf, 0, 5, decoded));
            Assert.AreEqual((short)-50, decoded.TiltDeciDeg);
            Assert.AreEqual((byte)2, (byte)decoded.TiltDirection);
            Assert.AreEqual((byte)2, (byte)decoded.Alarm);
            Assert.IsTrue(decoded.ClockSynced);
        }

        [TestMethod]
        public void TiltAlarmRejectsUnknownEnumsAndReservedFlags()
        {
            var decoded = new TrackerStatus();
            Assert.AreEqual(CodecStatus.OutOfRange, StatusCodec.DecodeTiltAlarm(BleBytes.Hex("0000 04 00 00"), 0, 5, decoded));
            Assert.AreEqual(CodecStatus.OutOfRange, StatusCodec.DecodeTiltAlarm(BleBytes.Hex("0000 00 03 00"), 0, 5, decoded));
            Assert.AreEqual(CodecStatus.OutOfRange, StatusCodec.DecodeTiltAlarm(BleBytes.Hex("0000 00 00 02"), 0, 5, decoded));
            Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeTiltAlarm(BleBytes.Hex("0000 00 00"), 0, 4, decoded));
        }

        [TestMethod]
        public void SessionCadenceAndTiltMatchTheDocumentedLayouts()
        {
            TrackerStatus status = BleBytes.SampleStatus();
            byte[] buf = new byte[8];
            Assert.AreEqual(8, StatusCodec.EncodeSession(status, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("58020000 2A00 0300"), buf);
            var decoded = new TrackerStatus();
            Assert.AreEqual(CodecStatus.Ok, StatusCodec.DecodeSession(buf, 0, 8, decoded));
            Assert.AreEqual(600u, decoded.BackwardWalkingS);
            Assert.AreEqual((ushort)42, decoded.LongestBackwardStreakSteps);
            Assert.AreEqual((ushort)3, decoded.BackwardIntervals);

            Assert.AreEqual(1, StatusCodec.EncodeCadence(status, buf, 0));
            Assert.AreEqual((byte)0x60, buf[0]);
            Assert.AreEqual(CodecStatus.Ok, StatusCodec.DecodeCadence(buf, 0, 1, decoded));
            Assert.AreEqual((byte)96, decoded.CadenceSpm);

            Assert.AreEqual(2, StatusCodec.EncodeTilt(status, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("CEFF"), BleBytes.Head(buf, 2));
            Assert.AreEqual(CodecStatus.Ok, StatusCodec.DecodeTilt(buf, 0, 2, decoded));
            Assert.AreEqual((short)-50, decoded.TiltDeciDeg);
        }
    }
}
