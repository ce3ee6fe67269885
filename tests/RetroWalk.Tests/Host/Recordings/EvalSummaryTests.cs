using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class EvalSummaryTests
    {
        private static EvalResult Result(string dataset, string file, string placement = null, int? truth = null, int forward = 0,
            int backward = 0, string activity = null, bool? fallExpected = null, double? alarmMs = null, double? impactMs = null,
            bool reversed = false, Dictionary<string, int> peers = null)
        {
            return new EvalResult
            {
                Info = new RecordingInfo
                {
                    Dataset = dataset, File = file, Placement = placement, TrueSteps = truth, Activity = activity,
                    FallExpected = fallExpected, ImpactMs = impactMs, Reversed = reversed,
                    PeerSteps = peers ?? new Dictionary<string, int>(),
                },
                ForwardSteps = forward,
                BackwardSteps = backward,
                FallAlarmMs = alarmMs,
            };
        }

        [TestMethod]
        public void FiguresFollowTheirDefinitions()
        {
            var results = new List<EvalResult>
            {
                Result("oxford-stepcounter", "a", "FrontPocket", truth: 100, forward: 90),
                Result("oxford-stepcounter", "b", "NeckPouch", truth: 200, forward: 230),
                Result("oxford-stepcounter", "c", "Armband", truth: 100, forward: 0), // not body-worn: left out
                Result("banglejs-stepcount", "static", "wrist", truth: 0, forward: 2, activity: "static", alarmMs: 1234),
                Result("banglejs-stepcount", "drive", "wrist", truth: 3, forward: 7, activity: "drive",
                    peers: new Dictionary<string, int> { [BangleReader.PeerWatch] = 136 }),
                Result("sisfall", "w1", activity: "D01", fallExpected: false, forward: 90, backward: 10),
                Result("sisfall", "w1", activity: "D01", fallExpected: false, forward: 30, backward: 70, reversed: true, alarmMs: 10),
                Result("sisfall", "f1", activity: "F01", fallExpected: true, alarmMs: 1500, impactMs: 1000),
                Result("sisfall", "f2", activity: "F02", fallExpected: true, alarmMs: 2300, impactMs: 1500),
                Result("sisfall", "f3", activity: "F03", fallExpected: true),
                Result("sisfall", "f4", activity: "F04", fallExpected: true, alarmMs: 4000, impactMs: 2000),
                Result("sisfall", "d9", activity: "D19", fallExpected: false, alarmMs: 800),
                Result("sisfall", "d9b", activity: "D19", fallExpected: false),
                Result("retrowalk", "own.csv", "waist", truth: 50, forward: 20, backward: 25),
            };
            var s = EvalSummary.From(results);

            Assert.AreEqual(2, s.OxfordBodyWornRecordings);
            Assert.AreEqual(12.5, s.OxfordBodyWornMeanAbsErrorPct.Value, 1e-9);
            Assert.AreEqual(15.0, s.OxfordBodyWornWorstAbsErrorPct.Value, 1e-9);
            Assert.AreEqual("b", s.OxfordBodyWornWorstFile);
            Assert.AreEqual("static", s.BangleNoStep.Single().File);
            Assert.AreEqual(2, s.BangleNoStep.Single().CountedSteps);
            Assert.AreEqual(136, s.BangleDriving.Single().PeerSteps);
            Assert.AreEqual(7, s.BangleDriving.Single().CountedSteps);
            Assert.AreEqual(90.0, s.SisFallWalkForwardPct.Value, 1e-9);
            Assert.AreEqual(70.0, s.SisFallReversedBackwardPct.Value, 1e-9);
            Assert.AreEqual(4, s.FallTrials);
            Assert.AreEqual(75.0, s.FallsAlarmedPct.Value, 1e-9);
            Assert.AreEqual(3, s.AdlTrials, "reversed copies are not ADL trials");
            Assert.AreEqual(100.0 / 3, s.AdlFallAlarmPct.Value, 1e-9);
            Assert.AreEqual(1, s.ReversedWithFallAlarm);
            var d19 = s.AdlFalseAlarmsByActivity.Single(a => a.Activity == "D19");
            Assert.AreEqual(2, d19.Trials);
            Assert.AreEqual(1, d19.Alarms);
            Assert.AreEqual(800.0, s.MedianFallLatencyMs.Value, 1e-9, "latencies 500, 800, 2000");
            Assert.AreEqual("static at 1234 ms", s.NonFallDatasetAlarms.Single(), "a fall alarm where nobody fell");
            Assert.AreEqual(1, s.OwnRecordingsWithTruth);
            Assert.AreEqual(10.0, s.OwnMeanAbsErrorPct.Value, 1e-9, "45 counted of 50, both directions");
        }

        [TestMethod]
        public void MissingDataLeavesFiguresEmpty()
        {
            var s = EvalSummary.From(new List<EvalResult>());
            Assert.IsNull(s.OxfordBodyWornMeanAbsErrorPct);
            Assert.IsNull(s.FallsAlarmedPct);
            Assert.IsNull(s.MedianFallLatencyMs);
            Assert.IsNull(s.SisFallWalkForwardPct);
            Assert.AreEqual(2.5, EvalSummary.Median(new[] { 4.0, 1.0, 2.0, 3.0 }).Value, 1e-12);
        }
    }
}
