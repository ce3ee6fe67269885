#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Config
{
    /// <summary>The settings table and the value type: one row per setting, every default valid, unknown ids refused.</summary>
    [TestClass]
    public class UserSettingsTests
    {
        [TestMethod]
        public void RowsAreNumberedInRecordOrderWithDistinctKeysAndValidDefaults()
        {
            int bytes = 0;
            for (int id = 0; id < SettingTable.Count; id++)
            {
                SettingSpec row = SettingTable.Rows[id];
                Assert.AreEqual(id, row.Id, row.Key);
                Assert.AreEqual(bytes, SettingsCodec.Offset(id), row.Key);
                Assert.IsTrue(row.Bytes == 1 || row.Bytes == 2, row.Key);
                Assert.IsTrue(row.Min <= row.Max, row.Key);
                Assert.IsTrue(row.Accepts(row.Default), row.Key + " default");
                int bits = row.Bytes * 8;
                int wireMax = row.Signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
                int wireMin = row.Signed ? -(1 << (bits - 1)) : 0;
                Assert.IsTrue(row.Min >= wireMin && row.Max <= wireMax, row.Key + " fits its width");
                Assert.IsTrue(row.ZeroMeans == null || row.Min > 0, row.Key + ": 0 is special only outside the range");
                for (int other = 0; other < id; other++)
                {
                    Assert.IsFalse(SettingTable.Rows[other].Key == row.Key, row.Key + " twice");
                }

                bytes += row.Bytes;
            }

            Assert.AreEqual(bytes, SettingsCodec.Length);
            Assert.IsTrue(new UserSettings().IsValid());
            Assert.AreEqual(-1, new UserSettings().FirstInvalid());
        }

        [TestMethod]
        public void AnUnknownIdOrAValueOutOfRangeIsRefusedAndChangesNothing()
        {
            var s = new UserSettings();
            Assert.IsFalse(s.Set(SettingTable.Count, 1), "one past the last id");
            Assert.IsFalse(s.Set(-1, 1));
            Assert.IsFalse(SettingTable.IsKnown(SettingTable.Count));
            Assert.IsFalse(s.Set(SettingTable.TiltWarnSidewaysDeg, 81));
            Assert.IsFalse(s.Set(SettingTable.Flags, SettingTable.KnownFlags + 1), "a reserved flag bit");
            Assert.IsFalse(s.Set(SettingTable.GlanceEverySteps, 2), "below the range and not the 'off' 0");
            Assert.IsTrue(s.SameAs(new UserSettings()));
            Assert.IsTrue(s.Set(SettingTable.GlanceEverySteps, 0));
            Assert.IsTrue(s.Set(SettingTable.TiltWarnSidewaysDeg, 40));
            Assert.AreEqual(40, s.TiltWarnSidewaysDeg);
        }

        [TestMethod]
        public void InvalidValuesAreFoundAndResetToTheirDefaults()
        {
            var s = new UserSettings();
            s.BodyMassKg = 5;
            s.UtcOffsetQuarterHours = 57;
            Assert.AreEqual(SettingTable.UtcOffsetQuarterHours, s.FirstInvalid());
            Assert.IsFalse(s.IsValid());
            Assert.IsTrue(s.ResetInvalid());
            Assert.IsTrue(s.SameAs(new UserSettings()));
            Assert.IsFalse(s.ResetInvalid());
        }

        [TestMethod]
        public void ApplyToWritesTheTrackerFieldsAndReadFromTakesThemBack()
        {
            var s = new UserSettings();
            s.TiltWarnBackwardDeg = 22;
            s.TiltWarnForwardDeg = 50;
            s.TiltWarnSidewaysDeg = 18;
            s.TiltHoldMs = 2500;
            s.StepsToStartWalk = 3;
            s.ForwardAxis = MountAxis.MinusY;
            var config = new TrackerConfig();
            s.ApplyTo(config);
            Assert.AreEqual(22, config.Alarm.TiltWarnBackwardDeg);
            Assert.AreEqual(50, config.Alarm.TiltWarnForwardDeg);
            Assert.AreEqual(18, config.Alarm.TiltWarnSidewaysDeg);
            Assert.AreEqual(2500, config.Alarm.TiltHoldMs);
            Assert.AreEqual(3, config.StepsToStartWalk);
            Assert.AreEqual((int)MountAxis.MinusY, (int)config.ForwardAxis);

            var back = new UserSettings();
            Assert.IsFalse(back.SameTrackerConfig(s));
            back.ReadFrom(config);
            Assert.IsTrue(back.SameTrackerConfig(s));
            Assert.IsTrue(back.SameAs(s));
        }

        [TestMethod]
        public void TheTrackerDefaultsAreTheTableDefaults()
        {
            var fromTable = new UserSettings();
            var built = new UserSettings();
            built.TiltHoldMs = 1;
            built.ReadFrom(new TrackerConfig());
            Assert.IsTrue(built.SameAs(fromTable));
        }

        [TestMethod]
        public void StepLengthsInForceFollowTheHeightUnlessSet()
        {
            var s = new UserSettings();
            s.HeightCm = 150;
            Assert.AreEqual(StepLengths.ForwardFromHeightCm(150), s.ForwardStepLengthCm);
            Assert.AreEqual(StepLengths.BackwardFromForwardCm(StepLengths.ForwardFromHeightCm(150)), s.BackwardStepLengthCm);
            s.ForwardStepCm = 80;
            Assert.AreEqual(80, s.ForwardStepLengthCm);
            Assert.AreEqual(StepLengths.BackwardFromForwardCm(80), s.BackwardStepLengthCm);
            s.BackwardStepCm = 30;
            Assert.AreEqual(30, s.BackwardStepLengthCm);
        }
    }
}
