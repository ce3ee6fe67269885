#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class ControlPointCodecTests
    {
        [TestMethod]
        public void SingleByteOpsDecodeWithoutArgument()
        {
            byte op;
            uint argument;
            Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(BleBytes.Hex("01"), 0, 1, out op, out argument));
            Assert.AreEqual(ControlOp.ResetCounts, op);
            Assert.AreEqual(0u, argument);
            Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(BleBytes.Hex("02"), 0, 1, out op, out argument));
            Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(BleBytes.Hex("03"), 0, 1, out op, out argument));
            Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(BleBytes.Hex("04"), 0, 1, out op, out argument));
            Assert.AreEqual(ControlOp.RecaptureUpright, op);
        }

        [TestMethod]
        public void RequestHistoryCarriesAU32Epoch()
        {
            byte op;
            uint argument;
            byte[] request = BleBytes.Hex("10 00F15365");
            Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(request, 0, 5, out op, out argument));
            Assert.AreEqual(ControlOp.RequestHistory, op);
            Assert.AreEqual(1700000000u, argument);

            byte[] encoded = new byte[5];
            Assert.AreEqual(5, ControlPointCodec.EncodeRequest(ControlOp.RequestHistory, 1700000000u, encoded, 0));
            CollectionAssert.AreEqual(request, encoded);
        }

        [TestMethod]
        public void WrongLengthsAreBadParametersAndUnknownOpsUnsupported()
        {
            byte op;
            uint argument;
            Assert.AreEqual(ControlStatus.BadParameter, ControlPointCodec.DecodeRequest(new byte[0], 0, 0, out op, out argument));
            Assert.AreEqual(ControlStatus.BadParameter, ControlPointCodec.DecodeRequest(BleBytes.Hex("01 00"), 0, 2, out op, out argument));
            Assert.AreEqual(ControlOp.ResetCounts, op);
            Assert.AreEqual(ControlStatus.BadParameter, ControlPointCodec.DecodeRequest(BleBytes.Hex("10 00F153"), 0, 4, out op, out argument));
            Assert.AreEqual(ControlStatus.BadParameter, ControlPointCodec.DecodeRequest(BleBytes.Hex("10 00F15365 00"), 0, 6, out op, out argument));
            Assert.AreEqual(ControlStatus.Unsupported, ControlPointCodec.DecodeRequest(BleBytes.Hex("7F"), 0, 1, out op, out argument));
            Assert.AreEqual((byte)0x7F, op);
            Assert.AreEqual(ControlStatus.BadParameter, ControlPointCodec.DecodeRequest(BleBytes.Hex("01"), 0, 2, out op, out argument));
        }

        [TestMethod]
        public void ResponseIs0x80OpStatusAndDecodes()
        {
            byte[] buf = new byte[3];
            Assert.AreEqual(3, ControlPointCodec.EncodeResponse(ControlOp.AcknowledgeAlarm, ControlStatus.Ok, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("80 02 01"), buf);
            byte op;
            byte status;
            Assert.AreEqual(CodecStatus.Ok, ControlPointCodec.DecodeResponse(buf, 0, 3, out op, out status));
            Assert.AreEqual(ControlOp.AcknowledgeAlarm, op);
            Assert.AreEqual(ControlStatus.Ok, status);
            Assert.AreEqual(CodecStatus.OutOfRange, ControlPointCodec.DecodeResponse(BleBytes.Hex("81 02 01"), 0, 3, out op, out status));
            Assert.AreEqual(CodecStatus.OutOfRange, ControlPointCodec.DecodeResponse(BleBytes.Hex("80 02 05"), 0, 3, out op, out status));
            Assert.AreEqual(CodecStatus.BadLength, ControlPointCodec.DecodeResponse(buf, 0, 2, out op, out status));
        }
    }
}
