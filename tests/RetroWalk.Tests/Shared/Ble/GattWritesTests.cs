#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Ble
{
    /// <summary>Stands in for the device loop: records what the BLE side hands it and answers with set results.</summary>
    public sealed class FakeDeviceSinks : ICommandSink, IConfigSink
    {
        public readonly UserSettings Stored = new UserSettings();
        public byte SubmitResult = ControlStatus.Ok;
        public byte ApplyResult = ControlStatus.Ok;
        public byte ClockResult = ControlStatus.Ok;
        public int Submits;
        public byte LastOp;
        public uint LastArgument;
        public int Applies;
        public uint ClockUtcEpochS;

        public FakeDeviceSinks()
        {
            Stored.TiltWarnBackwardDeg = 25;
            Stored.TiltWarnForwardDeg = 40;
            Stored.TiltHoldMs = 1500;
            Stored.StepsToStartWalk = 6;
            Stored.ForwardAxis = MountAxis.PlusZ;
            Stored.Flags = SettingTable.FlagBtHomeAdvertising;
            Stored.UtcOffsetQuarterHours = 4;
        }

        public byte Submit(byte op, uint argument)
        {
            Submits++;
            LastOp = op;
            LastArgument = argument;
            return SubmitResult;
        }

        public void ReadSettings(UserSettings into)
        {
            into.CopyFrom(Stored);
        }

        public byte ApplySettings(UserSettings settings)
        {
            Applies++;
            if (ApplyResult == ControlStatus.Ok)
            {
                Stored.CopyFrom(settings);
            }

            return ApplyResult;
        }

        public byte SetClock(uint utcEpochS)
        {
            ClockUtcEpochS = utcEpochS;
            return ClockResult;
        }
    }

    [TestClass]
    public class GattWritesTests
    {
        [TestMethod]
        public void ControlPointOpsReachTheSinkExceptHistory()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new GattWrites(sinks, sinks);
            byte op;
            uint argument;
            Assert.AreEqual(ControlStatus.Ok, writes.ControlPoint(BleBytes.Hex("02"), 1, out op, out argument));
            Assert.AreEqual(1, sinks.Submits);
            Assert.AreEqual(ControlOp.AcknowledgeAlarm, sinks.LastOp);

            sinks.SubmitResult = ControlStatus.Failed;
            Assert.AreEqual(ControlStatus.Failed, writes.ControlPoint(BleBytes.Hex("03"), 1, out op, out argument));

            Assert.AreEqual(ControlStatus.Ok, writes.ControlPoint(BleBytes.Hex("10 00F15365"), 5, out op, out argument));
            Assert.AreEqual(ControlOp.RequestHistory, op);
            Assert.AreEqual(1700000000u, argument);
            Assert.AreEqual(2, sinks.Submits);

            Assert.AreEqual(ControlStatus.Unsupported, writes.ControlPoint(BleBytes.Hex("55"), 1, out op, out argument));
            Assert.AreEqual(ControlStatus.BadParameter, writes.ControlPoint(BleBytes.Hex("0100"), 2, out op, out argument));
            Assert.AreEqual(2, sinks.Submits);
        }

        [TestMethod]
        public void ConfigWriteIsValidatedAppliedAndReportsTheBtHomeSwitch()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new GattWrites(sinks, sinks);
            byte[] read = new byte[ConfigCodec.Length];
            Assert.AreEqual(ConfigCodec.Length, writes.ReadConfig(read, 0));
            byte[] expected = new byte[ConfigCodec.Length];
            SettingsCodec.Encode(sinks.Stored, expected, 0);
            CollectionAssert.AreEqual(expected, read);
            Assert.AreEqual(0x19, read[0]);
            Assert.AreEqual(0x04, read[7]); // UTC+1 (4 quarter hours) at offset 7

            bool btHomeChanged;
            Assert.AreEqual(GattWrites.Accept, writes.WriteConfig(BleBytes.Hex("1E 2D D007 06 04 02 EC"), 8, out btHomeChanged));
            Assert.IsTrue(btHomeChanged);
            Assert.AreEqual(30, sinks.Stored.TiltWarnBackwardDeg);
            Assert.AreEqual(-20, sinks.Stored.UtcOffsetQuarterHours);
            Assert.IsFalse(writes.Settings.BtHomeAdvertising);

            Assert.AreEqual(GattWrites.Accept, writes.WriteConfig(BleBytes.Hex("1E 2D D007 06 04 02 EC"), 8, out btHomeChanged));
            Assert.IsFalse(btHomeChanged);
        }

        [TestMethod]
        public void BadConfigWritesChangeNothing()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new GattWrites(sinks, sinks);
            bool btHomeChanged;
            Assert.AreEqual(CodecStatus.AttInvalidLength, writes.WriteConfig(BleBytes.Hex("1E 2D D0"), 3, out btHomeChanged),
                "a write ending inside the tilt hold field");
            Assert.AreEqual(CodecStatus.AttOutOfRange, writes.WriteConfig(BleBytes.Hex("1E 2D D007 06 09 02 EC"), 8, out btHomeChanged));
            Assert.AreEqual(0, sinks.Applies);
            Assert.AreEqual(25, sinks.Stored.TiltWarnBackwardDeg);

            sinks.ApplyResult = ControlStatus.Failed;
            Assert.AreEqual(CodecStatus.AttWriteRequestRejected, writes.WriteConfig(BleBytes.Hex("1E 2D D007 06 04 00 EC"), 8, out btHomeChanged));
            Assert.IsFalse(btHomeChanged);
            Assert.AreEqual(25, writes.Settings.TiltWarnBackwardDeg);
            Assert.IsTrue(writes.Settings.BtHomeAdvertising);
        }

        [TestMethod]
        public void CurrentTimeIsLocalAndTheClockIsSetInUtc()
        {
            var sinks = new FakeDeviceSinks(); // UTC+1
            var writes = new GattWrites(sinks, sinks);
            // Thursday 2024-02-29 13:45:30 local = 12:45:30 UTC.
            Assert.AreEqual(GattWrites.Accept, writes.WriteCurrentTime(BleBytes.Hex("E807 02 1D 0D 2D 1E 04 00 01"), 10));
            Assert.AreEqual(1709214330u - 3600u, sinks.ClockUtcEpochS);

            byte[] read = new byte[10];
            Assert.AreEqual(10, writes.ReadCurrentTime(1709214330L - 3600L, 500, 0, read, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("E807 02 1D 0D 2D 1E 04 80 00"), read);
        }

        [TestMethod]
        public void BadOrUnappliedTimesAreRefused()
        {
            var sinks = new FakeDeviceSinks();
            var writes = new GattWrites(sinks, sinks);
            Assert.AreEqual(CodecStatus.AttInvalidLength, writes.WriteCurrentTime(BleBytes.Hex("E807 02 1D 0D 2D 1E 04 00"), 9));
            Assert.AreEqual(CodecStatus.AttOutOfRange, writes.WriteCurrentTime(BleBytes.Hex("E807 02 1E 0D 2D 1E 00 00 00"), 10));
            Assert.AreEqual(0u, sinks.ClockUtcEpochS);
            sinks.ClockResult = ControlStatus.Failed;
            Assert.AreEqual(CodecStatus.AttWriteRequestRejected, writes.WriteCurrentTime(BleBytes.Hex("E807 02 1D 0D 2D 1E 00 00 00"), 10));
        }
    }
}
