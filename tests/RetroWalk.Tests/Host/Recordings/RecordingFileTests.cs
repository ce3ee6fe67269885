using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class RecordingFileTests
    {
        [TestMethod]
        public void EachKindIsRecognisedByNameAndFirstLine()
        {
            using var folder = new TempFolder();
            var sisfall = folder.Write("D05_SA01_R01.txt", SisFallReaderTests.Trial(4, i => new[] { 0, -256, 0, 0, 0, 0 }));
            var bangle = folder.Write("me-walk-7.csv", "Time (ms),X,Y,Z\n0,0,0,8192\n80,0,0,8192\n");
            var validation = folder.Write("user3_armband_1.csv", "0,0,9.8,0,0,0,0\n10000000,0,9.8,0,0,5,0\n");
            var own = Path.Combine(folder.Path, "own.csv");
            RetroWalkCsv.Write(own, RetroWalkCsvHeader.For(new TrackerConfig(), 4, "chest"), RetroWalkCsvTests.Samples);
            OxfordReaderTests.WriteOptimisation(folder, "ox", statsSteps: 21);

            Assert.AreEqual(SisFallReader.DatasetName, RecordingFile.Read(sisfall).Info.Dataset);
            Assert.AreEqual(7, RecordingFile.Read(bangle).Info.TrueSteps);
            Assert.AreEqual(5, RecordingFile.Read(validation).Info.TrueSteps);
            Assert.AreEqual("chest", RecordingFile.Read(own).Info.Placement);
            var optimisation = RecordingFile.Read(Path.Combine(folder.Path, "ox", "optimisation", "data", "Pixel_Test_Hard_FrontPocket_1"));
            Assert.AreEqual(21, optimisation.Info.TrueSteps, "stats.csv two folders up");
        }

        [TestMethod]
        public void AnUnknownFileIsRefusedNamingWhatIsRead()
        {
            using var folder = new TempFolder();
            var path = folder.Write("notes.csv", "a,b\n1,2\n");
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => RecordingFile.Read(path));
            Assert.AreEqual(1, e.LineNumber);
            StringAssert.Contains(e.Problem, "SisFall");
        }

        [TestMethod]
        public void ReadRawGivesDeviceSamplesAndEvalTakesASingleFileWithItsReversedCopy()
        {
            using var folder = new TempFolder();
            var path = folder.Write("D02_SA01_R01.txt", SisFallReaderTests.Trial(401, i => new[] { 0, -256, 0, 0, 0, 0 }));
            var raw = RecordingFile.ReadRaw(path, new SensorConfig());
            Assert.HasCount(201, raw, "2 s at 200 Hz become 2 s at 100 Hz");
            Assert.AreEqual((short)4096, raw[100].Ax, "upright: +1 g on device X");

            var report = Evaluator.EvaluateFolder(path);
            Assert.IsEmpty(report.Problems);
            CollectionAssert.AreEqual(new[] { false, true }, report.Results.Select(r => r.Info.Reversed).ToArray());
            Assert.AreEqual("D02_SA01_R01.txt", report.Results[0].Info.File);
        }
    }
}
