using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Host.Hardware
{
    /// <summary>
    /// hardware/mounting.md and mounting-axes.svg name ForwardAxis values that must exist in MountAxis, agree with the
    /// axis they describe and with the firmware default; the enclosure model declares the parts it is sized for; every
    /// relative link in hardware/*.md resolves.
    /// </summary>
    [TestClass]
    public class MountingAndEnclosureDocsTests
    {
        private static readonly Regex AxisRef = new Regex(@"MountAxis\.(\w+)");

        /// <summary>Problems in the mounting table: unknown axis names, "Device axis forward" cells that contradict them, a wrong default.</summary>
        internal static List<string> CheckMountingTable(string markdown, MountAxis firmwareDefault)
        {
            var problems = new List<string>();
            bool sawDefault = false;
            int rows = 0;
            foreach (var table in PinDocChecks.MarkdownTables(markdown))
            {
                int axisCol = table.Header.FindIndex(h => h.Contains("ForwardAxis"));
                int forwardCol = table.Header.FindIndex(h => h.Equals("Device axis forward", StringComparison.OrdinalIgnoreCase));
                if (axisCol < 0)
                {
                    continue;
                }
                foreach (var row in table.Rows)
                {
                    var m = axisCol < row.Count ? AxisRef.Match(row[axisCol]) : Match.Empty;
                    if (!m.Success || !Enum.TryParse(m.Groups[1].Value, out MountAxis axis) || !Enum.IsDefined(typeof(MountAxis), axis))
                    {
                        problems.Add($"mounting.md row '{row[0]}' has ForwardAxis '{(axisCol < row.Count ? row[axisCol] : "")}', not a MountAxis member");
                        continue;
                    }
                    rows++;
                    if (forwardCol >= 0 && forwardCol < row.Count && axis != MountAxis.Unknown)
                    {
                        string stated = row[forwardCol].Replace('−', '-').Trim();
                        string expected = (axis.ToString().StartsWith("Minus", StringComparison.Ordinal) ? "-" : "+") + axis.ToString().Substring(axis.ToString().Length - 1);
                        if (stated != expected)
                        {
                            problems.Add($"mounting.md row '{row[0]}' says the forward axis is {row[forwardCol]} but sets {axis}");
                        }
                    }
                    if (row[0].Contains("(default)"))
                    {
                        sawDefault = true;
                        if (axis != firmwareDefault)
                        {
                            problems.Add($"mounting.md default is {axis}, the firmware default (TrackerConfig.ForwardAxis) is {firmwareDefault}");
                        }
                    }
                }
            }
            if (rows == 0)
            {
                problems.Add("mounting.md has no table with a ForwardAxis column");
            }
            if (!sawDefault)
            {
                problems.Add("mounting.md marks no row '(default)'");
            }
            return problems;
        }

        [TestMethod]
        public void MountingTableMatchesMountAxisAndTheFirmwareDefault()
        {
            PinDocsMatchFirmwareTests.AssertNoProblems(CheckMountingTable(HardwareFiles.Read("mounting.md"), new TrackerConfig().ForwardAxis));
        }

        [TestMethod]
        public void MountingTableCheckCatchesAWrongDefaultAndAContradiction()
        {
            var good = HardwareFiles.Read("mounting.md");
            var problems = CheckMountingTable(good, MountAxis.MinusZ);
            Assert.IsTrue(problems.Any(p => p.Contains("firmware default")), string.Join("\n", problems));

            var contradiction = good.Replace("| Belt, left hip | +Y |", "| Belt, left hip | -Y |");
            Assert.AreNotEqual(good, contradiction);
            problems = CheckMountingTable(contradiction, new TrackerConfig().ForwardAxis);
            Assert.IsTrue(problems.Any(p => p.Contains("left hip")), string.Join("\n", problems));

            var unknownName = good.Replace("`MountAxis.MinusY`", "`MountAxis.Sideways`");
            problems = CheckMountingTable(unknownName, new TrackerConfig().ForwardAxis);
            Assert.IsTrue(problems.Any(p => p.Contains("not a MountAxis member")), string.Join("\n", problems));
        }

        [TestMethod]
        public void AxisDiagramUsesRealMountAxisValuesAndTheDefault()
        {
            var doc = XDocument.Parse(HardwareFiles.Read("mounting-axes.svg"));
            var tagged = doc.Descendants().Where(e => e.Attribute("data-forward-axis") != null).ToList();
            Assert.IsGreaterThanOrEqualTo(4, tagged.Count, "the axis diagram should tag each way of wearing");
            var tableValues = AxisRef.Matches(HardwareFiles.Read("mounting.md")).Cast<Match>().Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var el in tagged)
            {
                string value = (string)el.Attribute("data-forward-axis");
                Assert.IsTrue(Enum.TryParse(value, out MountAxis _), $"mounting-axes.svg: '{value}' is not a MountAxis member");
                Assert.Contains(value, tableValues, $"mounting-axes.svg shows {value}, which mounting.md does not list");
                Assert.Contains(value, el.Value, $"the visible label of {(string)el.Attribute("data-mounting")} should name {value}");
            }
            var front = tagged.Single(e => (string)e.Attribute("data-mounting") == "belt-front");
            Assert.AreEqual(new TrackerConfig().ForwardAxis.ToString(), (string)front.Attribute("data-forward-axis"));
        }

        [TestMethod]
        public void EnclosureModelIsSizedForTheListedPartsAndHasItsOpenings()
        {
            var scad = HardwareFiles.Read(Path.Combine("enclosure", "retrowalk.scad"));
            string[] parameters =
            {
                "devkit_l", "devkit_w", "gy_l", "gy_w", "gy_rot", "bat_l", "bat_w", "bat_t", "tp_l", "tp_w",
                "devkit_usb_w", "tp_usb_w", "button_d", "led_d", "buzzer_d", "belt_t", "clip_w",
            };
            foreach (var p in parameters)
            {
                Assert.IsTrue(Regex.IsMatch(scad, @"(?m)^\s*" + p + @"\s*=\s*[\d.]+\s*;"), $"retrowalk.scad should declare the parameter {p}");
            }
            var png = File.ReadAllBytes(Path.Combine(HardwareFiles.Dir, "enclosure", "retrowalk.png"));
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray(), "retrowalk.png is not a PNG");
        }

        [TestMethod]
        public void RelativeLinksInHardwareDocsResolve()
        {
            var link = new Regex(@"\]\(([^)\s]+)\)");
            var broken = new List<string>();
            foreach (var md in Directory.GetFiles(HardwareFiles.Dir, "*.md", SearchOption.AllDirectories))
            {
                foreach (Match m in link.Matches(File.ReadAllText(md)))
                {
                    string target = m.Groups[1].Value;
                    if (target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith("#", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(md), target.Split('#')[0]));
                    if (!File.Exists(path) && !Directory.Exists(path))
                    {
                        broken.Add($"{Path.GetFileName(md)} -> {target}");
                    }
                }
            }
            PinDocsMatchFirmwareTests.AssertNoProblems(broken);
        }
    }
}
