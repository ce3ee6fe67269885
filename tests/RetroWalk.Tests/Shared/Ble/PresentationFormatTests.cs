#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class PresentationFormatTests
    {
        [TestMethod]
        public void DescriptorsMatchTheSigAssignedNumbers()
        {
            byte[] buf = new byte[7];
            PresentationFormat.Encode(PresentationFormat.FormatUInt32, 0, PresentationFormat.UnitUnitless, buf, 0);
            CollectionAssert.AreEqual(BleBytes.Hex("08 00 0027 01 0000"), buf);
            PresentationFormat.Encode(PresentationFormat.FormatUInt8, 0, PresentationFormat.UnitStepPerMinute, buf, 0);
            CollectionAssert.AreEqual(BleBytes.Hex("04 00 BA27 01 0000"), buf);
            PresentationFormat.Encode(PresentationFormat.FormatSInt16, -1, PresentationFormat.UnitPlaneAngleDegree, buf, 0);
            CollectionAssert.AreEqual(BleBytes.Hex("0E FF 6327 01 0000"), buf);
            PresentationFormat.Encode(PresentationFormat.FormatStruct, 0, PresentationFormat.UnitUnitless, buf, 0);
            CollectionAssert.AreEqual(BleBytes.Hex("1B 00 0027 01 0000"), buf);
        }

        [TestMethod]
        public void DescriptorDecodesTheSignedExponent()
        {
            byte format;
            int exponent;
            ushort unit;
            Assert.AreEqual(CodecStatus.Ok, PresentationFormat.Decode(BleBytes.Hex("0E FF 6327 01 0000"), 0, 7, out format, out exponent, out unit));
            Assert.AreEqual(PresentationFormat.FormatSInt16, format);
            Assert.AreEqual(-1, exponent);
            Assert.AreEqual(PresentationFormat.UnitPlaneAngleDegree, unit);
            Assert.AreEqual(CodecStatus.BadLength, PresentationFormat.Decode(new byte[6], 0, 6, out format, out exponent, out unit));
        }
    }
}
