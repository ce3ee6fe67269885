using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class FrameMapTests
    {
        [TestMethod]
        public void EachDeviceAxisTakesOneSignedSourceAxis()
        {
            var map = new FrameMap("-y +x +z");
            var v = map.Apply(1, 2, 3);
            Assert.AreEqual(-2.0, v.X);
            Assert.AreEqual(1.0, v.Y);
            Assert.AreEqual(3.0, v.Z);
            Assert.AreEqual((4.0, 5.0, 6.0), FrameMap.Identity.Apply(4, 5, 6));
        }

        [TestMethod]
        [DataRow("-y -x +z")]
        [DataRow("+x +y -z")]
        [DataRow("+y +x +z")]
        public void MirrorImagesAreRefused(string spec)
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => new FrameMap(spec));
            StringAssert.Contains(e.Message, "mirror image");
        }

        [TestMethod]
        [DataRow("+y +z +x")]
        [DataRow("-x -y +z")]
        [DataRow("+z +y -x")]
        public void RotationsAreAccepted(string spec)
        {
            Assert.AreEqual(spec, new FrameMap(spec).Spec);
        }

        [TestMethod]
        [DataRow("+x +x +z")]
        [DataRow("+x +y")]
        [DataRow("+x +y *z")]
        public void MalformedSpecsAreRefused(string spec)
        {
            Assert.ThrowsExactly<ArgumentException>(() => new FrameMap(spec));
        }
    }
}
