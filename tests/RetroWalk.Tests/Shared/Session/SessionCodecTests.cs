#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Session;

namespace RetroWalk.Tests.Session
{
    [TestClass]
    public class SessionCodecTests
    {
        [TestMethod]
        public void ASummaryAndItsIntervalsRoundTrip()
        {
            var s = new SessionRecord();
            s.Number = 7;
            s.StartEpochS = 1790000000;
            s.DurationMs = 905000;
            s.ForwardMs = 500000;
            s.BackwardMs = 300000;
            s.ForwardSteps = 900;
            s.BackwardSteps = 480;
            s.LongestBackwardStreakSteps = 130;
            s.ForwardMilliKcal = 41400;
            s.BackwardMilliKcal = 33600;
            s.ForwardSteadiness.AddBout(100, 55000, 99L * 1100, 99L * 1100 * 1100 + 98 * 800, 27500, 50);
            s.StartedByCommand = true;
            s.IntervalTotal = 2;
            s.IntervalDirection[0] = 1;
            s.IntervalStartMs[0] = 0;
            s.IntervalDurationMs[0] = 120400;
            s.IntervalSteps[0] = 220;
            s.IntervalDirection[1] = 2;
            s.IntervalStartMs[1] = 125000;
            s.IntervalDurationMs[1] = 60000;
            s.IntervalSteps[1] = 100;
            var buf = new byte[SessionCodec.SummaryLength + 2 * SessionCodec.IntervalLength];
            Assert.AreEqual(SessionCodec.SummaryLength, SessionCodec.EncodeSummary(s, buf, 0));
            Assert.AreEqual(SessionCodec.IntervalLength, SessionCodec.EncodeInterval(s, 1, buf, SessionCodec.SummaryLength));
            var d = new SessionRecord();
            var figures = new int[SessionCodec.FigureCount];
            Assert.AreEqual(CodecStatus.Ok, SessionCodec.DecodeSummary(buf, 0, SessionCodec.SummaryLength, d, figures));
            Assert.AreEqual(7u, d.Number);
            Assert.AreEqual(1790000000u, d.StartEpochS);
            Assert.AreEqual(905000L, d.DurationMs);
            Assert.AreEqual(480, d.BackwardSteps);
            Assert.AreEqual(130, d.LongestBackwardStreakSteps);
            Assert.AreEqual(41, d.ForwardKcal);
            Assert.AreEqual(34, d.BackwardKcal);
            Assert.AreEqual(s.ForwardSteadiness.CvPermille, figures[SessionCodec.ForwardCv]);
            Assert.AreEqual(1, figures[SessionCodec.ForwardBouts]);
            Assert.AreEqual(100, figures[SessionCodec.ForwardSteadySteps]);
            Assert.AreEqual(2, d.IntervalTotal);
            Assert.IsTrue(d.StartedByCommand);
            Assert.IsFalse(d.EndedByCommand);
            byte dir;
            int startS;
            int durationS;
            int steps;
            Assert.AreEqual(CodecStatus.Ok, SessionCodec.DecodeInterval(buf, SessionCodec.SummaryLength, 8, out dir, out startS, out durationS, out steps));
            Assert.AreEqual((byte)2, dir);
            Assert.AreEqual(125, startS);
            Assert.AreEqual(60, durationS);
            Assert.AreEqual(100, steps);
        }

        [TestMethod]
        public void ShortOrUnknownPayloadsAreRejected()
        {
            var d = new SessionRecord();
            var figures = new int[SessionCodec.FigureCount];
            Assert.AreEqual(CodecStatus.BadLength, SessionCodec.DecodeSummary(new byte[47], 0, 47, d, figures));
            var buf = new byte[SessionCodec.SummaryLength];
            buf[47] = 0x80;
            Assert.AreEqual(CodecStatus.OutOfRange, SessionCodec.DecodeSummary(buf, 0, buf.Length, d, figures));
            byte dir;
            int a;
            int b;
            int c;
            Assert.AreEqual(CodecStatus.OutOfRange, SessionCodec.DecodeInterval(new byte[8], 0, 8, out dir, out a, out b, out c));
            Assert.AreEqual(0, SessionCodec.EncodeSummary(new SessionRecord(), new byte[10], 0));
        }
    }
}
