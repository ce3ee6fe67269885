using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RetroWalk.Tests.Host.Hardware
{
    /// <summary>
    /// hardware/pins.md and hardware/wiring.svg must state the firmware's pins (firmware/RetroWalk.Core/Board/BoardPins.cs).
    /// The second half feeds deliberately wrong copies to the same checks, so a check that cannot fail fails here.
    /// </summary>
    [TestClass]
    public class PinDocsMatchFirmwareTests
    {
        [TestMethod]
        public void BoardPinsExposesTheGpiosTheDocsDescribe()
        {
            var gpios = FirmwarePins.Gpios();
            CollectionAssert.IsSubsetOf(new[] { "I2cSda", "I2cScl", "Buzzer", "AlarmLed", "AckButton" }, gpios.Keys.ToList());
            Assert.AreEqual(gpios.Count, gpios.Values.Distinct().Count(), "two firmware signals share one GPIO");
        }

        [TestMethod]
        public void PinTableMatchesBoardPins()
        {
            AssertNoProblems(PinDocChecks.CheckPinTable(HardwareFiles.Read("pins.md"), FirmwarePins.AllConstants()));
        }

        [TestMethod]
        public void WiringDiagramMatchesBoardPins()
        {
            AssertNoProblems(PinDocChecks.CheckWiringSvg(HardwareFiles.Read("wiring.svg"), FirmwarePins.AllConstants()));
        }

        [TestMethod]
        public void PinTableCheckCatchesAWrongPin()
        {
            var good = HardwareFiles.Read("pins.md");
            var bad = good.Replace("| `BoardPins.Buzzer` | GPIO25 |", "| `BoardPins.Buzzer` | GPIO32 |");
            Assert.AreNotEqual(good, bad, "the fixture no longer contains the Buzzer row this test edits");
            var problems = PinDocChecks.CheckPinTable(bad, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("Buzzer") && p.Contains("GPIO32")), string.Join("\n", problems));
        }

        [TestMethod]
        public void PinTableCheckCatchesAMissingRowAndAnUnknownConstant()
        {
            var good = HardwareFiles.Read("pins.md");
            var lines = good.Split('\n').Where(l => !l.Contains("`BoardPins.AckButton`")).ToList();
            lines.Add("| Spare | `BoardPins.NoSuchPin` | GPIO4 | - | - |");
            var problems = PinDocChecks.CheckPinTable(string.Join("\n", lines), FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("0 table rows for BoardPins.AckButton")), string.Join("\n", problems));
            Assert.IsTrue(problems.Any(p => p.Contains("NoSuchPin")), string.Join("\n", problems));
        }

        [TestMethod]
        public void PinTableCheckCatchesAWrongAddress()
        {
            var bad = HardwareFiles.Read("pins.md").Replace("| `BoardPins.Mpu6050Address` | 0x68 |", "| `BoardPins.Mpu6050Address` | 0x69 |");
            var problems = PinDocChecks.CheckPinTable(bad, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("Mpu6050Address")), string.Join("\n", problems));
        }

        [TestMethod]
        public void WiringCheckCatchesAWrongAttributeAndAWrongLabel()
        {
            var good = HardwareFiles.Read("wiring.svg");
            var badAttribute = good.Replace("data-signal=\"AlarmLed\" data-gpio=\"26\"", "data-signal=\"AlarmLed\" data-gpio=\"2\"");
            Assert.AreNotEqual(good, badAttribute);
            var problems = PinDocChecks.CheckWiringSvg(badAttribute, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("AlarmLed on GPIO2,")), string.Join("\n", problems));

            var badLabel = good.Replace("GPIO27 → SW1", "GPIO14 → SW1");
            Assert.AreNotEqual(good, badLabel);
            problems = PinDocChecks.CheckWiringSvg(badLabel, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("AckButton") && p.Contains("GPIO14")), string.Join("\n", problems));
        }

        [TestMethod]
        public void WiringCheckCatchesAnUndrawnPinAndAnOptionalWireOnAFirmwarePin()
        {
            var good = HardwareFiles.Read("wiring.svg");
            var undrawn = good.Replace("data-signal=\"Buzzer\"", "data-signal=\"Beeper\"");
            var problems = PinDocChecks.CheckWiringSvg(undrawn, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("does not draw BoardPins.Buzzer")), string.Join("\n", problems));

            var clash = good.Replace("data-gpio=\"4\"", "data-gpio=\"25\"").Replace("GPIO4 ", "GPIO25 ").Replace(">GPIO4<", ">GPIO25<");
            problems = PinDocChecks.CheckWiringSvg(clash, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("which the firmware uses for Buzzer")), string.Join("\n", problems));
        }

        [TestMethod]
        public void WiringCheckCatchesAWrongAddressLabel()
        {
            var bad = HardwareFiles.Read("wiring.svg").Replace("MPU6050 @ 0x68", "MPU6050 @ 0x69");
            var problems = PinDocChecks.CheckWiringSvg(bad, FirmwarePins.AllConstants());
            Assert.IsTrue(problems.Any(p => p.Contains("must read 0x68")), string.Join("\n", problems));
        }

        [TestMethod]
        public void ChecksFollowTheFirmwareWhenAPinMoves()
        {
            // Simulates a firmware change (buzzer moved to GPIO32) against unchanged docs: both checks must object.
            var moved = FirmwarePins.AllConstants().ToDictionary(kv => kv.Key, kv => kv.Key == "Buzzer" ? 32 : kv.Value);
            Assert.IsTrue(PinDocChecks.CheckPinTable(HardwareFiles.Read("pins.md"), moved).Any(p => p.Contains("Buzzer")));
            Assert.IsTrue(PinDocChecks.CheckWiringSvg(HardwareFiles.Read("wiring.svg"), moved).Any(p => p.Contains("Buzzer")));
        }

        internal static void AssertNoProblems(List<string> problems)
        {
            Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));
        }
    }
}
