using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class BangleReaderTests
    {
        [TestMethod]
        [DataRow("HughB-walk-1834", "walk", 1834, null)]
        [DataRow("HughB-static-0", "static", 0, null)]
        [DataRow("HughB-work-0", "work", 0, null)]
        [DataRow("HughB-nosteps1", "nosteps", 0, null)]
        [DataRow("HughB-drive-a3-b136", "drive", 3, 136)]
        [DataRow("walk-12", "walk", 12, null)]
        public void TheTruthComesFromTheFileName(string name, string kind, int truth, int? watch)
        {
            var parsed = BangleReader.ParseName(name);
            Assert.AreEqual(kind, parsed.Kind);
            Assert.AreEqual(truth, parsed.TrueSteps);
            Assert.AreEqual(watch, parsed.WatchSteps);
        }

        [TestMethod]
        public void ANameWithoutACountHasNoTruth()
        {
            Assert.IsNull(BangleReader.ParseName("HughB-shopping").TrueSteps);
        }

        [TestMethod]
        public void CountsAt8192PerGAndMillisecondTimes()
        {
            using var folder = new TempFolder();
            var path = folder.Write("HughB-drive-a3-b136.csv", "Time (ms),X,Y,Z\n85,8192,-4096,0\n165,0,0,-8192\n245,0,0,-8192\n");
            var recording = BangleReader.Read(path, "HughB-drive-a3-b136.csv");
            Assert.HasCount(3, recording.Samples);
            Assert.AreEqual(1.0, recording.Samples[0].Ax, 1e-12);
            Assert.AreEqual(-0.5, recording.Samples[0].Ay, 1e-12);
            Assert.AreEqual(-1.0, recording.Samples[1].Az, 1e-12);
            Assert.AreEqual(0.16, recording.DurationS, 1e-12);
            Assert.AreEqual(3, recording.Info.TrueSteps);
            Assert.AreEqual(136, recording.Info.PeerSteps[BangleReader.PeerWatch]);
            Assert.AreEqual("wrist", recording.Info.Placement);
            Assert.AreEqual("drive", recording.Info.Activity);
        }

        [TestMethod]
        public void AWrongHeaderOrLineIsNamed()
        {
            using var folder = new TempFolder();
            var noHeader = folder.Write("a-walk-3.csv", "85,1,2,3\n");
            Assert.AreEqual(1, Assert.ThrowsExactly<RecordingFormatException>(() => BangleReader.Read(noHeader, "x")).LineNumber);
            var badLine = folder.Write("b-walk-3.csv", "Time (ms),X,Y,Z\n85,1,2,3\n165,1,2\n");
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => BangleReader.Read(badLine, "x"));
            Assert.AreEqual(3, e.LineNumber);
            StringAssert.Contains(e.Message, badLine);
            var empty = folder.Write("c-walk-3.csv", "Time (ms),X,Y,Z\n");
            StringAssert.Contains(Assert.ThrowsExactly<RecordingFormatException>(() => BangleReader.Read(empty, "x")).Problem, "no samples");
        }
    }
}
