#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Power;

namespace RetroWalk.Tests.Power
{
    [TestClass]
    public class BatteryGaugeTests
    {
        [TestMethod]
        public void TheCurveHitsItsSourcePointsAndInterpolatesBetween()
        {
            Assert.AreEqual(0, LipoCurve.PercentFromMv(3300));
            Assert.AreEqual(0, LipoCurve.PercentFromMv(3500));
            Assert.AreEqual(10, LipoCurve.PercentFromMv(3600));
            Assert.AreEqual(25, LipoCurve.PercentFromMv(3700));
            Assert.AreEqual(50, LipoCurve.PercentFromMv(3750));
            Assert.AreEqual(75, LipoCurve.PercentFromMv(3900));
            Assert.AreEqual(100, LipoCurve.PercentFromMv(4180));
            Assert.AreEqual(100, LipoCurve.PercentFromMv(4250));
            Assert.AreEqual(5, LipoCurve.PercentFromMv(3550));
            Assert.AreEqual(88, LipoCurve.PercentFromMv(4040)); // 75 + 140/280 × 25 = 87.5
        }

        [TestMethod]
        public void TheCurveNeverFallsAsTheVoltageRises()
        {
            int previous = 0;
            for (int mv = 3000; mv <= 4300; mv += 5)
            {
                int p = LipoCurve.PercentFromMv(mv);
                Assert.IsTrue(p >= previous, "fell at " + mv.ToString());
                previous = p;
            }
        }

        [TestMethod]
        public void RawReadingsBecomeCellMillivoltsThroughTheDivider()
        {
            var gauge = new BatteryGauge(3300, 4095, 2, 1);
            // A 1950 mV pin (3900 mV cell) reads 1950 × 4095 / 3300 = 2420 counts.
            Assert.AreEqual(3900, gauge.CellMvFromRaw(2420 * 16, 16));
            Assert.AreEqual(0, gauge.CellMvFromRaw(100, 0));
        }

        [TestMethod]
        public void TheLevelOnlyFallsUnlessItRisesByTheHysteresis()
        {
            var gauge = new BatteryGauge(3300, 4095, 2, 1);
            Assert.AreEqual(-1, gauge.Percent);
            Assert.IsTrue(gauge.Update(RawFor(3900), 1));
            Assert.AreEqual(75, gauge.Percent);

            Assert.IsFalse(gauge.Update(RawFor(3910), 1), "a small rise (the load eased) is not published");
            Assert.AreEqual(75, gauge.Percent);

            Assert.IsTrue(gauge.Update(RawFor(3860), 1));
            Assert.IsTrue(gauge.Percent < 75);

            int low = gauge.Percent;
            Assert.IsTrue(gauge.Update(RawFor(4180), 1), "a charge is a rise of more than the hysteresis");
            Assert.AreEqual(100, gauge.Percent);
            Assert.IsTrue(low < 100);
        }

        [TestMethod]
        public void NoBatteryFittedReadsAsUnknown()
        {
            var gauge = new BatteryGauge(3300, 4095, 2, 1);
            Assert.IsFalse(gauge.Update(0, 1));
            Assert.AreEqual(-1, gauge.Percent);
            Assert.IsTrue(gauge.Update(RawFor(3900), 1));
            Assert.IsTrue(gauge.Update(RawFor(1000), 1), "the battery was unplugged: the level becomes unknown");
            Assert.AreEqual(-1, gauge.Percent);
        }

        private static int RawFor(int cellMv)
        {
            return (cellMv / 2 * 4095 + 1650) / 3300;
        }
    }
}
