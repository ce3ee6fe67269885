using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class RetroWalkCsvTests
    {
        internal static readonly RawSample[] Samples =
        {
            new RawSample(4096, 0, 0, 0, 0, 0),
            new RawSample(-32768, 32767, -1, 655, -655, 12),
            new RawSample(4100, -20, 300, 1, 2, 3),
        };

        [TestMethod]
        public void WhatIsWrittenReadsBackExactly()
        {
            using var folder = new TempFolder();
            var header = new RetroWalkCsvHeader
            {
                RateHz = 50, AccelRange = AccelRange.Range4G, GyroRange = GyroRange.Range2000Dps,
                ForwardAxis = MountAxis.MinusY, TrueSteps = 17, Placement = "chest",
            };
            var path = Path.Combine(folder.Path, "walk.csv");
            RetroWalkCsv.Write(path, header, Samples);
            var file = RetroWalkCsv.ReadRaw(path);
            Assert.AreEqual(header, file.Header);
            CollectionAssert.AreEqual(Samples, file.Samples);
            StringAssert.StartsWith(File.ReadAllText(path), "# retrowalk-recording: 1\n");
        }

        [TestMethod]
        public void ReadingGivesPhysicalUnitsAtTheHeaderRanges()
        {
            using var folder = new TempFolder();
            var path = folder.Write("r.csv",
                "# retrowalk-recording: 1\n# rate_hz: 200\n# accel_range_g: 2\n# gyro_range_dps: 250\n# a comment\n# operator: me\n" +
                "ax,ay,az,gx,gy,gz\n16384,-8192,0,131,-1310,0\n\n16384,0,0,0,0,0\n");
            var recording = RetroWalkCsv.Read(path, "r.csv");
            Assert.HasCount(2, recording.Samples);
            Assert.AreEqual(1.0, recording.Samples[0].Ax, 1e-12);
            Assert.AreEqual(-0.5, recording.Samples[0].Ay, 1e-12);
            Assert.AreEqual(131 * 10.0 / 1310, recording.Samples[0].Gx, 1e-12);
            Assert.AreEqual(-10.0, recording.Samples[0].Gy, 1e-12);
            Assert.AreEqual(0.005, recording.Samples[1].TimeS, 1e-12);
            Assert.AreEqual(MountAxis.PlusZ, recording.Info.ForwardAxis, "PlusZ is the documented default");
            Assert.IsNull(recording.Info.TrueSteps);
            Assert.IsNull(recording.Info.Placement);
            Assert.AreEqual(RetroWalkCsv.DatasetName, recording.Info.Dataset);
        }

        [TestMethod]
        [DataRow("x,y\n", 1, "not a RetroWalk recording")]
        [DataRow("# retrowalk-recording: 3\n", 1, "version")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n1,2,3,4,5,6\n", 4, "gyro_range_dps")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 3\n", 3, "not an MPU6050 range")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: fast\n", 2, "rate_hz")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\n# forward_axis: Up\n", 5, "forward_axis")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\nax,ay,az,gx,gy,gz\n1,2,3,4,5,6\n1,2,3,4,5,40000\n", 7, "16-bit")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\n1,2,3,4,5,6,7\n", 5, "found more")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\n1,2,3.5,4,5,6\n", 5, "16-bit")]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 100\n# accel_range_g: 8\n# gyro_range_dps: 500\nax,ay,az,gx,gy,gz\n", 0, "no samples")]
        public void MalformedFilesNameFileAndLine(string text, int line, string problem)
        {
            using var folder = new TempFolder();
            var path = folder.Write("bad.csv", text);
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => RetroWalkCsv.ReadRaw(path));
            Assert.AreEqual(line, e.LineNumber, e.Message);
            StringAssert.Contains(e.Message, path);
            StringAssert.Contains(e.Problem, problem);
        }
    }
}
