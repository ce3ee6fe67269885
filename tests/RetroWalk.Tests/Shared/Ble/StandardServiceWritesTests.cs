#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class StandardServiceWritesTests
    {
        [TestMethod]
        public void MildAndHighAlertsIdentifyTheTrackerAndNoAlertDoesNothing()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new StandardServiceWrites(sinks, sinks);
            Assert.IsTrue(writes.WriteAlertLevel(BleBytes.Hex("02"), 1));
            Assert.AreEqual(ControlOp.Identify, sinks.LastOp);
            Assert.IsTrue(writes.WriteAlertLevel(BleBytes.Hex("01"), 1));
            Assert.AreEqual(2, sinks.Submits);
            Assert.IsFalse(writes.WriteAlertLevel(BleBytes.Hex("00"), 1));
            Assert.IsFalse(writes.WriteAlertLevel(BleBytes.Hex("07"), 1));
            Assert.IsFalse(writes.WriteAlertLevel(BleBytes.Hex("0202"), 2));
            Assert.AreEqual(2, sinks.Submits);
        }

        [TestMethod]
        public void LocalTimeInformationSetsTheUtcOffsetAndReadsBackWhatWasWritten()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new StandardServiceWrites(sinks, sinks);
            Assert.AreEqual(GattWrites.Accept, writes.WriteLocalTimeInfo(BleBytes.Hex("04 04"), 2));
            Assert.AreEqual(8, sinks.Stored.UtcOffsetQuarterHours);
            byte[] buf = new byte[2];
            Assert.AreEqual(2, writes.ReadLocalTimeInfo(buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("04 04"), buf);

            // The offset changed through Config afterwards (to UTC-5): the DST part no longer fits, all is time zone.
            sinks.Stored.UtcOffsetQuarterHours = -20;
            writes.ReadLocalTimeInfo(buf, 0);
            CollectionAssert.AreEqual(BleBytes.Hex("E8 04"), buf);
        }

        [TestMethod]
        public void BadLocalTimeInformationChangesNothing()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new StandardServiceWrites(sinks, sinks);
            Assert.AreEqual(CodecStatus.AttOutOfRange, writes.WriteLocalTimeInfo(BleBytes.Hex("80 00"), 2));
            Assert.AreEqual(CodecStatus.AttInvalidLength, writes.WriteLocalTimeInfo(BleBytes.Hex("04"), 1));
            Assert.AreEqual(0, sinks.Applies);
            Assert.AreEqual(4, sinks.Stored.UtcOffsetQuarterHours);

            sinks.ApplyResult = ControlStatus.Failed;
            Assert.AreEqual(CodecStatus.AttWriteRequestRejected, writes.WriteLocalTimeInfo(BleBytes.Hex("04 00"), 2));
        }
    }
}
