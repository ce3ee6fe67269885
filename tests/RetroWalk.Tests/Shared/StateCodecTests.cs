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
        public void Crc32MatchesZlibOnMoreInputsAndHonoursTheOffset()
        {
            // Values from zlib.crc32: nothing, "a", the pangram, every byte value three times (each table entry used).
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
            byte[] a = new byte[] { 0x00, 0x61, 0x00 };
            Assert.AreEqual(0xE8B7BE43u, Crc32.Compute(a, 1, 1));
            string fox = "The quick brown fox jumps over the lazy dog";
            byte[] text = new byte[fox.Length];
            for (int i = 0; i < fox.Length; i++)
            {
                text[i] = (byte)fox[i];
            }

            Assert.AreEqual(0x414FA339u, Crc32.Compute(text, 0, text.Length));
            byte[] all = new byte[768];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = (byte)i;
            }

            Assert.AreEqual(0xB0C0DF2Au, Crc32.Compute(all, 0, all.Length));
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
            Assert.IsTrue(back.Settings.SameAs(SampleState().Settings), "every setting comes back");
            Assert.IsTrue(back.FallAlarmLatched);
            Assert.AreEqual(1777627000u, back.FallAlarmEpochS);
            Assert.AreEqual(-330, back.Settings.UtcOffsetMinutes);
            Assert.IsTrue(back.Settings.DailyReset);
            Assert.IsFalse(back.Settings.BtHomeAdvertising);
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
        public void EverySettingRoundTripsThroughTheSavedState()
        {
            byte[] record = new byte[StateCodec.Size];
            for (int id = 0; id < SettingTable.Count; id++)
            {
                SettingSpec row = SettingTable.Rows[id];
                int[] values = { row.Min, row.Max, row.ZeroMeans != null ? 0 : row.Max };
                for (int i = 0; i < values.Length; i++)
                {
                    DeviceState s = SampleState();
                    Assert.IsTrue(s.Settings.Set(id, values[i]), row.Key);
                    StateCodec.Encode(s, 1u, record);
                    DeviceState back = new DeviceState();
                    bool defaulted;
                    Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted), row.Key);
                    Assert.IsFalse(defaulted, row.Key);
                    Assert.IsTrue(back.Settings.SameAs(s.Settings), row.Key + " = " + values[i].ToString());
                }
            }
        }

        [TestMethod]
        public void AVersion1RecordHoldsBackwardWalkingMillisecondsAndIsReadAsSeconds()
        {
            byte[] record = Version2Record(1);
            LittleEndian.PutU32(record, 24, 3600500u);
            LittleEndian.PutU32(record, StateCodec.V2CrcOffset, Crc32.Compute(record, 0, StateCodec.V2CrcOffset));
            uint sequence;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Check(record, StateCodec.V2Size, out sequence));
            DeviceState back = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
            Assert.AreEqual(3600u, back.BackwardWalkingS);
            Assert.AreEqual(123456u, back.ForwardSteps);
        }

        [TestMethod]
        public void OlderVersionsRestoreTheirSettingsAndTheDefaultsOfNewOnes()
        {
            for (int version = 1; version <= 2; version++)
            {
                byte[] record = Version2Record(version);
                uint sequence;
                Assert.AreEqual((int)StateError.None, (int)StateCodec.Check(record, StateCodec.V2Size, out sequence), "v" + version.ToString());
                Assert.AreEqual(7u, sequence);
                Assert.AreEqual((int)StateError.WrongSize, (int)StateCodec.Check(record, StateCodec.Size, out sequence),
                    "an old version at the new size");
                DeviceState back = new DeviceState();
                bool defaulted;
                Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
                Assert.IsFalse(defaulted);
                Assert.AreEqual(123456u, back.ForwardSteps);
                Assert.AreEqual(900u, back.YesterdayBackward);
                Assert.AreEqual(version < 2 ? 3u : 3600u, back.BackwardWalkingS);
                UserSettings expected = new UserSettings();
                expected.UtcOffsetQuarterHours = -22;
                expected.DailyReset = true;
                expected.BtHomeAdvertising = false;
                expected.ForwardAxis = MountAxis.MinusY;
                expected.StepsToStartWalk = 4;
                expected.TiltWarnBackwardDeg = 25;
                expected.TiltWarnForwardDeg = 50;
                expected.TiltWarnSidewaysDeg = 33;
                expected.TiltHoldMs = 1500;
                Assert.IsTrue(back.Settings.SameAs(expected), "v" + version.ToString() + ": the old settings, the new ones at their defaults");
                Assert.IsTrue(back.Settings.CoachEnabled);
                Assert.IsFalse(back.FallAlarmLatched, "older versions kept no alarm");
                Assert.AreEqual(SettingTable.DefaultOf(SettingTable.HeightCm), back.Settings.HeightCm);
                Assert.AreEqual(2, back.History.Count);
                uint hour;
                ushort fwd;
                ushort bwd;
                back.History.GetRecord(1, out hour, out fwd, out bwd);
                Assert.AreEqual(1777629600u, hour);
                Assert.AreEqual((ushort)7, bwd);
            }
        }

        [TestMethod]
        public void AVersion2SettingOutOfRangeFallsBackToItsDefault()
        {
            byte[] record = Version2Record(2);
            record[60] = 200; // steps to start a walk
            LittleEndian.PutU16(record, 56, 7); // an offset that is no whole quarter hour
            LittleEndian.PutU32(record, StateCodec.V2CrcOffset, Crc32.Compute(record, 0, StateCodec.V2CrcOffset));
            DeviceState back = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
            Assert.IsTrue(defaulted);
            Assert.AreEqual(SettingTable.DefaultOf(SettingTable.StepsToStartWalk), back.Settings.StepsToStartWalk);
            Assert.AreEqual(0, back.Settings.UtcOffsetQuarterHours);
            Assert.AreEqual(25, back.Settings.TiltWarnBackwardDeg);
        }

        [TestMethod]
        public void ARecordWithFewerSettingsBytesRestoresTheRestWithDefaults()
        {
            DeviceState s = SampleState();
            s.Settings.BodyMassKg = 90;
            s.Settings.MinAutoSessionS = 10;
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(s, 1u, record);
            Assert.AreEqual(SettingsCodec.Length, record[StateCodec.SettingsLengthOffset]);
            record[StateCodec.SettingsLengthOffset] = (byte)SettingsCodec.Offset(SettingTable.BodyMassKg);
            DeviceState back = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
            Assert.AreEqual(SettingTable.DefaultOf(SettingTable.BodyMassKg), back.Settings.BodyMassKg);
            Assert.AreEqual(SettingTable.DefaultOf(SettingTable.MinAutoSessionS), back.Settings.MinAutoSessionS);
            Assert.AreEqual(-330, back.Settings.UtcOffsetMinutes);
        }

        [TestMethod]
        public void NoLatchedAlarmSavesNoAlarmTime()
        {
            DeviceState s = SampleState();
            s.FallAlarmLatched = false;
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(s, 1u, record);
            Assert.AreEqual(0u, LittleEndian.GetU32(record, StateCodec.FallAlarmEpochOffset));
            DeviceState back = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, back, out defaulted));
            Assert.IsFalse(back.FallAlarmLatched);
            Assert.AreEqual(0u, back.FallAlarmEpochS);
        }

        [TestMethod]
        public void AnOutOfRangeSettingFallsBackToItsDefaultAndKeepsTheCounts()
        {
            DeviceState s = SampleState();
            s.Settings.StepsToStartWalk = 200;
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(s, 1u, record);
            DeviceState target = new DeviceState();
            bool defaulted;
            Assert.AreEqual((int)StateError.None, (int)StateCodec.Decode(record, target, out defaulted));
            Assert.IsTrue(defaulted);
            Assert.AreEqual(SettingTable.DefaultOf(SettingTable.StepsToStartWalk), target.Settings.StepsToStartWalk);
            Assert.AreEqual(123456u, target.ForwardSteps);
            Assert.AreEqual(25, target.Settings.TiltWarnBackwardDeg);
        }

        [TestMethod]
        public void AnInconsistentRecordLeavesTheStateAlone()
        {
            byte[] record = new byte[StateCodec.Size];
            StateCodec.Encode(SampleState(), 1u, record);
            LittleEndian.PutU16(record, StateCodec.HistoryCountOffset, HourlyHistory.Capacity + 1);
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
            s.Settings.UtcOffsetQuarterHours = -22;
            s.Settings.DailyReset = true;
            s.Settings.BtHomeAdvertising = false;
            s.Settings.ForwardAxis = MountAxis.MinusY;
            s.Settings.TiltWarnBackwardDeg = 25;
            s.Settings.TiltHoldMs = 1500;
            s.Settings.HeightCm = 160;
            s.Settings.GlanceEverySteps = 12;
            s.FallAlarmLatched = true;
            s.FallAlarmEpochS = 1777627000;
            s.History.AddSteps(1777626000, 10, 20);
            s.History.AddSteps(1777629600, 70000, 7);
            return s;
        }

        /// <summary>
        /// A record as firmware with state version 1 or 2 wrote it (1416 bytes): the settings one by one at 56-63 and
        /// 66, flags b0 auto daily reset and b1 BTHome, the history at 68. Version 1 held milliseconds at 24.
        /// </summary>
        private static byte[] Version2Record(int version)
        {
            byte[] b = new byte[StateCodec.V2Size];
            LittleEndian.PutU32(b, 0, StateCodec.Magic);
            LittleEndian.PutU16(b, 4, version);
            LittleEndian.PutU16(b, 6, StateCodec.V2Size);
            LittleEndian.PutU32(b, 8, 7);
            LittleEndian.PutU32(b, 12, 123456);
            LittleEndian.PutU32(b, 16, 65432);
            LittleEndian.PutU32(b, 20, 1777626000);
            LittleEndian.PutU32(b, 24, 3600);
            LittleEndian.PutU32(b, 28, 250);
            LittleEndian.PutU32(b, 32, 12);
            LittleEndian.PutU32(b, 36, 20574);
            LittleEndian.PutU32(b, 40, 5000);
            LittleEndian.PutU32(b, 44, 1000);
            LittleEndian.PutU32(b, 48, 4000);
            LittleEndian.PutU32(b, 52, 900);
            LittleEndian.PutU16(b, 56, -330);
            b[58] = 1; // auto daily reset on, BTHome off
            b[59] = (byte)MountAxis.MinusY;
            b[60] = 4;
            b[61] = 25;
            b[62] = 50;
            b[63] = 33;
            LittleEndian.PutU16(b, 64, 2);
            LittleEndian.PutU16(b, 66, 1500);
            LittleEndian.PutU32(b, 68, 1777626000);
            LittleEndian.PutU16(b, 72, 10);
            LittleEndian.PutU16(b, 74, 20);
            LittleEndian.PutU32(b, 76, 1777629600);
            LittleEndian.PutU16(b, 80, 65535);
            LittleEndian.PutU16(b, 82, 7);
            LittleEndian.PutU32(b, StateCodec.V2CrcOffset, Crc32.Compute(b, 0, StateCodec.V2CrcOffset));
            return b;
        }
    }
}
