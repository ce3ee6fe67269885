#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class RscCodecTests
    {
        [TestMethod]
        public void MeasurementWithStrideMatchesTheSigLayout()
        {
            // 1.25 m/s = 320/256, 110 steps/min, 68 cm, walking: flags 01 | 40 01 | 6E | 44 00
            var m = new RscMeasurement { SpeedQ8MPerS = 320, CadencePerMin = 110, HasStrideLength = true, StrideLengthCm = 68 };
            byte[] buf = new byte[RscMeasurementCodec.MaxLength];
            Assert.AreEqual(6, RscMeasurementCodec.Encode(m, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("01 4001 6E 4400"), Slice(buf, 6));

            var back = new RscMeasurement();
            Assert.AreEqual(CodecStatus.Ok, RscMeasurementCodec.Decode(buf, 0, 6, back));
            Assert.AreEqual(320, back.SpeedQ8MPerS);
            Assert.AreEqual(110, back.CadencePerMin);
            Assert.IsTrue(back.HasStrideLength);
            Assert.AreEqual(68, back.StrideLengthCm);
            Assert.IsFalse(back.HasTotalDistance);
            Assert.IsFalse(back.Running);
        }

        [TestMethod]
        public void EveryOptionalFieldAndTheRunningFlagRoundTrip()
        {
            var m = new RscMeasurement
            {
                SpeedQ8MPerS = 0x0A00, CadencePerMin = 170, HasStrideLength = true, StrideLengthCm = 120,
                HasTotalDistance = true, TotalDistanceDm = 0x01020304, Running = true,
            };
            byte[] buf = new byte[RscMeasurementCodec.MaxLength];
            Assert.AreEqual(10, RscMeasurementCodec.Encode(m, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("07 000A AA 7800 04030201"), buf);

            var back = new RscMeasurement();
            Assert.AreEqual(CodecStatus.Ok, RscMeasurementCodec.Decode(buf, 0, 10, back));
            Assert.IsTrue(back.Running);
            Assert.AreEqual(0x01020304u, back.TotalDistanceDm);

            // Minimal form: flags 00, speed, cadence.
            var bare = new RscMeasurement { SpeedQ8MPerS = 1, CadencePerMin = 2 };
            Assert.AreEqual(4, RscMeasurementCodec.Encode(bare, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("00 0100 02"), Slice(buf, 4));
        }

        [TestMethod]
        public void ALengthThatDisagreesWithTheFlagsIsRejectedAndReservedBitsIgnored()
        {
            var into = new RscMeasurement();
            Assert.AreEqual(CodecStatus.BadLength, RscMeasurementCodec.Decode(BleBytes.Hex("01 4001 6E"), 0, 4, into));
            Assert.AreEqual(CodecStatus.BadLength, RscMeasurementCodec.Decode(BleBytes.Hex("00 4001 6E 44"), 0, 5, into));
            Assert.AreEqual(CodecStatus.BadLength, RscMeasurementCodec.Decode(BleBytes.Hex("00 40"), 0, 2, into));
            Assert.AreEqual(CodecStatus.Ok, RscMeasurementCodec.Decode(BleBytes.Hex("F8 4001 6E"), 0, 4, into));
            Assert.AreEqual(320, into.SpeedQ8MPerS);
            Assert.IsFalse(into.Running);
        }

        [TestMethod]
        public void FeatureDeclaresStrideAndWalkingStatusOnlyAndLocationIsHip()
        {
            byte[] buf = new byte[2];
            Assert.AreEqual(2, RscFeatureCodec.EncodeFeature(RscFeatureCodec.Supported, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex("0500"), buf);
            ushort features;
            Assert.AreEqual(CodecStatus.Ok, RscFeatureCodec.DecodeFeature(buf, 0, 2, out features));
            Assert.AreEqual(0, features & RscFeatureCodec.TotalDistanceSupported);
            Assert.AreEqual(CodecStatus.BadLength, RscFeatureCodec.DecodeFeature(buf, 0, 1, out features));
        }

        [TestMethod]
        public void SpeedIsCadenceTimesStepLengthInTheSpecUnits()
        {
            // 120 steps/min × 0.70 m = 84 m/min = 1.4 m/s = 358.4/256.
            Assert.AreEqual(358, RscMetrics.SpeedQ8MPerS(120, 70));
            // 96 steps/min × 0.45 m = 0.72 m/s = 184.32/256.
            Assert.AreEqual(184, RscMetrics.SpeedQ8MPerS(96, 45));
            Assert.AreEqual(0, RscMetrics.SpeedQ8MPerS(0, 70));
            Assert.AreEqual(65535, RscMetrics.SpeedQ8MPerS(255, 25000));
        }

        [TestMethod]
        public void BackwardStepsUseTheBackwardLengthAndStandingStillSendsZero()
        {
            var m = new RscMeasurement();
            RscMetrics.Fill(100, WalkDirection.Backward, false, 70, 46, m);
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(100, 46), m.SpeedQ8MPerS);
            Assert.AreEqual(46, m.StrideLengthCm);
            Assert.AreEqual(100, m.CadencePerMin);

            RscMetrics.Fill(100, WalkDirection.Forward, true, 70, 46, m);
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(100, 70), m.SpeedQ8MPerS);
            Assert.IsTrue(m.Running);

            RscMetrics.Fill(100, WalkDirection.Still, false, 70, 46, m);
            Assert.AreEqual(0, m.SpeedQ8MPerS);
            Assert.AreEqual(0, m.CadencePerMin);
        }

        [TestMethod]
        public void DefaultStepLengthsFollowFromHeight()
        {
            Assert.AreEqual(70, StepLengths.ForwardFromHeightCm(170)); // 0.414 × 170 = 70.4
            Assert.AreEqual(46, StepLengths.BackwardFromForwardCm(70)); // 65 % of 70 = 45.5
            Assert.IsTrue(StepLengths.BackwardFromForwardCm(StepLengths.ForwardFromHeightCm(190)) < StepLengths.ForwardFromHeightCm(190));
            var defaults = new UserSettings();
            Assert.AreEqual(70, defaults.ForwardStepLengthCm, "the default height gives the default forward step");
            Assert.AreEqual(46, defaults.BackwardStepLengthCm);
        }

        private static byte[] Slice(byte[] src, int length)
        {
            byte[] result = new byte[length];
            System.Array.Copy(src, result, length);
            return result;
        }
    }
}
