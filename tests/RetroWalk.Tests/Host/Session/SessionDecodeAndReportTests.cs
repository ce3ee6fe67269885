using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Cli.Decode;
using RetroWalk.Core.Config;
using RetroWalk.Core.Session;
using RetroWalk.Host.Coach;
using RetroWalk.Host.Synthesis;
using RetroWalk.Tests.Session;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>`retrowalk decode coach-session` and `retrowalk simulate --sessions`.</summary>
    [TestClass]
    public class SessionDecodeAndReportTests
    {
        private static byte[] Encode(SessionRecord s, int intervals)
        {
            var b = new byte[SessionCodec.SummaryLength + intervals * SessionCodec.IntervalLength];
            int n = SessionCodec.EncodeSummary(s, b, 0);
            for (int k = 0; k < intervals; k++) n += SessionCodec.EncodeInterval(s, k, b, n);
            return b;
        }

        [TestMethod]
        public void ADecodedSessionNamesItsFiguresAndIntervals()
        {
            var s = SessionStoreTests.WithSessions(1).History.Get(0);
            var decoded = PayloadDecoders.Find(SessionDecoder.Name)!.Decode(Encode(s, s.IntervalCount));
            Assert.IsNull(decoded.Error);
            string Field(string name) => decoded.Fields.Single(f => f.Name == name).Value;
            Assert.AreEqual("1", Field("session"));
            StringAssert.StartsWith(Field("backward"), $"{s.BackwardSteps} steps");
            Assert.AreEqual(s.IntervalCount, decoded.Fields.Count(f => f.Name.StartsWith("interval ")));
            StringAssert.StartsWith(Field("interval 2"), "backward");
        }

        [TestMethod]
        public void BadLengthsAndDirectionsAreErrors()
        {
            var s = SessionStoreTests.WithSessions(1).History.Get(0);
            var bytes = Encode(s, s.IntervalCount);
            Assert.IsNotNull(SessionDecoder.Decode(bytes.Take(40).ToArray()).Error, "short summary");
            Assert.IsNotNull(SessionDecoder.Decode(bytes.Take(bytes.Length - 3).ToArray()).Error, "a partial interval");
            bytes[SessionCodec.SummaryLength] = 9;
            StringAssert.Contains(SessionDecoder.Decode(bytes).Error, "direction 9");
        }

        [TestMethod]
        public void SimulatePrintsTheSessionOfTheShortScenario()
        {
            var config = new TrackerConfig();
            var recorder = SessionReport.Record(SessionSynthesizer.Plan("short", seed: 1).Samples(), config);
            var text = new StringWriter();
            SessionReport.Print(recorder, text);
            string printed = text.ToString();
            StringAssert.StartsWith(printed, "sessions: 1");
            Assert.AreEqual(3, printed.Split('\n').Count(l => l.TrimStart().StartsWith("interval ")), printed);
            StringAssert.Contains(printed, "backward at");
        }
    }
}
