#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class BtHomePacketIdTests
    {
        [TestMethod]
        public void TheIdMovesByOneWhenTheContentChangesAndStaysWhenItDoesNot()
        {
            var ids = new BtHomePacketId();
            byte[] data = BleBytes.Hex("D2FC 40 00 00 3E 01000000");
            Assert.IsTrue(ids.Stamp(data, 0, data.Length, 4));
            byte first = data[4];

            // Same content, whatever the id byte held before: same id.
            data[4] = 0x55;
            Assert.IsFalse(ids.Stamp(data, 0, data.Length, 4));
            Assert.AreEqual(first, data[4]);

            data[6] = 0x02; // the count changed
            Assert.IsTrue(ids.Stamp(data, 0, data.Length, 4));
            Assert.AreEqual((byte)(first + 1), data[4]);
            Assert.AreEqual(data[4], ids.Current);
        }

        [TestMethod]
        public void TheIdWrapsAtTwoHundredFiftySixAsBtHomeExpects()
        {
            var ids = new BtHomePacketId();
            byte[] data = BleBytes.Hex("D2FC 40 00 00 3E 00000000");
            for (int i = 0; i < 300; i++)
            {
                data[6] = (byte)i;
                data[7] = (byte)(i >> 8);
                ids.Stamp(data, 0, data.Length, 4);
            }

            Assert.AreEqual((byte)(299 % 256), data[4]);
        }

        [TestMethod]
        public void AnIdOutsideTheContentIsNotWritten()
        {
            var ids = new BtHomePacketId();
            byte[] data = BleBytes.Hex("D2FC 40 00 07");
            Assert.IsFalse(ids.Stamp(data, 0, 3, 4));
            Assert.AreEqual(7, data[4]);
        }
    }
}
