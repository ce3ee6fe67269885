using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Host.Cli
{
    /// <summary>`simulate --set`: the emulated phone writes settings through Config and the fitness app's RSC follows them.</summary>
    [TestClass]
    public class SimulateSettingsTests
    {
        [TestMethod]
        public void AStepLengthSetByThePhoneIsTheStrideAndSetsTheSpeed()
        {
            var run = CliRun.Of("simulate", "--scenario", "backward-walk", "--set", "backwardStepCm=40", "--set", "coach=off");
            Assert.AreEqual(0, run.ExitCode, run.Error);
            StringAssert.Contains(run.Output, "phone writes Config (backwardStepCm=40, coach=off): ATT 0x00");
            StringAssert.Contains(run.Output, "Step length walking backward: 40 cm");
            StringAssert.Contains(run.Output, "Coach cues (interval switch, target reached): off");
            Match rsc = Regex.Match(run.Output, @"fitness app \(RSC\)  (\d+\.\d\d) m/s \([^)]*\), (\d+) steps/min, stride 0\.40 m");
            Assert.IsTrue(rsc.Success, "a walking RSC line with the 0.40 m stride:\n" + run.Output);
            double speed = double.Parse(rsc.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            int cadence = int.Parse(rsc.Groups[2].Value);
            Assert.IsGreaterThan(0, cadence);
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(cadence, 40) / 256.0, speed, 0.006, "speed = cadence × the step length written");
        }

        [TestMethod]
        public void AnUnknownOrOutOfRangeSettingIsRefusedBeforeTheRun()
        {
            var unknown = CliRun.Of("simulate", "--set", "shoeSize=44");
            Assert.AreNotEqual(0, unknown.ExitCode);
            StringAssert.Contains(unknown.Output + unknown.Error, "shoeSize=44: unknown setting");
            var outOfRange = CliRun.Of("simulate", "--set", "heightCm=300");
            Assert.AreNotEqual(0, outOfRange.ExitCode);
            StringAssert.Contains(outOfRange.Output + outOfRange.Error, "heightCm takes a whole number 80..250");
            Assert.IsFalse(unknown.HasStackTrace || outOfRange.HasStackTrace);
        }
    }
}
