#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Dsp;

namespace RetroWalk.Tests.Core
{
    [TestClass]
    public class FixedMathTests
    {
        [TestMethod]
        public void IsqrtIsTheExactFloorOfTheSquareRoot()
        {
            uint[] roots = { 0, 1, 2, 3, 15, 16, 255, 4096, 40000, 65535 };
            for (int i = 0; i < roots.Length; i++)
            {
                uint r = roots[i];
                Assert.AreEqual(r, FixedMath.Isqrt(r * r));
                if (r > 0)
                {
                    Assert.AreEqual(r - 1, FixedMath.Isqrt(r * r - 1));
                }
            }

            Assert.AreEqual(65535u, FixedMath.Isqrt(uint.MaxValue));
        }

        [TestMethod]
        public void Isqrt64CoversSumsOfSquaresBeyondAnInt()
        {
            long r = 3037000499L;
            Assert.AreEqual(r, FixedMath.Isqrt64(r * r));
            Assert.AreEqual(r - 1, FixedMath.Isqrt64(r * r - 1));
            Assert.AreEqual(0L, FixedMath.Isqrt64(-5));
        }

        [TestMethod]
        public void EmaShiftRoundsTheTimeConstantToAPowerOfTwoSamples()
        {
            Assert.AreEqual(7, TimeConstants.EmaShift(1280, 100));
            Assert.AreEqual(3, TimeConstants.EmaShift(80, 100));
            Assert.AreEqual(2, TimeConstants.EmaShift(40, 100));
            Assert.AreEqual(5, TimeConstants.EmaShift(320, 100));
            Assert.AreEqual(2, TimeConstants.EmaShift(80, 50));
        }

        [TestMethod]
        public void AcosOfTheTableCosineReturnsTheAngleToATenth()
        {
            for (int d = 0; d <= 180; d++)
            {
                int tenths = AngleTable.AcosDeciDeg(AngleTable.CosDegQ14(d));
                int error = tenths - d * 10;
                Assert.IsTrue(error >= -1 && error <= 1, "acos(cos " + d.ToString() + "°) = " + tenths.ToString());
            }
        }
    }
}
