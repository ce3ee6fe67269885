using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>
    /// docs/ble.md against the code, as hardware/pins.md is checked against the board pins: the characteristic table
    /// (UUIDs, properties, protection) against <see cref="GattTable"/>, the ATT error table against
    /// <see cref="CodecStatus"/>, payload lengths in headings against the codecs, every <c>`Type.Constant` = value</c>
    /// figure against the core, the Config defaults against a fresh device. The last tests feed wrong copies.
    /// </summary>
    [TestClass]
    public class DocsBleMatchesCodeTests
    {
        private static string Doc => DocsBlePage.Text;

        [TestMethod]
        public void CharacteristicTableMatchesTheGattTable() => AssertNone(CheckCharacteristicTable(Doc));

        [TestMethod]
        public void AttErrorTableMatchesTheCodes()
        {
            AssertNone(CheckAttErrors(Doc));

            // The emulated phone reports answers by these names: one table for the page and the tools.
            Assert.AreEqual("accepted", AttAnswer.Describe(GattWrites.Accept));
            Assert.AreEqual("ATT error 0xFC Write Request Rejected", AttAnswer.Describe(CodecStatus.AttWriteRequestRejected));
            Assert.AreEqual("ATT error 0x80", AttAnswer.Describe(0x80), "the tracker never answers 0x80: it has no name here");
        }

        [TestMethod]
        public void NamedConstantsHaveTheirValues()
        {
            AssertNone(CheckConstants(Doc, out int checkedCount));
            Assert.IsGreaterThanOrEqualTo(5, checkedCount, "the page names the refresh, MTU and sequence constants");
        }

        [TestMethod]
        public void PayloadLengthsInHeadingsMatchTheCodecs() => AssertNone(CheckLengths(Doc));

        [TestMethod]
        public void DeviceInformationAppearanceAndNameMatch()
        {
            string doc = Doc;
            StringAssert.Contains(doc, $"| Manufacturer Name `0x2A29` | `{DeviceInformation.Manufacturer}` |");
            StringAssert.Contains(doc, $"| Model Number `0x2A24` | `{DeviceInformation.Model}` |");
            StringAssert.Contains(doc, $"`{DeviceInformation.SoftwarePrefix.Trim()} <version");
            StringAssert.Contains(doc, $"The GAP Appearance is `0x{AdvertisementCodec.AppearanceOnHipWalkingSensor:X4}`");
            StringAssert.Contains(doc, $"the device\nname `{AdvertisementCodec.DefaultDeviceName}`");
            StringAssert.Contains(doc, $"`{BleUuids.Service}`");
        }

        [TestMethod]
        public void ConfigDefaultsAreWhatAFreshDeviceReads()
        {
            var device = new EmulatedDevice(Array.Empty<ImuSample>());
            var session = new GattSessionState(device.Loop, device.Loop, device.Loop.History, null);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.Config, 0, 0));
            string bytes = string.Join(" ", session.Value(GattTable.Config).Take(session.ValueLength(GattTable.Config)).Select(b => b.ToString("X2")));
            StringAssert.Contains(Doc, $"Defaults (a fresh device", "the Config section states the defaults");
            StringAssert.Contains(Doc, $"(`{bytes}`)", $"the defaults' bytes as a fresh device reads them: {bytes}");
        }

        [TestMethod]
        public void ConfigLayoutIsTheSettingsTable()
        {
            string table = RetroWalk.Tests.Host.Config.ConfigDocTable.Markdown();
            string doc = Doc.Replace("\r\n", "\n");
            StringAssert.Contains(doc, table, "docs/ble.md's Config table must be the settings table, generated from SettingTable:\n" + table);

            // A page missing the last setting's row, or with a default changed, no longer holds the table.
            string[] rows = table.TrimEnd('\n').Split('\n');
            string last = rows[rows.Length - 1] + "\n";
            Assert.IsFalse(doc.Replace(last, "").Contains(table));
            Assert.IsFalse(doc.Replace(rows[2], rows[2].Replace("| 30 |", "| 31 |")).Contains(table));
        }

        [TestMethod]
        public void ControlPointStatusesMatch()
        {
            string doc = Doc;
            foreach (var (code, words) in new[] { (ControlStatus.Ok, "accepted"), (ControlStatus.Unsupported, "op code not supported"),
                (ControlStatus.BadParameter, "bad parameter"), (ControlStatus.Failed, "failed") })
            {
                StringAssert.Contains(doc, $"| {code} | {words}");
            }

            StringAssert.Contains(doc, $"response\nop code `0x{ControlPointCodec.ResponseCode:X2}`");
        }

        [TestMethod]
        public void ControlPointOpTableHasEveryOpTheCodecTakes() => AssertNone(CheckControlOps(Doc));

        [TestMethod]
        public void TheOpTableCheckCatchesAMissingOrWrongRow()
        {
            string doc = Doc;
            string missing = string.Join("\n", doc.Split('\n').Where(l => !l.StartsWith("| `0x06` |")));
            Assert.AreNotEqual(doc, missing);
            Assert.IsTrue(CheckControlOps(missing).Any(p => p.Contains("0x06")));
            string unknown = doc.Replace("| `0x06` | `06` |", "| `0x07` | `07` |");
            Assert.IsTrue(CheckControlOps(unknown).Any(p => p.Contains("0x07")));
            string badLength = doc.Replace("| `0x05` | `05` |", "| `0x05` | `05` + u32 epoch |");
            Assert.IsTrue(CheckControlOps(badLength).Any(p => p.Contains("0x05")));
        }

        /// <summary>
        /// The Control point's op table against <see cref="ControlPointCodec.RequestLength"/>: a row per op the codec
        /// takes, its request bytes the op alone (length 1) or the op and a u32 (length 5), no row for an op it refuses.
        /// </summary>
        private static List<string> CheckControlOps(string doc)
        {
            var problems = new List<string>();
            var rows = Regex.Matches(doc, @"^\| `0x([0-9A-F]{2})` \| `([0-9A-F]{2})`( \+ u32[^|]*)? \|", RegexOptions.Multiline)
                .ToDictionary(m => Convert.ToByte(m.Groups[1].Value, 16), m => m);
            for (int op = 0; op < 256; op++)
            {
                int length = ControlPointCodec.RequestLength((byte)op);
                bool listed = rows.TryGetValue((byte)op, out var row);
                if (length == 0 && listed)
                {
                    problems.Add($"op 0x{op:X2}: a row, but the codec refuses it");
                }
                else if (length > 0 && !listed)
                {
                    problems.Add($"op 0x{op:X2}: the codec takes it ({length} bytes), the page has no row");
                }
                else if (listed && (row!.Groups[2].Value != $"{op:X2}" || (length == 5) != row.Groups[3].Success))
                {
                    problems.Add($"op 0x{op:X2}: request bytes {row.Value}, codec length {length}");
                }
            }

            return problems;
        }

        [TestMethod]
        public void TheListingSendsValuesOnlyByNotifyingAsThePageSays()
        {
            if (!Directory.Exists(SharedPaths.ApiListings))
            {
                Assert.Inconclusive($"nanoFramework API listings not found at {SharedPaths.ApiListings}");
            }

            List<string> members = ListedMembers("nanoFramework.Device.Bluetooth.txt",
                "nanoFramework.Device.Bluetooth.GenericAttributeProfile.GattLocalCharacteristic");
            Assert.IsNotEmpty(members, "GattLocalCharacteristic is listed");
            var senders = members.Where(m => m.StartsWith("method ") && (m.Contains("Notify") || m.Contains("Indicate"))).ToList();
            Assert.HasCount(2, senders, string.Join("\n", senders));
            Assert.IsTrue(senders.All(m => m.Contains(" NotifyValue(")), string.Join("\n", senders));
            Assert.IsFalse(members.Any(m => m.Contains("Indicate")), "no member of GattLocalCharacteristic indicates");

            List<string> result = ListedMembers("nanoFramework.Device.Bluetooth.txt",
                "nanoFramework.Device.Bluetooth.GenericAttributeProfile.GattClientNotificationResult");
            Assert.IsFalse(result.Any(m => m.Contains("Confirm")), "a notification result carries no confirmation");

            string doc = Doc;
            StringAssert.Contains(doc, "`NotifyValue(Buffer)` and `NotifyValue(Buffer,\nGattSubscribedClient)`");
            Assert.IsFalse(GattTable.Can(GattTable.ControlPoint, GattTable.PropertyIndicate), "the Control point declares Notify only");
            Assert.IsTrue(GattTable.Can(GattTable.ControlPoint, GattTable.PropertyNotify));
        }

        [TestMethod]
        public void TheNameHomeAssistantShowsIsWhatItDerivesFromTheAdvertisement()
        {
            string section = DocsBlePage.Section(Doc, "## Home Assistant (BTHome)");
            Match example = Regex.Match(section, @"\(`([0-9A-F:]{17})` gives ""([^""]+)""\)");
            Assert.IsTrue(example.Success, "the page gives an address and the name it leads to");
            var status = new RetroWalk.Core.Status.TrackerStatus { BatteryPercent = 57 };
            var frames = new AdvertisementFrames();
            frames.Build(status, true, AdvertisementCodec.DefaultDeviceName);
            var active = new HomeAssistantDeviceName(example.Groups[1].Value);
            Assert.IsTrue(active.Hear(frames.Advertisement, frames.AdvertisementLength, frames.ScanResponse, frames.ScanResponseLength));
            Assert.AreEqual(example.Groups[2].Value, active.DeviceName, "an active scanner");
            StringAssert.Contains(section, $"**\"{AdvertisementCodec.DefaultDeviceName} XXXX\"**");

            var passive = new HomeAssistantDeviceName(example.Groups[1].Value);
            Assert.IsTrue(passive.Hear(frames.Advertisement, frames.AdvertisementLength));
            StringAssert.Contains(section, $"**\"{HomeAssistantDeviceName.NamelessName} XXXX\"**");
            Assert.AreEqual($"{HomeAssistantDeviceName.NamelessName} {HomeAssistantDeviceName.ShortAddress(example.Groups[1].Value)}", passive.DeviceName, "a passive scanner");
        }

        [TestMethod]
        public void TheChecksCatchWrongCopies()
        {
            string doc = Doc;
            string badUuid = doc.Replace("| Cadence | RetroWalk | `00010009-", "| Cadence | RetroWalk | `00010019-");
            Assert.AreNotEqual(doc, badUuid);
            Assert.IsTrue(CheckCharacteristicTable(badUuid).Any(p => p.Contains("Cadence")));

            string badProperties = doc.Replace("| History | RetroWalk | `00010007-2a3c-4304-b1d2-d9699b546a59` | Notify |",
                "| History | RetroWalk | `00010007-2a3c-4304-b1d2-d9699b546a59` | Read, Notify |");
            Assert.AreNotEqual(doc, badProperties);
            Assert.IsTrue(CheckCharacteristicTable(badProperties).Any(p => p.Contains("History")));

            string missing = string.Join("\n", doc.Split('\n').Where(l => !l.StartsWith("| Alert Level |")));
            Assert.IsTrue(CheckCharacteristicTable(missing).Any(p => p.Contains("Alert Level")));

            string badError = doc.Replace("| `0xFC` | Write Request Rejected |", "| `0x80` | Write Request Rejected |");
            Assert.AreNotEqual(doc, badError);
            Assert.IsTrue(CheckAttErrors(badError).Any());

            string badConstant = doc.Replace("`AdvertRefreshPolicy.AlarmRefreshIntervalMs` = 5000", "`AdvertRefreshPolicy.AlarmRefreshIntervalMs` = 4000");
            Assert.AreNotEqual(doc, badConstant);
            Assert.IsTrue(CheckConstants(badConstant, out _).Any(p => p.Contains("AlarmRefreshIntervalMs")));

            string badListed = doc.Replace("`GattCharacteristicProperties.Indicate` = 32", "`GattCharacteristicProperties.Indicate` = 16");
            Assert.AreNotEqual(doc, badListed);
            Assert.IsTrue(CheckConstants(badListed, out _).Any(p => p.Contains("Indicate")));

            string badLength = doc.Replace("### Snapshot (14 bytes)", "### Snapshot (15 bytes)");
            Assert.AreNotEqual(doc, badLength);
            Assert.IsTrue(CheckLengths(badLength).Any(p => p.Contains("Snapshot")));
        }

        private static void AssertNone(List<string> problems) => Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));

        private static string UuidText(int id) =>
            GattTable.CustomUuid(id) is string custom ? $"`{custom}`" : $"`0x{GattTable.Uuid16(id):X4}`";

        private static string PropertiesText(int id)
        {
            var names = new List<string>();
            if (GattTable.Can(id, GattTable.PropertyRead)) names.Add("Read");
            if (GattTable.Can(id, GattTable.PropertyWrite)) names.Add("Write");
            if (GattTable.Can(id, GattTable.PropertyWriteWithoutResponse)) names.Add("Write Without Response");
            if (GattTable.Can(id, GattTable.PropertyNotify)) names.Add("Notify");
            if (GattTable.Can(id, GattTable.PropertyIndicate)) names.Add("Indicate");
            return string.Join(", ", names);
        }

        /// <summary>Rows of the "Characteristics at a glance" table: one per GattTable id, matching it.</summary>
        internal static List<string> CheckCharacteristicTable(string doc)
        {
            var problems = new List<string>();
            string section = DocsBlePage.Section(doc, "## Characteristics at a glance");
            var rows = section.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| Characteristic") && !l.StartsWith("|---"))
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
            for (int id = 0; id < GattTable.Count; id++)
            {
                string name = GattTable.Name(id);
                var matching = rows.Where(r => r[1] == name).ToList();
                if (matching.Count != 1)
                {
                    problems.Add($"{matching.Count} rows for {name}");
                    continue;
                }

                string[] row = matching[0];
                if (row[3] != UuidText(id)) problems.Add($"{name}: UUID {row[3]}, code {UuidText(id)}");
                if (row[4] != PropertiesText(id)) problems.Add($"{name}: properties {row[4]}, code {PropertiesText(id)}");
                string pairing = GattTable.WriteEncrypted(id) ? "yes" : "—";
                if (row[5] != pairing) problems.Add($"{name}: pairing {row[5]}, code {pairing}");
                ushort service = GattTable.ServiceUuid16(GattTable.Service(id));
                if (service != 0 && !row[2].Contains($"`0x{service:X4}`")) problems.Add($"{name}: service {row[2]}, code 0x{service:X4}");
                if (service == 0 && row[2] != "RetroWalk") problems.Add($"{name}: service {row[2]}, code RetroWalk");
            }

            if (rows.Count != GattTable.Count) problems.Add($"{rows.Count} rows, {GattTable.Count} characteristics");
            return problems;
        }

        internal static List<string> CheckAttErrors(string doc)
        {
            var problems = new List<string>();
            string section = DocsBlePage.Section(doc, "## ATT errors");
            foreach (var (code, name) in AttAnswer.Names)
            {
                if (!section.Contains($"| `0x{code:X2}` | {name} |"))
                {
                    problems.Add($"ATT error {name} must be listed as 0x{code:X2}");
                }
            }

            return problems;
        }

        /// <summary>Every <c>`Type.Member` = value</c> on the page, resolved in the core by reflection.</summary>
        internal static List<string> CheckConstants(string doc, out int checkedCount)
        {
            var problems = new List<string>();
            checkedCount = 0;
            Type[] types = typeof(GattTable).Assembly.GetTypes();
            foreach (Match m in Regex.Matches(doc, @"`([A-Z]\w+)\.([A-Z]\w+)`\s*=\s*(-?\d+)"))
            {
                string typeName = m.Groups[1].Value, member = m.Groups[2].Value;
                Type[] candidates = types.Where(t => t.Name == typeName).ToArray();
                FieldInfo field = candidates.Length == 1 ? candidates[0].GetField(member, BindingFlags.Public | BindingFlags.Static) : null;
                long? listed = candidates.Length == 0 ? ListedEnumValue(typeName, member) : null;
                if (field is null && listed is null)
                {
                    problems.Add(Directory.Exists(SharedPaths.ApiListings) || candidates.Length > 0
                        ? $"{typeName}.{member}: no such public constant in the core, nor enum value in the nanoFramework API listing"
                        : $"{typeName}.{member}: not in the core, and the API listings to check it against are not at {SharedPaths.ApiListings} (put ../shared beside the repository or set RETROWALK_SHARED)");
                    continue;
                }

                object value = listed is long fromListing ? fromListing : field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null);
                checkedCount++;
                if (Convert.ToInt64(value) != long.Parse(m.Groups[3].Value))
                {
                    problems.Add($"{typeName}.{member} is {value}, the page says {m.Groups[3].Value}");
                }
            }

            return problems;
        }

        /// <summary>
        /// <c>Member = value</c> of <c>enum …TypeName</c> in the nanoFramework API listings (../shared/nanoframework/api),
        /// or null: the page quotes the listing where it explains what the device can and cannot do.
        /// </summary>
        private static long? ListedEnumValue(string typeName, string member)
        {
            if (!Directory.Exists(SharedPaths.ApiListings))
            {
                return null;
            }

            foreach (string file in Directory.GetFiles(SharedPaths.ApiListings, "*.txt"))
            {
                bool inEnum = false;
                foreach (string line in File.ReadLines(file))
                {
                    if (!line.StartsWith(' '))
                    {
                        inEnum = line.StartsWith("enum ", StringComparison.Ordinal) && line.EndsWith("." + typeName, StringComparison.Ordinal);
                        continue;
                    }

                    var m = Regex.Match(line, @"^\s+(\w+) = (-?\d+)$");
                    if (inEnum && m.Success && m.Groups[1].Value == member)
                    {
                        return long.Parse(m.Groups[2].Value);
                    }
                }
            }

            return null;
        }

        /// <summary>The class block of <paramref name="fullName"/> in a listing: its indented member lines.</summary>
        internal static List<string> ListedMembers(string file, string fullName)
        {
            var members = new List<string>();
            bool inType = false;
            foreach (string line in File.ReadLines(Path.Combine(SharedPaths.ApiListings, file)))
            {
                if (!line.StartsWith(' '))
                {
                    inType = Regex.IsMatch(line, @"^(\w+ )*(class|struct|interface) " + Regex.Escape(fullName) + @"( :.*)?$");
                    continue;
                }

                if (inType)
                {
                    members.Add(line.Trim());
                }
            }

            return members;
        }

        internal static List<string> CheckLengths(string doc)
        {
            var expected = new Dictionary<string, int>
            {
                ["Snapshot"] = StatusCharacteristics.Length(StatusCharacteristics.Snapshot),
                ["Tilt/alarm"] = StatusCharacteristics.Length(StatusCharacteristics.TiltAlarm),
                ["Backward session"] = StatusCharacteristics.Length(StatusCharacteristics.BackwardSession),
                ["Forward steps / Backward steps"] = StatusCharacteristics.Length(StatusCharacteristics.ForwardSteps),
                ["Config"] = ConfigCodec.Length,
                ["Health"] = HealthCodec.Length,
                ["Session"] = RetroWalk.Core.Session.SessionCodec.SummaryLength,
            };
            var problems = new List<string>();
            foreach (var (name, length) in expected)
            {
                var heading = Regex.Match(doc, "^### " + Regex.Escape(name) + @" \((\d+) bytes", RegexOptions.Multiline);
                if (!heading.Success || int.Parse(heading.Groups[1].Value) != length)
                {
                    problems.Add($"### {name} must say ({length} bytes)");
                }
            }

            foreach (var (name, id) in new[] { ("Forward steps", GattTable.ForwardSteps), ("Snapshot", GattTable.Snapshot),
                ("Tilt/alarm", GattTable.TiltAlarm), ("Backward session", GattTable.BackwardSession), ("Cadence", GattTable.Cadence),
                ("Tilt from upright", GattTable.Tilt) })
            {
                string row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{GattTable.CustomUuid(id)[..8]}-…` | {name} |")) ?? "";
                string[] cells = row.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length < 6 || cells[4] != StatusCharacteristics.Length(id).ToString())
                {
                    problems.Add($"service table: {name} must be {StatusCharacteristics.Length(id)} bytes");
                }
            }

            return problems;
        }
    }
}
