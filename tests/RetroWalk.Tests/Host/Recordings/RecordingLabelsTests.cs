using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>Format version 2: label and gap lines among the samples (docs/recording-format.md), and version 1 still read.</summary>
    [TestClass]
    public class RecordingLabelsTests
    {
        private const string Header = "# retrowalk-recording: 2\n# rate_hz: 10\n# accel_range_g: 8\n# gyro_range_dps: 500\nax,ay,az,gx,gy,gz\n";

        private static string Sample(int k) => $"{k},0,0,0,0,0\n";

        [TestMethod]
        public void LabelsAndGapsReadAtTheSampleTheyPrecede()
        {
            using var folder = new TempFolder();
            var text = Header + "label,standing\n" + Sample(0) + Sample(1) + "label,walking_backward,treadmill\n" + Sample(2)
                       + "gap,7\n" + Sample(3) + "gap,unknown\n" + Sample(4) + "label,turning\n" + Sample(5);
            var file = RetroWalkCsv.ReadRaw(folder.Write("r.csv", text));
            Assert.AreEqual(6, file.Samples.Length);
            CollectionAssert.AreEqual(new[]
            {
                new RecordingLabel(0, "standing"), new RecordingLabel(2, "walking_backward", true), new RecordingLabel(5, "turning"),
            }, file.Labels.ToArray());
            CollectionAssert.AreEqual(new[] { new RecordingGap(3, 7), new RecordingGap(4, null) }, file.Gaps.ToArray());
        }

        [TestMethod]
        public void SegmentsRunFromLabelToLabelWithTheirGaps()
        {
            using var folder = new TempFolder();
            var text = Header + Sample(0) + "label,standing\n" + Sample(1) + Sample(2) + "label,walking_forward\n" + "label,walking_backward\n"
                       + Sample(3) + "gap,7\n" + Sample(4) + "gap,unknown\n" + Sample(5) + "gap,2\n";
            var recording = RetroWalkCsv.Read(folder.Write("r.csv", text), "r.csv");
            var segments = recording.Info.Segments;
            Assert.HasCount(2, segments, "no segment before the first label; a label replaced at the same sample makes none");
            Assert.AreEqual(new LabelledSegment("standing", false, 1, 3, 0.1, 0.3, 0, 0), segments[0]);
            Assert.AreEqual(new LabelledSegment("walking_backward", false, 3, 6, 0.3, 0.6, 9, 1), segments[1]);
            Assert.AreEqual("backward", segments[1].ExpectedDirection);
            Assert.IsNull(segments[0].ExpectedDirection);
            Assert.HasCount(3, recording.Info.Gaps);
            Assert.HasCount(6, recording.Samples, "a gap is not filled in");
            Assert.AreEqual(0.5, recording.Samples[5].TimeS, 1e-12, "time does not skip over a gap");
        }

        [TestMethod]
        public void WhatIsWrittenWithLabelsReadsBackAsVersion2()
        {
            using var folder = new TempFolder();
            var labels = new[] { new RecordingLabel(0, "standing"), new RecordingLabel(2, "walking_forward", true), new RecordingLabel(3, "turning") };
            var gaps = new[] { new RecordingGap(2, 5), new RecordingGap(3, null), new RecordingGap(3, 1) };
            var path = Path.Combine(folder.Path, "w.csv");
            RetroWalkCsv.Write(path, new RetroWalkCsvHeader { TrueSteps = 12 }, RetroWalkCsvTests.Samples, labels, gaps);
            var text = File.ReadAllText(path);
            StringAssert.StartsWith(text, "# retrowalk-recording: 2\n");
            StringAssert.Contains(text, "label,walking_forward,treadmill\ngap,5\n4100,", "a gap at a label's sample follows it: it belongs to the new segment");
            var file = RetroWalkCsv.ReadRaw(path);
            CollectionAssert.AreEqual(RetroWalkCsvTests.Samples, file.Samples);
            CollectionAssert.AreEqual(labels, file.Labels.ToArray());
            CollectionAssert.AreEqual(gaps, file.Gaps.ToArray());
            Assert.AreEqual(12, file.Header.TrueSteps);
        }

        [TestMethod]
        public void WithoutLabelsOrGapsTheWriterKeepsVersion1AndVersion1StillReads()
        {
            using var folder = new TempFolder();
            var path = Path.Combine(folder.Path, "plain.csv");
            RetroWalkCsv.Write(path, new RetroWalkCsvHeader(), RetroWalkCsvTests.Samples);
            StringAssert.StartsWith(File.ReadAllText(path), "# retrowalk-recording: 1\n");
            var recording = RetroWalkCsv.Read(path, "plain.csv");
            Assert.HasCount(0, recording.Info.Segments);
            Assert.HasCount(3, recording.Samples);
        }

        [TestMethod]
        [DataRow("# retrowalk-recording: 1\n# rate_hz: 10\n# accel_range_g: 8\n# gyro_range_dps: 500\nlabel,standing\n1,2,3,4,5,6\n", 5, "not a number")]
        [DataRow(Header + "label,Walking Forward\n1,2,3,4,5,6\n", 6, "lower-case word")]
        [DataRow(Header + "label\n1,2,3,4,5,6\n", 6, "label,NAME")]
        [DataRow(Header + "label,standing,uphill\n1,2,3,4,5,6\n", 6, "treadmill")]
        [DataRow(Header + "gap,0\n1,2,3,4,5,6\n", 6, "whole number from 1")]
        [DataRow(Header + "gap,-3\n1,2,3,4,5,6\n", 6, "whole number from 1")]
        [DataRow(Header + "gap\n1,2,3,4,5,6\n", 6, "gap,N")]
        [DataRow(Header + "note,hello\n1,2,3,4,5,6\n", 6, "neither a sample nor an event")]
        [DataRow(Header + "label,standing\n", 0, "no samples")]
        [DataRow("# retrowalk-recording: 2\n# rate_hz: 10\n# retrowalk-recording: 2\n", 3, "first line only")]
        public void MalformedEventLinesNameFileAndLine(string text, int line, string problem)
        {
            using var folder = new TempFolder();
            var path = folder.Write("bad.csv", text);
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => RetroWalkCsv.ReadRaw(path));
            Assert.AreEqual(line, e.LineNumber, e.Message);
            StringAssert.Contains(e.Problem, problem);
        }
    }
}
