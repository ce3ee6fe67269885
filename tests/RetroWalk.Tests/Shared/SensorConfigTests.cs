#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Config;

namespace RetroWalk.Tests
{
    [TestClass]
    public class SensorConfigTests
    {
        [TestMethod]
        public void SensitivitiesFollowTheDatasheetForEachRange()
        {
            var c = new SensorConfig();
            c.AccelRange = AccelRange.Range2G;
            Assert.AreEqual(16384, c.AccelCountsPerG);
            c.AccelRange = AccelRange.Range8G;
            Assert.AreEqual(4096, c.AccelCountsPerG);
            c.AccelRange = AccelRange.Range16G;
            Assert.AreEqual(2048, c.AccelCountsPerG);
            c.GyroRange = GyroRange.Range500Dps;
            Assert.AreEqual(655, c.GyroCountsPer10Dps);
            c.GyroRange = GyroRange.Range2000Dps;
            Assert.AreEqual(164, c.GyroCountsPer10Dps);
        }

        [TestMethod]
        public void DurationsConvertToWholeSamples()
        {
            var c = new SensorConfig();
            Assert.AreEqual(100, c.MsToSamples(1000));
            Assert.AreEqual(1, c.MsToSamples(1));
            Assert.AreEqual(2500L, c.SamplesToMs(250));
        }
    }
}
