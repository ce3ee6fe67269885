#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;
using RetroWalk.Core.Storage;

namespace RetroWalk.Tests
{
    [TestClass]
    public class StateCodecTests
    {
        [TestMethod]
        public void Crc32MatchesTheStandardCheckValue()
        {
            byte[] digits = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(digits, 0, digits.Length));
        }

        [TestMethod]
        public void StateRoundTripsThroughTheRecord()
        {
            DeviceState s = SampleState();
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(s, 42u, record);

            uint sequence;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Check(record, StateCodec.Size, out sequence));
            Assert.AreEqual(42u, sequence);
            DeviceState back = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
            Assert.IsFalse(defaulted);
            Assert.AreEqual(123456u, back.ForwardSteps);
            Assert.AreEqual(65432u, back.BackwardSteps);
            Assert.AreEqual(1777626000u, back.ResetEpochS);
            Assert.AreEqual(3600u, back.BackwardWalkingS);
            Assert.AreEqual(20574, back.LocalDay);
            Assert.AreEqual(900u, back.YesterdayBackward);
            Assert.AreEqual((short)-330, back.UtcOffsetMinutes);
            Assert.IsTrue(back.AutoDailyReset);
            Assert.IsFalse(back.BtHomeAdvertising);
            Assert.AreEqual((int)MountAxis.MinusY, (int)back.ForwardAxis);
            Assert.AreEqual((byte)25, back.TiltWarnBackwardDeg);
            Assert.AreEqual((byte)45, back.TiltWarnForwardDeg);
            Assert.AreEqual((ushort)1500, back.TiltHoldMs);
            Assert.AreEqual(2, back.History.Count);
            uint hour;
            ushort fwd;
            ushort bwd;
            back.History.GetRecord(1, out hour, out fwd, out bwd);
            Assert.AreEqual(1777629600u, hour);
            Assert.AreEqual((ushort)65535, fwd);
            Assert.AreEqual((ushort)7, bwd);
        }

        [TestMethod]
        public void EveryDamagedRecordIsRejectedWithItsReason()
        {
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(SampleState(), 1u, record);
            uint sequence;

            record[100] ^= 0x04;
            Assert.AreEqual((int)StateError.BadChecksum, (int)StateCodec.Check(record, StateCodec.Size, out sequence));
            record[100] ^= 0x04;
            Assert.AreEqual((int)StateError.WrongSize, (int)StateCodec.Check(record, StateCodec.Size - 1, out sequence));
            Assert.AreEqual((int)StateError.Empty, (int)StateCodec.Check(record, 0, out sequence));
            Assert.AreEqual((int)StateError.ReadFailed, (int)StateCodec.Check(record, -1, out sequence));
            record[4] = 9;
            Assert.AreEqual((int)StateError.NewerVersion, (int)StateCodec.Check(record, StateCodec.Size, out sequence));
            record[0] = 0;
            Assert.AreEqual((int)StateError.BadMagic, (int)StateCodec.Check(record, StateCodec.Size, out sequence));
        }

        [TestMethod]
        public void AVersion1RecordHoldsBackwardWalkingMillisecondsAndIsReadAsSeconds()
        {
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(SampleState(), 1u, record);
            LittleEndian.PutU16(record, 4, 1);
            LittleEndian.PutU32(record, 24, 3600500u);
            LittleEndian.PutU32(record, StateCodec.CrcOffset, Crc32.Compute(record, 0, StateCodec.CrcOffset));
            uint sequence;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Check(record, StateCodec.Size, out sequence));
            DeviceState back = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
            Assert.AreEqual(3600u, back.BackwardWalkingS);
            Assert.AreEqual(123456u, back.ForwardSteps);
        }

        [TestMethod]
        public void AnOutOfRangeSettingFallsBackToItsDefaultAndKeepsTheCounts()
        {
            DeviceState s = SampleState();
            s.StepsToStartWalk = 200;
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(s, 1u, record);
            DeviceState target = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, target, out defaulted));
            Assert.IsTrue(defaulted);
            Assert.AreEqual((byte)6, target.StepsToStartWalk);
            Assert.AreEqual(123456u, target.ForwardSteps);
            Assert.AreEqual((byte)25, target.TiltWarnBackwardDeg);
        }

        [TestMethod]
        public void AnInconsistentRecordLeavesTheStateAlone()
        {
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(SampleState(), 1u, record);
            LittleEndian.PutU16(record, 64, HourlyHistory.Capacity + 1);
            DeviceState target = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.BadValue, (int)StateCodec.Decode(record, target, out defaulted));
            Assert.AreEqual(0u, target.ForwardSteps);
        }

        private static DeviceState SampleState()
        {
            DeviceState s = new DeviceState();
            s.ForwardSteps = 123456;
            s.BackwardSteps = 65432;
            s.ResetEpochS = 1777626000;
            s.BackwardWalkingS = 3600;
            s.LongestBackwardStreakSteps = 250;
            s.BackwardIntervals = 12;
            s.LocalDay = 20574;
            s.TodayForward = 5000;
            s.TodayBackward = 1000;
            s.YesterdayForward = 4000;
            s.YesterdayBackward = 900;
            s.UtcOffsetMinutes = -330;
            s.AutoDailyReset = true;
            s.BtHomeAdvertising = false;
            s.ForwardAxis = MountAxis.MinusY;
            s.TiltWarnBackwardDeg = 25;
            s.TiltHoldMs = 1500;
            s.History.AddSteps(1777626000, 10, 20);
            s.History.AddSteps(1777629600, 70000, 7);
            return s;
        }
    }
}
