using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class SisFallReaderTests
    {
        /// <summary>A SisFall-style trial: n lines of the given 6 counts (+ 3 unused MMA8451Q columns), ';' line ends.</summary>
        internal static string Trial(int lines, Func<int, int[]> counts)
        {
            var text = new StringBuilder();
            for (var i = 0; i < lines; i++)
            {
                var c = counts(i);
                text.AppendFormat("{0,4},{1,4},{2,4},{3,4},{4,4},{5,4},  -9,-1049,  -8;\r\n", c[0], c[1], c[2], c[3], c[4], c[5]);
            }
            return text.ToString();
        }

        [TestMethod]
        public void CountsBecomeGAndDegreesPerSecondInTheDeviceFrame()
        {
            using var folder = new TempFolder();
            // Upright: y = -256 counts = -1 g (y points down); z = +128 (0.5 g forward); x = +64 (0.25 g to the right).
            // Gyro: 1000 counts on each axis = 61.035 °/s.
            var path = folder.Write("D07_SA01_R01.txt", Trial(10, i => new[] { 64, -256, 128, 1000, -2000, 3000 }));
            var recording = SisFallReader.Read(path, "D07_SA01_R01.txt");
            var s = recording.Samples[3];
            Assert.AreEqual(1.0, s.Ax, 1e-12, "device X (up) = -y");
            Assert.AreEqual(0.25, s.Ay, 1e-12, "device Y (right) = +x");
            Assert.AreEqual(0.5, s.Az, 1e-12, "device Z (forward) = +z");
            Assert.AreEqual(2000 * 4000.0 / 65536, s.Gx, 1e-9);
            Assert.AreEqual(1000 * 4000.0 / 65536, s.Gy, 1e-9);
            Assert.AreEqual(3000 * 4000.0 / 65536, s.Gz, 1e-9);
            Assert.AreEqual(0.015, s.TimeS, 1e-12, "200 Hz");
            Assert.IsTrue(recording.HasGyro);
            Assert.AreEqual(MountAxis.PlusZ, recording.Info.ForwardAxis);
            Assert.AreEqual("waist", recording.Info.Placement);
            Assert.AreEqual("D07", recording.Info.Activity);
            Assert.IsFalse(recording.Info.FallExpected);
            Assert.IsNull(recording.Info.ImpactMs, "impact is only reported for falls");
            Assert.IsNull(recording.Info.TrueSteps);
        }

        [TestMethod]
        public void TheAxisMapIsAProperRotation()
        {
            var map = SisFallReader.ToDevice;
            Assert.AreEqual(1.0, map.Determinant, 1e-12, "a mirror image would turn every angular rate the wrong way round");
            Assert.AreEqual(Rotation.Identity, map.Transposed * map);
        }

        [TestMethod]
        public void FallsReportTheTimeOfTheLargestSourceAcceleration()
        {
            using var folder = new TempFolder();
            // A 20 g spike (beyond what the device's ±8 g range keeps) at line 301 = sample 300 = 1500 ms.
            var path = folder.Write("F01_SA01_R01.txt", Trial(600, i => i == 300 ? new[] { 0, 5120, 0, 0, 0, 0 } : new[] { 0, -256, 0, 0, 0, 0 }));
            var recording = SisFallReader.Read(path, "F01_SA01_R01.txt");
            Assert.IsTrue(recording.Info.FallExpected);
            Assert.AreEqual(1500.0, recording.Info.ImpactMs.Value, 1e-9);
            Assert.HasCount(600, recording.Samples);
        }

        [TestMethod]
        public void AMalformedLineIsNamedWithFileAndLine()
        {
            using var folder = new TempFolder();
            var text = Trial(5, i => new[] { 0, -256, 0, 0, 0, 0 }) + "  1,  2, abc,  4,  5,  6,  7,  8,  9;\r\n";
            var path = folder.Write("D01_SA01_R01.txt", text);
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => SisFallReader.Read(path, "D01_SA01_R01.txt"));
            Assert.AreEqual(path, e.FilePath);
            Assert.AreEqual(6, e.LineNumber);
            StringAssert.Contains(e.Message, path + ":6:");
            StringAssert.Contains(e.Message, "'abc'");
        }

        [TestMethod]
        public void ShortLinesAndMissingFilesAreErrors()
        {
            using var folder = new TempFolder();
            var path = folder.Write("D02_SA01_R01.txt", "1,2,3;\n");
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => SisFallReader.Read(path, "x"));
            Assert.AreEqual(1, e.LineNumber);
            StringAssert.Contains(e.Problem, "expected 6");
            var missing = System.IO.Path.Combine(folder.Path, "D03_SA01_R01.txt");
            var notFound = Assert.ThrowsExactly<RecordingFormatException>(() => SisFallReader.Read(missing, "x"));
            StringAssert.Contains(notFound.Message, "not found");
        }

        [TestMethod]
        public void OnlyTrialFileNamesAreRecordings()
        {
            Assert.IsTrue(SisFallReader.IsTrialFileName("D01_SA02_R01.txt"));
            Assert.IsTrue(SisFallReader.IsTrialFileName("F15_SE06_R05.txt"));
            Assert.IsFalse(SisFallReader.IsTrialFileName("Readme.txt"));
            Assert.IsFalse(SisFallReader.IsTrialFileName("X01_SA02_R01.txt"));
            Assert.IsTrue(SisFallReader.IsWalkOrJog("D04"));
            Assert.IsFalse(SisFallReader.IsWalkOrJog("D05"));
        }
    }
}
