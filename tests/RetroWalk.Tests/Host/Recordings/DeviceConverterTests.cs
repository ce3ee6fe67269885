using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class DeviceConverterTests
    {
        private static MotionSample[] Sine(double rateHz, double seconds, double frequencyHz, double amplitude, double offset = 0)
        {
            var n = (int)(seconds * rateHz) + 1;
            return Enumerable.Range(0, n).Select(i =>
            {
                var t = i / rateHz;
                var v = offset + amplitude * Math.Sin(2 * Math.PI * frequencyHz * t);
                return new MotionSample(t, v, -v, 1, 2 * v, 0, 0);
            }).ToArray();
        }

        private static double Amplitude(MotionSample[] samples, int skip) =>
            samples.Skip(skip).Max(s => Math.Abs(s.Ax));

        [TestMethod]
        public void DecimatingKeepsWalkingFrequenciesAndTheGrid()
        {
            var source = Sine(200, 10, 2, 1.5);
            var output = DeviceConverter.Resample(source, 100);
            Assert.HasCount(1001, output);
            Assert.AreEqual(0.01 * 500, output[500].TimeS, 1e-12);
            Assert.AreEqual(1.5, Amplitude(output, 100), 0.02, "2 Hz passes the 40 Hz low-pass unharmed");
            // A causal filter lags a little: at 2 Hz the Butterworth's delay is a few ms, so compare a shifted sine.
            var t = output[700].TimeS;
            Assert.AreEqual(1.5 * Math.Sin(2 * Math.PI * 2 * (t - 0.0056)), output[700].Ax, 0.05);
            Assert.AreEqual(1.0, output[700].Az, 1e-9, "a constant stays exactly constant");
        }

        [TestMethod]
        public void DecimatingLowPassesAboveTheDlpfBandwidth()
        {
            // 90 Hz at 400 Hz would alias to 10 Hz at 100 Hz without the low-pass; the filter must attenuate it strongly.
            var source = Sine(400, 5, 90, 1.0);
            var output = DeviceConverter.Resample(source, 100);
            Assert.IsLessThan(0.25, Amplitude(output, 50), "90 Hz must be attenuated");
            var filtered = DeviceConverter.Resample(Sine(400, 5, 30, 1.0), 100);
            Assert.IsGreaterThan(0.7, Amplitude(filtered, 50), "30 Hz lies inside the 40 Hz bandwidth");
        }

        [TestMethod]
        public void UpsamplingInterpolatesLinearlyByTimestamp()
        {
            var source = new[]
            {
                new MotionSample(0.00, 0, 0, 0, 0, 0, 0),
                new MotionSample(0.08, 0.8, 0, 0, 8, 0, 0),
                new MotionSample(0.24, 0.0, 0, 0, 0, 0, 0), // a late sample: timing is not uniform
            };
            var output = DeviceConverter.Resample(source, 100);
            Assert.HasCount(25, output);
            Assert.AreEqual(0.3, output[3].Ax, 1e-12);
            Assert.AreEqual(0.8, output[8].Ax, 1e-12);
            Assert.AreEqual(0.4, output[16].Ax, 1e-12);
            Assert.AreEqual(4.0, output[16].Gx, 1e-12);
        }

        [TestMethod]
        public void CountsFollowTheRangesAndClipLikeTheSensor()
        {
            var sensor = new SensorConfig { AccelRange = AccelRange.Range8G, GyroRange = GyroRange.Range500Dps };
            var raw = DeviceConverter.ToCounts(new[]
            {
                new MotionSample(0, 1.0, -0.5, 12.0, 100, -600, 0.04),
                new MotionSample(0.01, -9.0, 7.9999, 0, 0, 0, 0),
            }, sensor);
            Assert.AreEqual(new RawSample(4096, -2048, 32767, 6550, -32768, 3), raw[0]);
            Assert.AreEqual((short)-32768, raw[1].Ax, "below -8 g the sensor reads -32768");
            Assert.AreEqual((short)32767, raw[1].Ay);
        }

        [TestMethod]
        public void ARecordingAtTheDeviceSettingsConvertsBackToItsCounts()
        {
            using var folder = new TempFolder();
            var path = System.IO.Path.Combine(folder.Path, "same.csv");
            var header = RetroWalkCsvHeader.For(new TrackerConfig());
            var written = Enumerable.Range(0, 300).Select(i => new RawSample((short)(4096 + i), (short)-i, (short)(i * 7), (short)(i * 3), (short)-i, 5)).ToArray();
            RetroWalkCsv.Write(path, header, written);
            var raw = DeviceConverter.ToRaw(RetroWalkCsv.Read(path, "same.csv"), new SensorConfig());
            CollectionAssert.AreEqual(written, raw);
        }

        [TestMethod]
        public void TimeReversalReversesAccelerationAndNegatesAngularRate()
        {
            var samples = new[]
            {
                new MotionSample(0.0, 1, 2, 3, 10, 20, 30),
                new MotionSample(0.5, 4, 5, 6, 40, 50, 60),
                new MotionSample(2.0, 7, 8, 9, 70, 80, 90),
            };
            var info = new RecordingInfo { Dataset = "d", File = "f", Activity = "D01", ImpactMs = 500 };
            var reversed = new Recording(info, samples, hasGyro: true).TimeReversed();
            Assert.IsTrue(reversed.Info.Reversed);
            Assert.AreEqual("D01", reversed.Info.Activity);
            Assert.AreEqual(1500.0, reversed.Info.ImpactMs.Value, 1e-9);
            CollectionAssert.AreEqual(new[] { 0.0, 1.5, 2.0 }, reversed.Samples.Select(s => s.TimeS).ToArray());
            Assert.AreEqual(new MotionSample(0.0, 7, 8, 9, -70, -80, -90), reversed.Samples[0]);
            Assert.AreEqual(new MotionSample(1.5, 4, 5, 6, -40, -50, -60), reversed.Samples[1]);
            Assert.AreEqual(new MotionSample(2.0, 1, 2, 3, -10, -20, -30), reversed.Samples[2]);
        }
    }
}
