using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;
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
            var chip = new Mpu6050Emulator(clock, Physical(IndexedSamples.Generate(1000)));
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
            var first = new RawSample(
                (short)((head[0] << 8) | head[1]), (short)((head[2] << 8) | head[3]), (short)((head[4] << 8) | head[5]),
                (short)((head[6] << 8) | head[7]), (short)((head[8] << 8) | head[9]), (short)((head[10] << 8) | head[11]));
            Assert.AreEqual(-1, IndexedSamples.IndexOf(first));
        }

        [TestMethod]
        public void FifoResetActsOnlyWhileTheFifoIsDisabled()
        {
            var clock = new EmulatedClock();
            var chip = new Mpu6050Emulator(clock, Physical(IndexedSamples.Generate(1000)));
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
            var chip = new Mpu6050Emulator(new EmulatedClock(), Physical(IndexedSamples.Generate(10)));
            Assert.AreEqual(125L, chip.SamplePeriodUs, "8 kHz gyro rate with the DLPF off");
            chip.Write(new byte[] { R.Config, 4 });
            chip.Write(new byte[] { R.SmplrtDiv, 19 });
            Assert.AreEqual(20_000L, chip.SamplePeriodUs, "1 kHz / 20 = 50 Hz");
            Assert.AreEqual(R.WhoAmIValue, chip.Peek(R.WhoAmI));
        }

        [TestMethod]
        public void PhysicalUnitsAreScaledByTheRangesTheDriverWrote()
        {
            var clock = new EmulatedClock();
            var still = new ImuSample(1.0, -0.5, 3.0, 100.0, -250.0, 0.0);
            var chip = new Mpu6050Emulator(clock, Enumerable.Repeat(still, 1000));
            Configure(chip);
            int[] lsbPerG = { 16384, 8192, 4096, 2048 };
            double[] lsbPerDps = { 131, 65.5, 32.8, 16.4 };
            for (int range = 0; range < 4; range++)
            {
                chip.Write(new byte[] { R.GyroConfig, (byte)(range << 3), (byte)(range << 3) }); // burst: GYRO_CONFIG, ACCEL_CONFIG
                clock.AdvanceMs(10);
                var data = new byte[14];
                chip.Read(R.AccelXoutH, data);
                Assert.AreEqual(lsbPerG[range], Int16(data, 0), "1 g on X at AFS_SEL " + range);
                Assert.AreEqual(-lsbPerG[range] / 2, Int16(data, 2), "-0.5 g on Y at AFS_SEL " + range);
                Assert.AreEqual(Math.Min(32767, 3 * lsbPerG[range]), Int16(data, 4), "3 g on Z saturates at ±2 g only");
                Assert.AreEqual((int)Math.Round(100 * lsbPerDps[range]), Int16(data, 8), "100 °/s at FS_SEL " + range);
                Assert.AreEqual(Math.Max(-32768, (int)Math.Round(-250 * lsbPerDps[range])), Int16(data, 10), "-250 °/s saturates at ±250 °/s");
            }
        }

        [TestMethod]
        public void CountsAtTheDefaultRangesSurviveTheTripThroughPhysicalUnits()
        {
            var clock = new EmulatedClock();
            var chip = new Mpu6050Emulator(clock, Physical(IndexedSamples.Generate(100)));
            Configure(chip);
            clock.AdvanceMs(500);
            var frames = new byte[12 * 40];
            chip.Read(R.FifoRW, frames);
            for (int f = 0; f < 40; f++)
            {
                var s = new RawSample(Int16(frames, f * 12), Int16(frames, f * 12 + 2), Int16(frames, f * 12 + 4),
                    Int16(frames, f * 12 + 6), Int16(frames, f * 12 + 8), Int16(frames, f * 12 + 10));
                Assert.AreNotEqual(-1, IndexedSamples.IndexOf(s), "frame " + f);
            }
        }

        [TestMethod]
        public void AnAccelRangeOtherThanTheTrackersReachesTheTrackerAsHalfScaleSamples()
        {
            var input = Sessions.WalkThenFall();
            TapFifo rightTap = null;
            var right = new EmulatedDevice(input, publisher: new NullPublisher(), wrapFifo: f => rightTap = new TapFifo(f));
            right.RunToEnd();
            TapFifo wrongTap = null;
            var wrong = new EmulatedDevice(input, publisher: new NullPublisher(), wrapFifo: f => wrongTap = new TapFifo(f));
            // As if the driver had written ±16 g while the tracker assumes ±8 g: every sample reads half the force.
            wrong.Chip.Write(new byte[] { R.AccelConfig, (byte)((int)AccelRange.Range16G << 3) });
            wrong.RunToEnd();

            Assert.AreEqual(rightTap.Delivered.Count, wrongTap.Delivered.Count);
            for (int i = 0; i < rightTap.Delivered.Count; i += 97)
            {
                RawSample r = rightTap.Delivered[i];
                RawSample w = wrongTap.Delivered[i];
                bool saturated = r.Ax == short.MaxValue || r.Ax == short.MinValue || r.Az == short.MaxValue || r.Az == short.MinValue;
                Assert.IsTrue(saturated || (Math.Abs(r.Ax - 2 * w.Ax) <= 1 && Math.Abs(r.Az - 2 * w.Az) <= 1), "sample " + i + " at half scale");
                Assert.AreEqual(r.Gx, w.Gx, "the gyro range is unchanged");
            }
        }

        private static IEnumerable<ImuSample> Physical(IEnumerable<RawSample> counts)
        {
            return Mpu6050Scale.ToPhysical(counts, new SensorConfig());
        }

        private static short Int16(byte[] b, int offset)
        {
            return (short)((b[offset] << 8) | b[offset + 1]);
        }

        private static void Configure(Mpu6050Emulator chip)
        {
            chip.Write(new byte[] { R.PwrMgmt1, R.PwrMgmt1ClockPllGyroX });
            chip.Write(new byte[] { R.SmplrtDiv, 9, 3, 0x08, 0x10 }); // burst: SMPLRT_DIV, CONFIG, ±500 °/s, ±8 g
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
