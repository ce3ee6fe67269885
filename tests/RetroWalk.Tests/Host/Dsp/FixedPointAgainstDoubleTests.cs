using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Dsp;
using RetroWalk.Core.Motion;

namespace RetroWalk.Tests.Host.Dsp
{
    /// <summary>
    /// The core's fixed-point building blocks against a floating-point reference (host only: the device has no
    /// double maths). Each test states its error bound and why it is enough.
    /// </summary>
    [TestClass]
    public class FixedPointAgainstDoubleTests
    {
        [TestMethod]
        public void IsqrtEqualsTheFloorOfTheRealSquareRoot()
        {
            // Bound: exact (0 error) for every input, including sums of squares beyond 32 bits.
            var random = new Random(7);
            for (int i = 0; i < 20000; i++)
            {
                long x = (long)(random.NextDouble() * random.NextDouble() * long.MaxValue / 4);
                long expected = (long)Math.Floor(Math.Sqrt(x));
                // Math.Sqrt rounds in double: correct the reference by one where it is off.
                while (expected * expected > x) expected--;
                while ((expected + 1) * (expected + 1) <= x) expected++;
                Assert.AreEqual(expected, FixedMath.Isqrt64(x), $"isqrt({x})");
            }
        }

        [TestMethod]
        public void CosineTableIsWithinOneQ14Step()
        {
            // Bound: 1 LSB of Q14 (6e-5): far below the 0.1° the tilt is reported in.
            for (int d = 0; d <= 180; d++)
            {
                double reference = Math.Cos(d * Math.PI / 180) * 16384;
                Assert.IsTrue(Math.Abs(AngleTable.CosDegQ14(d) - reference) <= 1.0, $"cos {d}°");
            }
        }

        [TestMethod]
        public void ArcCosineIsWithinAFifthOfADegree()
        {
            // Bound: 0.2° over 0-180°. Linear interpolation between whole degrees; the reported tilt has 0.1° steps, and
            // every threshold (30°, 45°, 70°) is compared as a squared cosine, not through this function.
            double worst = 0;
            for (int c = -16384; c <= 16384; c += 7)
            {
                double reference = Math.Acos(c / 16384.0) * 180 / Math.PI;
                double error = Math.Abs(AngleTable.AcosDeciDeg(c) / 10.0 - reference);
                worst = Math.Max(worst, error);
            }

            Assert.IsTrue(worst <= 0.2, $"worst acos error {worst:F3}°");
        }

        [TestMethod]
        public void ShiftAveragesFollowTheirExponentialReference()
        {
            // Bound: within 0.5 % of the step's height after each time constant. y += (x - y) >> k is the exponential
            // average with alpha = 2^-k; the integer shift truncates, worth at most one count per step.
            foreach (int k in new[] { 2, 3, 5, 7 })
            {
                int sum = 0;
                double y = 0;
                double alpha = 1.0 / (1 << k);
                const int Step = 4096;
                for (int n = 1; n <= 8 * (1 << k); n++)
                {
                    sum += Step - (sum >> k);
                    y += alpha * (Step - y);
                    double fixedValue = (double)sum / (1 << k);
                    Assert.IsTrue(Math.Abs(fixedValue - y) <= Step * 0.005 + 1, $"k={k} n={n}: {fixedValue} vs {y:F1}");
                }
            }
        }

        [TestMethod]
        public void TheSquareRootFreeMagnitudeIsTheTrueMagnitudePlusAKnownSquare()
        {
            // (|a|² - g²) / 2g = (|a| - g) + (|a| - g)² / 2g. Bound: the error is exactly that square term (±1 count of
            // rounding): 5 mg at ±0.1 g from 1 g, 45 mg at ±0.3 g, 125 mg at ±0.5 g. It is never negative and the mapping
            // never falls as |a| rises, so peaks stay peaks and troughs troughs: step timing does not depend on it.
            const int G = 4096;
            int previous = int.MinValue;
            for (int milliG = 0; milliG <= 3000; milliG += 10)
            {
                int a = milliG * G / 1000;
                long squared = (long)a * a;
                int linear = (int)((squared - (long)G * G) / (2 * G));
                double exact = a - G;
                double square = exact * exact / (2.0 * G);
                Assert.IsTrue(Math.Abs(linear - (exact + square)) <= 1, $"{milliG} mg");
                Assert.IsTrue(linear >= previous, $"{milliG} mg: falls");
                previous = linear;
            }
        }

        [TestMethod]
        public void TheUpVectorIsAUnitVectorAlongGravity()
        {
            // Bound: |up| = 1 within 2^-12, and up within 0.05° of the true gravity direction: the Q14 normalisation.
            var random = new Random(3);
            for (int trial = 0; trial < 50; trial++)
            {
                double theta = random.NextDouble() * Math.PI, phi = random.NextDouble() * 2 * Math.PI;
                short gx = (short)(4096 * Math.Sin(theta) * Math.Cos(phi));
                short gy = (short)(4096 * Math.Sin(theta) * Math.Sin(phi));
                short gz = (short)(4096 * Math.Cos(theta));
                var frame = new MotionFrame(new SensorConfig(), MountAxis.PlusZ);
                for (int i = 0; i < 300; i++)
                {
                    frame.Update(gx, gy, gz);
                }

                double ux = frame.UpX / 16384.0, uy = frame.UpY / 16384.0, uz = frame.UpZ / 16384.0;
                double norm = Math.Sqrt(ux * ux + uy * uy + uz * uz);
                Assert.IsTrue(Math.Abs(norm - 1) <= 1.0 / 4096, $"|up| = {norm}");
                double g = Math.Sqrt((double)gx * gx + (double)gy * gy + (double)gz * gz);
                double cos = (ux * gx + uy * gy + uz * gz) / (norm * g);
                Assert.IsTrue(Math.Acos(Math.Min(1, cos)) * 180 / Math.PI <= 0.05, "up is off gravity");
            }
        }

        [TestMethod]
        public void ReportedTiltIsWithinHalfADegreeOfTheTrueAngle()
        {
            // Bound: 0.5°: the Q14 dot product, one integer square root and the table arc-cosine together.
            foreach (double degrees in new[] { 0.0, 7.5, 22.0, 31.0, 48.0, 66.0, 89.0 })
            {
                var t = new RetroWalk.Core.Tracker(new TrackerConfig());
                for (int i = 0; i < 300; i++)
                {
                    t.Process(4096, 0, 0, 0, 0, 0);
                }

                double r = degrees * Math.PI / 180;
                short ax = (short)Math.Round(4096 * Math.Cos(r)), az = (short)Math.Round(4096 * Math.Sin(r));
                for (int i = 0; i < 300; i++)
                {
                    t.Process(ax, 0, az, 0, 0, 0);
                }

                double reference = Math.Atan2(az, ax) * 180 / Math.PI;
                Assert.IsTrue(Math.Abs(t.TiltDeciDeg / 10.0 - reference) <= 0.5, $"{degrees}°: reported {t.TiltDeciDeg / 10.0}°");
            }
        }
    }
}
