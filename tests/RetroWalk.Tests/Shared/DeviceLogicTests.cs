#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Device;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Sensors;
using RetroWalk.Core.Storage;

namespace RetroWalk.Tests
{
    [TestClass]
    public class DeviceLogicTests
    {
        [TestMethod]
        public void ShortPressAcknowledgesOnRelease()
        {
            ButtonLogic b = new ButtonLogic();
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(false, 0));
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, 100));
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, 200));
            Assert.AreEqual((int)ButtonAction.ShortPress, (int)b.Update(false, 300));
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(false, 400));
        }

        [TestMethod]
        public void LongPressFiresOnceWhileHeldAndItsReleaseDoesNothing()
        {
            ButtonLogic b = new ButtonLogic();
            b.Update(false, 0);
            b.Update(true, 1000);
            Assert.AreEqual((int)ButtonAction.PairingHold, (int)b.Update(true, 1000 + ButtonLogic.PairingHoldMs), "the pairing hold comes first");
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, 1000 + ButtonLogic.LongPressMs - 100));
            Assert.AreEqual((int)ButtonAction.LongPress, (int)b.Update(true, 1000 + ButtonLogic.LongPressMs));
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, 1000 + ButtonLogic.LongPressMs + 5000));
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(false, 1000 + ButtonLogic.LongPressMs + 5100));
        }

        [TestMethod]
        public void AButtonHeldAtBootIsIgnoredUntilReleased()
        {
            ButtonLogic b = new ButtonLogic();
            for (int t = 0; t <= 10000; t += 100)
            {
                Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, t));
            }

            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(false, 10100));
            b.Update(true, 10200);
            Assert.AreEqual((int)ButtonAction.ShortPress, (int)b.Update(false, 10300));
        }

        [TestMethod]
        public void FallAlarmOutranksIdentifyAndWarningChirpsBriefly()
        {
            AlarmPattern p = new AlarmPattern();
            p.StartIdentify(0);
            p.Update(AlarmLevel.None, 0);
            Assert.IsTrue(p.Buzzer);
            p.Update(AlarmLevel.FallAlarm, 100);
            int buzzerOn = 0;
            for (int t = 100; t < 1100; t += 100)
            {
                p.Update(AlarmLevel.FallAlarm, t);
                buzzerOn += p.Buzzer ? 1 : 0;
            }

            Assert.AreEqual(6, buzzerOn);
            int chirps = 0;
            for (int t = 2000; t < 6000; t += 100)
            {
                p.Update(AlarmLevel.TiltWarning, t);
                chirps += p.Buzzer ? 1 : 0;
            }

            Assert.AreEqual(2, chirps);
            p.Update(AlarmLevel.None, 7000);
            Assert.IsFalse(p.Buzzer);
            Assert.IsFalse(p.Led);
        }

        [TestMethod]
        public void HistoryKeepsSevenDaysInTimeOrder()
        {
            HourlyHistory h = new HourlyHistory();
            uint t0 = 1777626000;
            h.AddSteps(t0, 5, 1);
            h.AddSteps(t0, 5, 1);
            h.AddSteps(t0 - 3600, 1, 0);
            Assert.AreEqual(1, h.Count);
            uint hour;
            ushort fwd;
            ushort bwd;
            h.GetRecord(0, out hour, out fwd, out bwd);
            Assert.AreEqual((ushort)11, fwd);
            Assert.AreEqual((ushort)2, bwd);

            h.AddSteps(t0 + 3600, 0, 0);
            Assert.AreEqual(1, h.Count);
            h.AddSteps(t0 + HourlyHistory.RetentionS, 1, 1);
            Assert.AreEqual(1, h.Count);
            h.GetRecord(0, out hour, out fwd, out bwd);
            Assert.AreEqual(t0 + HourlyHistory.RetentionS, hour);

            for (int i = 1; i <= HourlyHistory.Capacity + 10; i++)
            {
                h.AddSteps(t0 + HourlyHistory.RetentionS + (uint)i * 3600, 1, 0);
            }

            Assert.AreEqual(HourlyHistory.Capacity, h.Count);
        }

        [TestMethod]
        public void LocalDayFollowsTheUtcOffset()
        {
            long utc = 1777593600; // 2026-05-01T00:00:00Z
            Assert.AreEqual(WallClock.LocalDay(utc, 0), WallClock.LocalDay(utc + 86399, 0));
            Assert.AreEqual(WallClock.LocalDay(utc, 0) - 1, WallClock.LocalDay(utc, -60));
            Assert.AreEqual(WallClock.LocalDay(utc, 0), WallClock.LocalDay(utc - 60, 120));
            Assert.AreEqual(1777633200u, WallClock.HourStart(1777633200 + 3599));
        }

        [TestMethod]
        public void RateSettingsComeFromTheOneKilohertzGyroRate()
        {
            byte dlpf;
            byte divider;
            Assert.IsTrue(Mpu6050Fifo.TryRateSettings(100, out dlpf, out divider));
            Assert.AreEqual((byte)9, divider);
            Assert.AreEqual((byte)3, dlpf);
            Assert.IsTrue(Mpu6050Fifo.TryRateSettings(50, out dlpf, out divider));
            Assert.AreEqual((byte)19, divider);
            Assert.IsFalse(Mpu6050Fifo.TryRateSettings(3, out dlpf, out divider));
            Assert.IsFalse(Mpu6050Fifo.TryRateSettings(70, out dlpf, out divider));
        }
    }
}
