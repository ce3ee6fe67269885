using System.Globalization;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Recordings
{
    [TestClass]
    public class OxfordReaderTests
    {
        private const string Directory = "Pixel_Test_Hard_FrontPocket_1";

        internal static void WriteOptimisation(TempFolder folder, string root, int statsSteps)
        {
            var data = root + "/optimisation/data/" + Directory + "/";
            folder.Write(root + "/optimisation/stats.csv",
                "#dir, user, phone, position, surface, duration(s), steps \n" +
                Directory + ", Test, Pixel, FrontPocket, Hard, 1, " + statsSteps.ToString(CultureInfo.InvariantCulture) + "\n");
            // 9.80665 m/s² = 1 g on y; timestamps in ns, 5 ms apart with one 15 ms gap.
            var accel = new StringBuilder();
            long t = 833841569044223;
            for (var i = 0; i < 200; i++)
            {
                t += i == 100 ? 15000000 : 5000000;
                accel.Append(t).Append(",3,0.0,9.80665,-4.903325\n");
            }
            folder.Write(data + "accelerometer.csv", accel.ToString());
            // foot1 0→1 twice, foot2 0→1 once; starting at 1 is not a step.
            folder.Write(data + "stepcounter.csv", "1,1,1\n2,0,1\n3,1,1\n4,1,0\n5,0,1\n6,1,1\n");
        }

        [TestMethod]
        public void OptimisationFolderReadsUnitsTimesAndBothTruths()
        {
            using var folder = new TempFolder();
            WriteOptimisation(folder, "ox", statsSteps: 268);
            var stats = OxfordReader.ReadStats(folder.Path + "/ox/optimisation/stats.csv");
            Assert.AreEqual(268, stats[Directory]);
            var recording = OxfordReader.ReadOptimisation(folder.Path + "/ox/optimisation/data/" + Directory, "a.csv", stats);
            Assert.AreEqual(268, recording.Info.TrueSteps);
            Assert.AreEqual(3, recording.Info.FootSwitchSteps);
            Assert.AreEqual("FrontPocket", recording.Info.Placement);
            Assert.AreEqual(MountAxis.Unknown, recording.Info.ForwardAxis);
            Assert.IsFalse(recording.HasGyro);
            Assert.HasCount(200, recording.Samples);
            Assert.AreEqual(0.0, recording.Samples[0].TimeS);
            Assert.AreEqual(199 * 0.005 + 0.010, recording.DurationS, 1e-9);
            Assert.AreEqual(1.0, recording.Samples[50].Ay, 1e-12);
            Assert.AreEqual(-0.5, recording.Samples[50].Az, 1e-12);
            Assert.AreEqual(0.0, recording.Samples[50].Gx);
        }

        [TestMethod]
        public void WithoutStatsTheTrueCountIsUnknown()
        {
            using var folder = new TempFolder();
            WriteOptimisation(folder, "ox", statsSteps: 10);
            var recording = OxfordReader.ReadOptimisation(folder.Path + "/ox/optimisation/data/" + Directory, "a.csv", null);
            Assert.IsNull(recording.Info.TrueSteps);
            Assert.AreEqual(3, recording.Info.FootSwitchSteps);
        }

        [TestMethod]
        public void ValidationTruthIsLastMinusFirstOfTheGroundTruthCounter()
        {
            using var folder = new TempFolder();
            var path = folder.Write("user2_neckpouch_1506422470497.csv",
                "1000000000,0,9.80665,0,5,100,0\n" +
                "1010000000,0,9.80665,0,9,104,0\n" +
                "1020000000,0,9.80665,0,40,142,0\n");
            var recording = OxfordReader.ReadValidation(path, "v.csv");
            Assert.AreEqual(42, recording.Info.TrueSteps);
            Assert.AreEqual("NeckPouch", recording.Info.Placement);
            Assert.AreEqual(35, recording.Info.PeerSteps[OxfordReader.PeerAlgorithm]);
            Assert.IsFalse(recording.Info.PeerSteps.ContainsKey(OxfordReader.PeerAndroid), "a counter that stayed at zero was not recorded");
            Assert.AreEqual(0.02, recording.DurationS, 1e-9);
        }

        [TestMethod]
        public void TimeGoingBackIsAnErrorNamingTheLine()
        {
            using var folder = new TempFolder();
            var path = folder.Write("user1_bag_1.csv", "2000,0,0,0,0,0,0\n3000,0,0,0,0,0,0\n2500,0,0,0,0,0,0\n");
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => OxfordReader.ReadValidation(path, "v.csv"));
            Assert.AreEqual(3, e.LineNumber);
            StringAssert.Contains(e.Problem, "time goes back");
        }

        [TestMethod]
        public void PositionsAreSpelledLikeTheOptimisationSet()
        {
            Assert.AreEqual("FrontPocket", OxfordReader.PlacementFromName("frontpocket"));
            Assert.AreEqual("BackPocket", OxfordReader.PlacementFromName("BackPocket"));
            Assert.AreEqual("InHand", OxfordReader.PlacementFromName("hand"));
            Assert.AreEqual("Armband", OxfordReader.PlacementFromName("armband"));
            Assert.AreEqual("Belt", OxfordReader.PlacementFromName("belt"));
        }

        [TestMethod]
        public void AStatsFileWithoutAStepsColumnIsRejected()
        {
            using var folder = new TempFolder();
            var path = folder.Write("stats.csv", "#dir, user, count\nX, Y, 3\n");
            var e = Assert.ThrowsExactly<RecordingFormatException>(() => OxfordReader.ReadStats(path));
            Assert.AreEqual(1, e.LineNumber);
        }
    }
}
