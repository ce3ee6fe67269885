#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Ble
{
    /// <summary>
    /// The Config characteristic: the settings record of every <see cref="SettingTable"/> row. The loops run over the
    /// table, so a setting added there is covered here without a new test.
    /// </summary>
    [TestClass]
    public class ConfigCodecTests
    {
        private static UserSettings Sample()
        {
            var s = new UserSettings();
            s.TiltWarnBackwardDeg = 30;
            s.TiltWarnForwardDeg = 45;
            s.TiltHoldMs = 2000;
            s.StepsToStartWalk = 6;
            s.ForwardAxis = MountAxis.PlusZ;
            s.Flags = SettingTable.FlagBtHomeAdvertising | SettingTable.FlagDailyReset;
            s.UtcOffsetQuarterHours = -20;
            s.TiltWarnSidewaysDeg = 35;
            s.HeightCm = 182;
            s.ForwardStepCm = 0;
            s.BackwardStepCm = 48;
            s.BodyMassKg = 81;
            s.TargetMin = 20;
            s.GlanceEverySteps = 10;
            s.BackwardIntervalS = 90;
            s.ForwardIntervalS = 300;
            s.IdleToStartS = 600;
            s.RestToEndS = 240;
            s.MinAutoSessionS = 0;
            return s;
        }

        [TestMethod]
        public void ConfigMatchesTheDocumentedLayoutAndRoundTrips()
        {
            byte[] buf = new byte[ConfigCodec.Length];
            Assert.AreEqual(25, ConfigCodec.Encode(Sample(), buf, 0));
            // The original eight bytes: 30° | 45° | 2000 ms | 6 steps | +Z | BTHome + daily reset | UTC-5 (-20 quarter hours),
            // then 35° sideways | 182 cm | forward step from height | 48 cm backward | 81 kg | 20 min | glance every 10 |
            // 90 s backward | 300 s forward | idle 600 s | rest 240 s | keep every session.
            CollectionAssert.AreEqual(BleBytes.Hex("1E 2D D007 06 04 03 EC 23 B6 00 30 51 14 0A 5A00 2C01 5802 F000 0000"), buf);

            var decoded = new UserSettings();
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(buf, 0, buf.Length, new UserSettings(), decoded));
            Assert.IsTrue(decoded.SameAs(Sample()));
            Assert.IsTrue(decoded.BtHomeAdvertising);
            Assert.IsTrue(decoded.DailyReset);
            Assert.IsFalse(decoded.CoachEnabled);
            Assert.AreEqual(-300, decoded.UtcOffsetMinutes);
            Assert.AreEqual(StepLengths.ForwardFromHeightCm(182), decoded.ForwardStepLengthCm);
            Assert.AreEqual(48, decoded.BackwardStepLengthCm);
        }

        [TestMethod]
        public void EverySettingRoundTripsAtItsLimits()
        {
            byte[] buf = new byte[ConfigCodec.Length];
            for (int id = 0; id < SettingTable.Count; id++)
            {
                SettingSpec row = SettingTable.Rows[id];
                int[] values = { row.Min, row.Max, row.Default, row.ZeroMeans != null ? 0 : row.Min };
                for (int i = 0; i < values.Length; i++)
                {
                    var s = new UserSettings();
                    Assert.IsTrue(s.Set(id, values[i]), row.Key);
                    ConfigCodec.Encode(s, buf, 0);
                    var back = new UserSettings();
                    back.Put(id, values[i] == row.Max ? row.Min : row.Max);
                    Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(buf, 0, buf.Length, new UserSettings(), back), row.Key);
                    Assert.AreEqual(values[i], back.Get(id), row.Key);
                    Assert.IsTrue(back.SameAs(s), row.Key);
                }
            }
        }

        [TestMethod]
        public void EachOutOfRangeValueRejectsTheWholeWriteAndChangesNothing()
        {
            byte[] buf = new byte[ConfigCodec.Length];
            int rejected = 0;
            for (int id = 0; id < SettingTable.Count; id++)
            {
                SettingSpec row = SettingTable.Rows[id];
                int[] values = { row.Min - 1, row.Max + 1 };
                for (int i = 0; i < values.Length; i++)
                {
                    int v = values[i];
                    if (!Representable(row, v) || row.Accepts(v))
                    {
                        continue;
                    }

                    var bad = Sample();
                    bad.Put(id, v);
                    ConfigCodec.Encode(bad, buf, 0);
                    UserSettings current = new UserSettings();
                    Assert.AreEqual(CodecStatus.OutOfRange, ConfigCodec.Decode(buf, 0, buf.Length, new UserSettings(), current), row.Key);
                    Assert.IsTrue(current.SameAs(new UserSettings()), row.Key + ": a refused write changes nothing");
                    rejected++;
                }
            }

            // Every row has at least one value its width can carry that the range refuses.
            Assert.IsTrue(rejected >= SettingTable.Count, "rejected " + rejected.ToString());
        }

        [TestMethod]
        public void AWriteMayStopAtAFieldBoundaryAndKeepsTheRest()
        {
            byte[] buf = new byte[ConfigCodec.Length + 1];
            ConfigCodec.Encode(Sample(), buf, 0);
            for (int length = 0; length <= ConfigCodec.Length + 1; length++)
            {
                var current = new UserSettings();
                byte result = ConfigCodec.Decode(buf, 0, length, new UserSettings(), current);
                if (length == 0 || length > ConfigCodec.Length || !SettingsCodec.IsFieldBoundary(length))
                {
                    Assert.AreEqual(CodecStatus.BadLength, result, "length " + length.ToString());
                    Assert.IsTrue(current.SameAs(new UserSettings()));
                    continue;
                }

                Assert.AreEqual(CodecStatus.Ok, result, "length " + length.ToString());
                for (int id = 0; id < SettingTable.Count; id++)
                {
                    bool written = SettingsCodec.Offset(id + 1) <= length;
                    Assert.AreEqual(written ? Sample().Get(id) : SettingTable.DefaultOf(id), current.Get(id),
                        SettingTable.Rows[id].Key + " at length " + length.ToString());
                }
            }
        }

        [TestMethod]
        public void TheOriginalEightByteWriteStillSetsWhatItSet()
        {
            var current = new UserSettings();
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(BleBytes.Hex("05 50 6400 01 06 00 D0"), 0, 8, new UserSettings(), current));
            Assert.AreEqual(-48, current.UtcOffsetQuarterHours);
            Assert.AreEqual((byte)MountAxis.Unknown, (byte)current.ForwardAxis);
            Assert.AreEqual(100, current.TiltHoldMs);
            Assert.AreEqual(SettingTable.DefaultOf(SettingTable.TiltWarnSidewaysDeg), current.TiltWarnSidewaysDeg);
            Assert.AreEqual(CodecStatus.OutOfRange, ConfigCodec.Decode(BleBytes.Hex("1E 2D D007 06 04 08 EC"), 0, 8, new UserSettings(), current),
                "a reserved flag bit");
        }

        private static bool Representable(SettingSpec row, int v)
        {
            int bits = row.Bytes * 8;
            int max = row.Signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
            int min = row.Signed ? -(1 << (bits - 1)) : 0;
            return v >= min && v <= max;
        }
    }
}
