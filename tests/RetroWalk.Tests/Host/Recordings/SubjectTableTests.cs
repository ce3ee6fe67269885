using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class SubjectTableTests
    {
        private static EvalResult Result(string dataset, string subject, int? age = null, int? truth = null, int forward = 0,
            int backward = 0, string activity = null, bool? fallExpected = null, double? alarmMs = null, bool reversed = false)
        {
            return new EvalResult
            {
                Info = new RecordingInfo
                {
                    Dataset = dataset, File = subject + activity + reversed, Subject = subject, SubjectAge = age, TrueSteps = truth,
                    Activity = activity, FallExpected = fallExpected, Reversed = reversed, PeerSteps = new Dictionary<string, int>(),
                },
                ForwardSteps = forward,
                BackwardSteps = backward,
                FallAlarmMs = alarmMs,
            };
        }

        [TestMethod]
        public void RowsFollowTheirDefinitions()
        {
            var results = new List<EvalResult>
            {
                Result("sisfall", "SA02", 26, activity: "D01", fallExpected: false, forward: 90, backward: 10),
                Result("sisfall", "SA02", 26, activity: "D01", fallExpected: false, forward: 5, backward: 95, reversed: true),
                Result("sisfall", "SA02", 26, activity: "D07", fallExpected: false, forward: 50, alarmMs: 100), // not a walk; a false alarm
                Result("sisfall", "SA02", 26, activity: "F01", fallExpected: true, alarmMs: 1000),
                Result("sisfall", "SA02", 26, activity: "F10", fallExpected: true),
                Result("sisfall", "SE01", 71, activity: "D02", fallExpected: false, forward: 10, backward: 10),
                Result("ipol-gait", "3", 40, truth: 40, forward: 36, backward: 0),
                Result("ipol-gait", "3", 40, truth: 40, forward: 2, backward: 48, reversed: true), // reversed: no step error
                Result("ipol-gait", "3", 40, truth: 20, forward: 21, backward: 0),
                Result("ipol-gait", "11", 41, truth: 20, forward: 20, backward: 0),
                Result("oxford-stepcounter", "Carmelo", truth: 100, forward: 97),
                Result("oxford-stepcounter", null, truth: 100, forward: 50), // no subject: no row
            };
            var rows = Evaluator.SubjectRows(results);

            CollectionAssert.AreEqual(new[] { "ipol-gait/3", "ipol-gait/11", "oxford-stepcounter/Carmelo", "sisfall/SA02", "sisfall/SE01" },
                rows.Select(r => r.Dataset + "/" + r.Subject).ToArray());
            var sa02 = rows.Single(r => r.Subject == "SA02");
            Assert.AreEqual(26, sa02.Age);
            Assert.AreEqual(4, sa02.Trials, "the reversed copy is not a trial");
            Assert.AreEqual(0, sa02.StepTrials);
            Assert.IsNull(sa02.MeanAbsStepErrorPct);
            Assert.AreEqual(100, sa02.WalkStepsCounted, "D01 alone; D07 is not a walk");
            Assert.AreEqual(90.0, sa02.ForwardPct.Value, 1e-9);
            Assert.AreEqual(95.0, sa02.ReversedBackwardPct.Value, 1e-9);
            Assert.AreEqual(2, sa02.FallTrials);
            Assert.AreEqual(1, sa02.FallsAlarmed);
            Assert.AreEqual(3, sa02.NonFallTrials, "D01, its reversed copy and D07");
            Assert.AreEqual(1, sa02.FalseAlarms);
            var ipol = rows.First(r => r.Dataset == "ipol-gait");
            Assert.AreEqual(2, ipol.StepTrials);
            Assert.AreEqual(7.5, ipol.MeanAbsStepErrorPct.Value, 1e-9, "10 % under and 5 % over");
            Assert.AreEqual(10.0, ipol.WorstAbsStepErrorPct.Value, 1e-9);
            Assert.AreEqual(100.0, ipol.ForwardPct.Value, 1e-9);
            Assert.AreEqual(96.0, ipol.ReversedBackwardPct.Value, 1e-9);
            Assert.AreEqual(0, rows.Single(r => r.Subject == "SE01").FallTrials);
            Assert.IsNull(rows.Single(r => r.Subject == "Carmelo").Age);
        }

        [TestMethod]
        public void CsvHasTheHeaderAndOneLinePerRowWithEmptyUnknowns()
        {
            var rows = Evaluator.SubjectRows(new List<EvalResult> { Result("oxford-stepcounter", "Carmelo", truth: 100, forward: 97) });
            var lines = SubjectTable.ToCsv(rows).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.AreEqual(2, lines.Length);
            Assert.AreEqual(string.Join(",", SubjectTable.CsvColumns), lines[0]);
            Assert.AreEqual("oxford-stepcounter,Carmelo,,1,1,3,3,97,100,0,,0,0,1,0", lines[1]);
        }

        [TestMethod]
        public void CsvGoesBesideTheJson()
        {
            var dir = Path.Combine(Path.GetTempPath(), "rw-subjects");
            Assert.AreEqual(Path.Combine(dir, "results.by-subject.csv"), SubjectTable.CsvPathBeside(Path.Combine(dir, "results.json")));
            Assert.AreEqual("eval-by-subject.csv", Path.GetFileName(SubjectTable.CsvPathBeside(null)));
        }
    }
}
