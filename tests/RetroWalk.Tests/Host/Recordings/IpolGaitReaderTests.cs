using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class IpolGaitReaderTests
    {
        private static Recording ReadTrial(TempFolder folder, string trunk, string metadata, string stem = "7-3")
        {
            var path = folder.Write($"GaitData/{stem}_lb.txt", trunk);
            if (metadata != null)
            {
                folder.Write($"GaitData/{stem}.json", metadata);
            }
            return IpolGaitReader.Read(path, $"ipol-gait/GaitData/{stem}_lb.txt");
        }

        private static RecordingFormatException ReadFails(TempFolder folder, string trunk, string metadata)
        {
            try
            {
                ReadTrial(folder, trunk, metadata);
            }
            catch (RecordingFormatException e)
            {
                return e;
            }
            Assert.Fail("a malformed trial was read without an error");
            return null;
        }

        [TestMethod]
        public void MetresPerSecondSquaredAndRadiansBecomeGAndDegreesInTheDeviceFrame()
        {
            using var folder = new TempFolder();
            // x = 9.80665 m/s² (1 g up), y = +0.5 g (the wearer's left), z = +0.25 g (backward); gyro 1 rad/s on x, 0.5 on y, -0.25 on z.
            var trunk = IpolGaitFixtures.Trunk(Enumerable.Range(0, 200), c => new[] { 9.80665, 0.5 * 9.80665, 0.25 * 9.80665, 1.0, 0.5, -0.25 });
            var r = ReadTrial(folder, trunk, IpolGaitFixtures.FiveStepMetadata());
            var s = r.Samples[5];
            Assert.AreEqual(1.0, s.Ax, 1e-12, "device X (up) = +x");
            Assert.AreEqual(-0.5, s.Ay, 1e-12, "device Y (right) = -y (y points left)");
            Assert.AreEqual(-0.25, s.Az, 1e-12, "device Z (forward) = -z (z points out of the back)");
            Assert.AreEqual(180 / Math.PI, s.Gx, 1e-9);
            Assert.AreEqual(-0.5 * 180 / Math.PI, s.Gy, 1e-9);
            Assert.AreEqual(0.25 * 180 / Math.PI, s.Gz, 1e-9);
            Assert.AreEqual(0.05, s.TimeS, 1e-12, "100 Hz from the header");
            Assert.AreEqual(MountAxis.PlusZ, r.Info.ForwardAxis);
            Assert.AreEqual("lower-back", r.Info.Placement);
            Assert.AreEqual("ipol-gait", r.Info.Dataset);
            Assert.IsTrue(r.HasGyro);
        }

        [TestMethod]
        public void TheAxisMapIsAProperRotation()
        {
            var map = IpolGaitReader.ToDevice;
            Assert.AreEqual(1.0, map.Determinant, 1e-12, "a mirror image would turn every angular rate the wrong way round");
            Assert.AreEqual(Rotation.Identity, map.Transposed * map);
        }

        [TestMethod]
        public void LostPacketsKeepTheTimeBaseByThePacketCounter()
        {
            using var folder = new TempFolder();
            // Counters 0..49, then 60..199 (10 packets lost), one repeated row at 70: time follows the counter, not the row.
            var counters = Enumerable.Range(0, 50).Concat(Enumerable.Range(60, 140)).Concat(new[] { 199 }).OrderBy(c => c);
            var r = ReadTrial(folder, IpolGaitFixtures.Trunk(counters, c => new[] { 9.5, 0.0, 3.0, 0.0, 0.0, 0.0 }), IpolGaitFixtures.FiveStepMetadata());
            Assert.AreEqual(190, r.Samples.Count, "the repeated counter is kept once");
            Assert.AreEqual(0.60, r.Samples[50].TimeS, 1e-12, "the row after the gap sits at its counter");
            Assert.AreEqual(1.99, r.DurationS, 1e-12, "the time base is not shortened by the lost rows");
        }

        [TestMethod]
        public void ThePacketCounterMayWrapAtSixteenBits()
        {
            using var folder = new TempFolder();
            var counters = Enumerable.Range(65436, 200).Select(c => c % IpolGaitReader.PacketCounterModulo);
            var r = ReadTrial(folder, IpolGaitFixtures.Trunk(counters, c => new[] { 9.5, 0.0, 3.0, 0.0, 0.0, 0.0 }), IpolGaitFixtures.FiveStepMetadata());
            Assert.AreEqual(200, r.Samples.Count);
            Assert.AreEqual(1.99, r.DurationS, 1e-9);
        }

        [TestMethod]
        public void TheTruthIsEveryFootstepOfBothFeetWithItsHeelStrikeTime()
        {
            using var folder = new TempFolder();
            var r = ReadTrial(folder, IpolGaitFixtures.StandingTrunk(200), IpolGaitFixtures.FiveStepMetadata(subject: 7, age: 75));
            Assert.AreEqual(5, r.Info.TrueSteps, "three left and two right footsteps");
            CollectionAssert.AreEqual(new[] { 0.6, 0.8, 1.0, 1.2, 1.4 }, r.Info.StepTimesS.ToArray(), "heel strikes of both feet, in order");
            Assert.AreEqual("7", r.Info.Subject);
            Assert.AreEqual(75, r.Info.SubjectAge);
            Assert.AreEqual(new TimeRangeS(0.1, 1.9), r.Info.WalkS);
            Assert.AreEqual(new TimeRangeS(0.9, 1.1), r.Info.TurnsS.Single());
        }

        [TestMethod]
        public void TheReversedCopyMirrorsTheFootstepsAndTheTurn()
        {
            using var folder = new TempFolder();
            var r = ReadTrial(folder, IpolGaitFixtures.StandingTrunk(200), IpolGaitFixtures.FiveStepMetadata()).TimeReversed();
            Assert.IsTrue(r.Info.Reversed);
            Assert.AreEqual(5, r.Info.TrueSteps);
            var expected = new[] { 1.99 - 1.4, 1.99 - 1.2, 1.99 - 1.0, 1.99 - 0.8, 1.99 - 0.6 };
            var actual = r.Info.StepTimesS.ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], 1e-9, "step " + i);
            }
            Assert.AreEqual(1.99 - 1.1, r.Info.TurnsS.Single().StartS, 1e-9);
            Assert.AreEqual(1.99 - 0.1, r.Info.WalkS.Value.EndS, 1e-9);
        }

        [TestMethod]
        public void AMalformedRowNamesTheFileAndTheLine()
        {
            using var folder = new TempFolder();
            var lines = IpolGaitFixtures.StandingTrunk(20).Split('\n');
            lines[7] = lines[7].Replace("9.5", "9,5x");
            var e = ReadFails(folder, string.Join("\n", lines), IpolGaitFixtures.FiveStepMetadata());
            StringAssert.EndsWith(e.FilePath, "7-3_lb.txt");
            Assert.AreEqual(8, e.LineNumber);
            StringAssert.Contains(e.Message, "7-3_lb.txt:8: Acc_X is not a number: '9,5x'");
        }

        [TestMethod]
        public void AShortRowAMissingColumnOrAMissingRateIsAClearError()
        {
            using var folder = new TempFolder();
            var shortRow = IpolGaitFixtures.StandingTrunk(10) + "10.0\t9.5\t0.1\n";
            var e = ReadFails(folder, shortRow, IpolGaitFixtures.FiveStepMetadata());
            Assert.AreEqual(13, e.LineNumber);
            StringAssert.Contains(e.Problem, "tab-separated numbers");

            var noGyro = IpolGaitFixtures.StandingTrunk(10).Replace("Gyr_Y", "Gyro_Y");
            e = ReadFails(folder, noGyro, IpolGaitFixtures.FiveStepMetadata());
            Assert.AreEqual(2, e.LineNumber);
            StringAssert.Contains(e.Problem, "column 'Gyr_Y' missing");

            e = ReadFails(folder, IpolGaitFixtures.StandingTrunk(10).Replace("100 Hz", "fast"), IpolGaitFixtures.FiveStepMetadata());
            Assert.AreEqual(1, e.LineNumber);
            StringAssert.Contains(e.Problem, "Acquisition frequency");

            var backwards = IpolGaitFixtures.Trunk(new[] { 0, 1, 2, 5, 3 }, c => new[] { 9.5, 0.0, 3.0, 0.0, 0.0, 0.0 });
            e = ReadFails(folder, backwards, IpolGaitFixtures.FiveStepMetadata());
            Assert.AreEqual(7, e.LineNumber, "the packet counter going back");
        }

        [TestMethod]
        public void BadMetadataNamesTheJsonFile()
        {
            using var folder = new TempFolder();
            var trunk = IpolGaitFixtures.StandingTrunk(20);

            var e = ReadFails(folder, trunk, null);
            StringAssert.EndsWith(e.FilePath, "7-3.json");
            StringAssert.Contains(e.Problem, "metadata file not found");

            e = ReadFails(folder, trunk, "{\"Subject\": 7,\n \"Trial\": 3,\n \"LeftFootEvents\": [[1, 2]\n");
            StringAssert.EndsWith(e.FilePath, "7-3.json");
            Assert.IsTrue(e.LineNumber >= 3, "a syntax error names its line: " + e.Message);
            StringAssert.Contains(e.Problem, "not valid JSON");

            e = ReadFails(folder, trunk, "{\"Subject\": 7, \"Trial\": 3, \"Age\": 75, \"RightFootEvents\": []}");
            StringAssert.Contains(e.Problem, "'LeftFootEvents' missing");

            e = ReadFails(folder, trunk, IpolGaitFixtures.Metadata(7, 3, 75, new[] { new[] { 50, 40 } }, new int[0][]));
            StringAssert.Contains(e.Problem, "'LeftFootEvents[0]' must have 0 ≤ start ≤ end, found [50, 40]");

            e = ReadFails(folder, trunk, "{\"Subject\": 7, \"Trial\": 3, \"LeftFootEvents\": [[1, 2, 3]], \"RightFootEvents\": []}");
            StringAssert.Contains(e.Problem, "must be a [start, end] pair");
        }

        [TestMethod]
        public void OnlyTrunkFilesAreTrials()
        {
            Assert.IsTrue(IpolGaitReader.IsTrialFileName("7-3_lb.txt"));
            Assert.IsTrue(IpolGaitReader.IsTrialFileName("19-6_LB.txt"));
            Assert.IsFalse(IpolGaitReader.IsTrialFileName("7-3_lf.txt"), "foot sensors are not this device's placement");
            Assert.IsFalse(IpolGaitReader.IsTrialFileName("7-3.json"));
            Assert.IsFalse(IpolGaitReader.IsTrialFileName("README.md"));
        }
    }
}
