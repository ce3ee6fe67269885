using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Emulation;
using R = RetroWalk.Core.Sensors.Mpu6050Registers;

namespace RetroWalk.Tests.Host.Device
{
    [TestClass]
    public class Mpu6050EmulatorTests
    {
        [TestMethod]
        public void AFullFifoDropsTheOldestBytesMisalignsFramesAndFlagsTheOverflow()
        {
            var clock = new EmulatedClock();
            var chip = new Mpu6050Emulator(clock, IndexedSamples.Generate(1000));
            Configure(chip);
            clock.AdvanceMs(850);
            Assert.AreEqual(1020, chip.FifoCount);
            Assert.AreEqual(0, ReadRegister(chip, R.IntStatus) & R.IntFifoOverflow);

            clock.AdvanceMs(10);
            Assert.AreEqual(1024, chip.FifoCount, "a full FIFO reports 1024 and keeps overwriting");
            Assert.AreEqual(8L, chip.FifoBytesOverwritten);
            Assert.AreNotEqual(0, ReadRegister(chip, R.IntStatus) & R.IntFifoOverflow);
            Assert.AreEqual(0, ReadRegister(chip, R.IntStatus) & R.IntFifoOverflow, "INT_STATUS clears on read");

            // The oldest whole frame was cut: the FIFO now starts 8 bytes into a frame.
            var head = new byte[12];
            chip.Read(R.FifoRW, head);
            var first = new RetroWalk.Host.Recordings.RawSample(
                (short)((head[0] << 8) | head[1]), (short)((head[2] << 8) | head[3]), (short)((head[4] << 8) | head[5]),
                (short)((head[6] << 8) | head[7]), (short)((head[8] << 8) | head[9]), (short)((head[10] << 8) | head[11]));
            Assert.AreEqual(-1, IndexedSamples.IndexOf(first));
        }

        [TestMethod]
        public void FifoResetActsOnlyWhileTheFifoIsDisabled()
        {
            var clock = new EmulatedClock();
            var chip = new Mpu6050Emulator(clock, IndexedSamples.Generate(1000));
            Configure(chip);
            clock.AdvanceMs(100);
            chip.Write(new byte[] { R.UserCtrl, R.UserCtrlFifoEnable | R.UserCtrlFifoReset });
            Assert.AreEqual(120, chip.FifoCount);
            chip.Write(new byte[] { R.UserCtrl, 0 });
            chip.Write(new byte[] { R.UserCtrl, R.UserCtrlFifoReset });
            Assert.AreEqual(0, chip.FifoCount);
            Assert.AreEqual(0, chip.Peek(R.UserCtrl), "FIFO_RESET clears itself");
        }

        [TestMethod]
        public void TheSampleRateFollowsTheDlpfAndTheDivider()
        {
            var chip = new Mpu6050Emulator(new EmulatedClock(), IndexedSamples.Generate(10));
            Assert.AreEqual(125L, chip.SamplePeriodUs, "8 kHz gyro rate with the DLPF off");
            chip.Write(new byte[] { R.Config, 4 });
            chip.Write(new byte[] { R.SmplrtDiv, 19 });
            Assert.AreEqual(20_000L, chip.SamplePeriodUs, "1 kHz / 20 = 50 Hz");
            Assert.AreEqual(R.WhoAmIValue, chip.Peek(R.WhoAmI));
        }

        private static void Configure(Mpu6050Emulator chip)
        {
            chip.Write(new byte[] { R.PwrMgmt1, R.PwrMgmt1ClockPllGyroX });
            chip.Write(new byte[] { R.SmplrtDiv, 9, 3 }); // burst: SMPLRT_DIV, CONFIG
            chip.Write(new byte[] { R.IntEnable, R.IntFifoOverflow });
            chip.Write(new byte[] { R.FifoEn, R.FifoEnAccelGyro });
            chip.Write(new byte[] { R.UserCtrl, R.UserCtrlFifoEnable });
        }

        private static int ReadRegister(Mpu6050Emulator chip, byte register)
        {
            var value = new byte[1];
            chip.Read(register, value);
            return value[0];
        }
    }
}
