using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Tests.Ble;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>
    /// Every example payload on docs/ble.md, read from the page and decoded with the core's codecs: the bytes must
    /// decode, and what the sentence says they mean (the figures it quotes) must be what the codec reads. A reader
    /// who copies an example into an app gets what the page promises. The Config section is generated with its
    /// settings and checked by <see cref="DocsBleMatchesCodeTests"/>; the last test feeds a wrong copy.
    /// </summary>
    [TestClass]
    public class DocsBleExamplesDecodeTests
    {
        private const string Hex = @"((?:[0-9A-F]{2} )*[0-9A-F]{2})";

        private static string Doc => DocsBlePage.Text;

        [TestMethod]
        public void StepCountExample() => AssertNone(CheckSteps(Doc));

        [TestMethod]
        public void SnapshotExample()
        {
            Match m = Find(Doc, "### Snapshot", $@"Example: `{Hex}` = (\d+) forward, (\d+) backward, reset at (\S+ \S+) UTC,\s+(\d+) steps/min, walking (\w+)");
            TrackerStatus status = DecodeStatus(StatusCharacteristics.Snapshot, m);
            Assert.AreEqual(uint.Parse(m.Groups[2].Value), status.ForwardSteps);
            Assert.AreEqual(uint.Parse(m.Groups[3].Value), status.BackwardSteps);
            Assert.AreEqual(m.Groups[4].Value, Utc(status.ResetEpochS));
            Assert.AreEqual(byte.Parse(m.Groups[5].Value), status.CadenceSpm);
            Assert.AreEqual(m.Groups[6].Value, status.Direction.ToString().ToLowerInvariant());
        }

        [TestMethod]
        public void TiltAlarmExample()
        {
            Match m = Find(Doc, "### Tilt/alarm", $@"Example: `{Hex}` = (−?\d+\.\d)°, leaning (\w+), (fall alarm|tilt warning|no alarm), clock (set|not set)");
            TrackerStatus status = DecodeStatus(StatusCharacteristics.TiltAlarm, m);
            Assert.AreEqual(m.Groups[2].Value, DeciDegrees(status.TiltDeciDeg));
            Assert.AreEqual(m.Groups[3].Value, status.TiltDirection.ToString().ToLowerInvariant());
            AlarmLevel alarm = m.Groups[4].Value switch { "fall alarm" => AlarmLevel.FallAlarm, "tilt warning" => AlarmLevel.TiltWarning, _ => AlarmLevel.None };
            Assert.AreEqual(alarm, status.Alarm);
            Assert.AreEqual(m.Groups[5].Value == "set", status.ClockSynced);
        }

        [TestMethod]
        public void BackwardSessionExample()
        {
            Match m = Find(Doc, "### Backward session", $@"Example: `{Hex}` = (\d+) s, (\d+) steps, (\d+) intervals");
            TrackerStatus status = DecodeStatus(StatusCharacteristics.BackwardSession, m);
            Assert.AreEqual(uint.Parse(m.Groups[2].Value), status.BackwardWalkingS);
            Assert.AreEqual(ushort.Parse(m.Groups[3].Value), status.LongestBackwardStreakSteps);
            Assert.AreEqual(ushort.Parse(m.Groups[4].Value), status.BackwardIntervals);
        }

        [TestMethod]
        public void TiltFromUprightExample()
        {
            Match m = Find(Doc, "### Cadence", $@"\(`{Hex}` = (−?\d+\.\d)°\)");
            TrackerStatus status = DecodeStatus(StatusCharacteristics.Tilt, m);
            Assert.AreEqual(m.Groups[2].Value, DeciDegrees(status.TiltDeciDeg));
        }

        [TestMethod]
        public void CadenceExample()
        {
            Match m = Find(Doc, "### Cadence", $@"cadence u8 in steps per minute \(`{Hex}` = (\d+) steps/min\)");
            TrackerStatus status = DecodeStatus(StatusCharacteristics.Cadence, m);
            Assert.AreEqual(byte.Parse(m.Groups[2].Value), status.CadenceSpm);
        }

        [TestMethod]
        public void RawSamplesFormatExampleIsWhatTheTrackerReads()
        {
            Match m = Find(Doc, "### Raw samples", $@"Example: `{Hex}` = format (\d+), (not recording|recording), (\d+) Hz, ±(\d+) g, ±(\d+) °/s");
            byte[] bytes = Bytes(m, 1);
            var sensor = new RetroWalk.Core.Config.SensorConfig();
            Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodeFormat(bytes, 0, bytes.Length, out bool recording, sensor));
            Assert.AreEqual(int.Parse(m.Groups[2].Value), bytes[0]);
            Assert.AreEqual(m.Groups[3].Value == "recording", recording);
            Assert.AreEqual(int.Parse(m.Groups[4].Value), sensor.SampleRateHz);
            Assert.AreEqual(int.Parse(m.Groups[5].Value), 2 << (int)sensor.AccelRange);
            Assert.AreEqual(int.Parse(m.Groups[6].Value), BitConverter.ToUInt16(bytes, 5));

            var sinks = new FakeDeviceSinks();
            var session = new GattSessionState(sinks, sinks, null, null);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.RawSamples, 0, 0));
            Assert.AreEqual(NoSpaces(m.Groups[1].Value), BleBytes.ToHex(session.Value(GattTable.RawSamples), 0, session.ValueLength(GattTable.RawSamples)),
                "what a fresh tracker answers to a read");
        }

        [TestMethod]
        public void PresentationFormatsAreWhatTheDescriptorsCarry()
        {
            string doc = Doc;
            int checkedCount = 0;
            for (int id = 0; id < GattTable.Count; id++)
            {
                if (!GattTable.HasPresentationFormat(id))
                {
                    continue;
                }

                var descriptor = new byte[PresentationFormat.Length];
                PresentationFormat.Encode(GattTable.Format(id), GattTable.Exponent(id), GattTable.Unit(id), descriptor, 0);
                string hex = string.Join(" ", descriptor.Select(b => b.ToString("X2")));
                string custom = GattTable.CustomUuid(id);
                string line = custom is null
                    ? doc.Split('\n').FirstOrDefault(l => l.Contains($"`0x{GattTable.Uuid16(id):X4}`**") && l.Contains("0x2904"))
                    : doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{custom[..8]}-…` | {GattTable.Name(id)} |"));
                Assert.IsNotNull(line, $"{GattTable.Name(id)} has a line with its 0x2904 descriptor");
                StringAssert.Contains(line, $"`{hex}`", GattTable.Name(id));
                checkedCount++;
            }

            Assert.IsGreaterThanOrEqualTo(7, checkedCount, "the counts, snapshot, tilt/alarm, session, cadence, tilt and battery");
        }

        [TestMethod]
        public void ControlPointExamplesAreWhatTheSessionAnswers()
        {
            MatchCollection examples = Regex.Matches(DocsBlePage.Section(Doc, "### Control point"), $@"[Ww]rite `{Hex}`, receive `{Hex}`");
            Assert.IsGreaterThanOrEqualTo(3, examples.Count, "an accepted, a bad-parameter and an unknown-op example");
            foreach (Match m in examples)
            {
                var sinks = new FakeDeviceSinks();
                var session = new GattSessionState(sinks, sinks, new ArrayHistory(0), null);
                session.ConnectionChanged(true);
                BondedLink.Approve(session);
                session.SubscribersChanged(GattTable.ControlPoint, 1);
                byte[] request = Bytes(m, 1);
                Array.Copy(request, session.WriteBuffer, request.Length);
                Assert.AreEqual(GattWrites.Accept, session.Write(GattTable.ControlPoint, 0, request.Length), m.Value);
                Assert.AreNotEqual(0, session.TakeNotifications() & GattSessionState.Bit(GattTable.ControlPoint), m.Value);
                Assert.AreEqual(NoSpaces(m.Groups[2].Value), BleBytes.ToHex(session.Value(GattTable.ControlPoint), 0, session.ValueLength(GattTable.ControlPoint)), m.Value);
            }
        }

        [TestMethod]
        public void HistoryExample()
        {
            string section = DocsBlePage.Section(Doc, "### History");
            Match intro = Regex.Match(section, @"Example at the default MTU, (\d+) records from (\S+ \d\d:\d\d) UTC: (\w+) notifications of (\d+) bytes");
            Match m = Regex.Match(section, $@"`{Hex}` \(the record of (\S+ \d\d:\d\d) UTC: (\d+) forward, (\d+) backward; then the terminator for (\d+) records\)");
            Assert.IsTrue(intro.Success && m.Success, "the History example");
            int records = int.Parse(intro.Groups[1].Value);
            int payload = HistoryCodec.PayloadLengthForMtu(GattSessionState.DefaultAttMtu) / HistoryCodec.RecordLength * HistoryCodec.RecordLength;
            Assert.AreEqual(int.Parse(intro.Groups[4].Value), payload, "whole records per notification at the default MTU");
            int notifications = ((records + 1) * HistoryCodec.RecordLength + payload - 1) / payload;
            Assert.AreEqual(intro.Groups[3].Value, new[] { "zero", "one", "two", "three", "four", "five", "six" }[notifications]);

            byte[] bytes = Bytes(m, 1);
            Assert.AreEqual(CodecStatus.Ok, HistoryCodec.DecodeRecord(bytes, 0, bytes.Length, 0, out uint hour, out ushort forward, out ushort backward));
            Assert.AreEqual(m.Groups[2].Value, Utc(hour)[..16]);
            Assert.AreEqual(intro.Groups[2].Value, Utc(hour - (uint)((records - 1) * 3600))[..16], "the last record is the fifth hour");
            Assert.AreEqual(ushort.Parse(m.Groups[3].Value), forward);
            Assert.AreEqual(ushort.Parse(m.Groups[4].Value), backward);
            Assert.AreEqual(CodecStatus.Ok, HistoryCodec.DecodeRecord(bytes, 0, bytes.Length, 1, out uint terminator, out ushort count, out _));
            Assert.AreEqual(HistoryCodec.TerminatorEpoch, terminator);
            Assert.AreEqual(int.Parse(m.Groups[5].Value), count);
            Assert.AreEqual(records, count);
        }

        [TestMethod]
        public void HealthExample()
        {
            Match m = Find(Doc, "### Health", $@"Example: `{Hex}` is .*? (\d+) d (\d\d):(\d\d):(\d\d) up, (\d+) I2C errors, (\d+) resyncs, (\d+) overflows, (\d+) failed saves,\s+(\d+) re-initialisation");
            var health = new DeviceHealth();
            byte[] bytes = Bytes(m, 1);
            Assert.AreEqual(CodecStatus.Ok, HealthCodec.Decode(bytes, 0, bytes.Length, health));
            uint uptime = uint.Parse(m.Groups[2].Value) * 86400 + uint.Parse(m.Groups[3].Value) * 3600 + uint.Parse(m.Groups[4].Value) * 60 + uint.Parse(m.Groups[5].Value);
            Assert.AreEqual(uptime, health.UptimeS);
            Assert.AreEqual(uint.Parse(m.Groups[6].Value), health.I2cErrors);
            Assert.AreEqual(ushort.Parse(m.Groups[7].Value), health.FifoResyncs);
            Assert.AreEqual(ushort.Parse(m.Groups[8].Value), health.FifoOverflows);
            Assert.AreEqual(ushort.Parse(m.Groups[9].Value), health.FailedSaves);
            Assert.AreEqual(ushort.Parse(m.Groups[10].Value), health.SensorReinits);
            Assert.AreEqual(m.Value.Contains("(fault)"), health.HasFault);
        }

        [TestMethod]
        public void RawSamplesExample()
        {
            Match m = Find(Doc, "### Raw samples", @"`((?:[0-9A-F]{2} ){3})\| ((?:[0-9A-F]{2} ?){12})` is the first sample \(ax (−?\d+),\s+ay (−?\d+),\s+az (−?\d+),\s+gx (−?\d+),\s+gy (−?\d+),\s+gz (−?\d+)\)");
            byte[] bytes = BleBytes.Hex(m.Groups[1].Value + m.Groups[2].Value);
            Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodePacket(bytes, 0, bytes.Length, out int sequence, out byte flags, out int samples));
            Assert.AreEqual(0, sequence, "the first sample");
            Assert.AreEqual(1, samples);
            Assert.AreNotEqual(0, flags & 1, "flagged start");
            for (int axis = 0; axis < 6; axis++)
            {
                Assert.AreEqual(Number(m.Groups[3 + axis].Value), RawSamplesCodec.GetCount(bytes, 0, 0, axis), $"axis {axis}");
            }
        }

        [TestMethod]
        public void CurrentTimeExamples()
        {
            Match m = Find(Doc, "## Current Time", $@"Example: `{Hex}` = (\w+) (\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d), manual update");
            byte[] bytes = Bytes(m, 1);
            Assert.AreEqual(CodecStatus.Ok, CurrentTimeCodec.Decode(bytes, 0, bytes.Length, out uint local));
            Assert.AreEqual(m.Groups[3].Value, Utc(local), "local time as written");
            Assert.AreEqual(m.Groups[2].Value, DateTimeOffset.FromUnixTimeSeconds(local).DayOfWeek.ToString());
            Assert.AreEqual(CurrentTimeCodec.AdjustManual, bytes[9]);

            // The nRF Connect walk-through writes the same kind of value.
            Match nrf = Find(Doc, "## Reading the tracker with nRF Connect", $@"write the 10 bytes for your local time \(e\.g\.\s+`{Hex}`\)");
            byte[] written = Bytes(nrf, 1);
            Assert.AreEqual(CodecStatus.Ok, CurrentTimeCodec.Decode(written, 0, written.Length, out _));
        }

        [TestMethod]
        public void RscExamples()
        {
            string section = DocsBlePage.Section(Doc, "## Running Speed and Cadence");
            Match m = Regex.Match(section, $@"Example: `{Hex}` = (walking|running), (\d+)/256 [=≈] (\d+\.\d\d) m/s, (\d+) per minute, (\d+\.\d\d) m");
            Assert.IsTrue(m.Success, "the RSC Measurement example");
            var rsc = new RscMeasurement();
            byte[] bytes = Bytes(m, 1);
            Assert.AreEqual(CodecStatus.Ok, RscMeasurementCodec.Decode(bytes, 0, bytes.Length, rsc));
            Assert.AreEqual(m.Groups[2].Value == "running", rsc.Running);
            Assert.AreEqual(ushort.Parse(m.Groups[3].Value), rsc.SpeedQ8MPerS);
            Assert.AreEqual(m.Groups[4].Value, (rsc.SpeedQ8MPerS / 256.0).ToString("0.00", CultureInfo.InvariantCulture));
            Assert.AreEqual(byte.Parse(m.Groups[5].Value), rsc.CadencePerMin);
            Assert.IsTrue(rsc.HasStrideLength);
            Assert.AreEqual(m.Groups[6].Value, (rsc.StrideLengthCm / 100.0).ToString("0.00", CultureInfo.InvariantCulture));
            Assert.IsFalse(rsc.HasTotalDistance, "total distance is not sent");

            var sinks = new FakeDeviceSinks();
            var session = new GattSessionState(sinks, sinks, null, null);
            Match feature = Regex.Match(section, $@"\*\*RSC Feature `0x2A54`\*\* \(Read, u16\) = `{Hex}`");
            Assert.IsTrue(feature.Success);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.RscFeature, 0, 0));
            Assert.AreEqual(NoSpaces(feature.Groups[1].Value), BleBytes.ToHex(session.Value(GattTable.RscFeature), 0, session.ValueLength(GattTable.RscFeature)));
            Match location = Regex.Match(section, $@"\*\*Sensor Location `0x2A5D`\*\* \(Read, u8\) = `{Hex}`, hip");
            Assert.IsTrue(location.Success);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.SensorLocation, 0, 0));
            Assert.AreEqual(NoSpaces(location.Groups[1].Value), BleBytes.ToHex(session.Value(GattTable.SensorLocation), 0, session.ValueLength(GattTable.SensorLocation)));
        }

        [TestMethod]
        public void BatteryAlertAndLocalTimeExamples()
        {
            Match battery = Find(Doc, "## Battery", $@"Example: `{Hex}` = (\d+) %");
            byte[] level = Bytes(battery, 1);
            Assert.AreEqual(CodecStatus.Ok, BatteryLevelCodec.Decode(level, 0, level.Length, out byte percent));
            Assert.AreEqual(byte.Parse(battery.Groups[2].Value), percent);

            Match alert = Find(Doc, "## Immediate Alert", $@"apps\s+\(""find my tag""\) write `{Hex}`");
            byte[] high = Bytes(alert, 1);
            Assert.AreEqual(CodecStatus.Ok, AlertLevelCodec.Decode(high, 0, high.Length, out byte alertLevel));
            Assert.AreEqual(2, alertLevel, "High Alert");

            Match lti = Find(Doc, "## Local Time Information", $@"Example: `{Hex}` = .*?\(UTC\+(\d+) plus (\d+) h\s+of DST\), Config offset 7 becomes `{Hex}`");
            byte[] info = Bytes(lti, 1);
            Assert.AreEqual(CodecStatus.Ok, LocalTimeInfoCodec.Decode(info, 0, info.Length, out int utcOffset, out byte dst));
            Assert.AreEqual(int.Parse(lti.Groups[2].Value) * 4, utcOffset - dst, "time zone in 15-minute units");
            Assert.AreEqual(int.Parse(lti.Groups[3].Value) * 4, dst, "DST in 15-minute units");
            Assert.AreEqual((sbyte)BleBytes.Hex(lti.Groups[4].Value)[0], utcOffset, "the Config offset is time zone + DST");

            Match nrf = Find(Doc, "## Reading the tracker with nRF Connect", $@"\*\*Local Time Information\*\* \(e\.g\. `{Hex}` for UTC\+(\d+)");
            byte[] plusTwo = Bytes(nrf, 1);
            Assert.AreEqual(CodecStatus.Ok, LocalTimeInfoCodec.Decode(plusTwo, 0, plusTwo.Length, out int nrfOffset, out _));
            Assert.AreEqual(int.Parse(nrf.Groups[2].Value) * 4, nrfOffset, "local time minus UTC, 15-minute units");
        }

        [TestMethod]
        public void HistoryRequestExamplesAskForEverything()
        {
            foreach (string heading in new[] { "### Control point", "## Reading the tracker with nRF Connect" })
            {
                Match m = Find(Doc, heading, $@"`(10 {Hex})`");
                byte[] request = Bytes(m, 1);
                Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(request, 0, request.Length, out byte op, out uint since), heading);
                Assert.AreEqual(ControlOp.RequestHistory, op);
                Assert.AreEqual(0u, since, "everything");
            }
        }

        [TestMethod]
        public void AdvertisementLayoutIsWhatTheTrackerBuilds()
        {
            string block = Regex.Match(DocsBlePage.Section(Doc, "## Advertisement"), "```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
            string[] lines = block.Split('\n');
            int scanAt = Array.FindIndex(lines, l => l.StartsWith("scan response"));
            Assert.IsGreaterThan(0, scanAt, "the block lists the advertisement, then the scan response");

            TrackerStatus status = BleBytes.SampleStatus();
            status.BatteryPercent = 57;
            var frames = new AdvertisementFrames();
            frames.Build(status, true, AdvertisementCodec.DefaultDeviceName);

            // Scan response: every byte is given; together they are what the stack sends.
            string scan = string.Join(" ", lines.Skip(scanAt + 1).Select(RowBytes).Where(b => b.Length > 0));
            Assert.AreEqual(BleBytes.ToHex(frames.ScanResponse, 0, frames.ScanResponseLength), NoSpaces(scan));
            Assert.IsTrue(block.Contains($"scan response ({frames.ScanResponseLength} bytes)"), "scan response length");

            // Advertisement: each row's offset and its fixed bytes (placeholders like SS or F0 are the values).
            int rows = 0;
            foreach (string line in lines.Take(scanAt))
            {
                Match row = Regex.Match(line, @"^(\d+)\s+(?:\d+\s+)?((?:[0-9A-Z]{2} )*[0-9A-Z]{2})\s{2,}");
                if (!row.Success)
                {
                    continue;
                }

                int offset = int.Parse(row.Groups[1].Value);
                string[] cells = row.Groups[2].Value.Split(' ');
                for (int i = 0; i < cells.Length; i++)
                {
                    if (Regex.IsMatch(cells[i], "^[0-9A-F]{2}$") && !Regex.IsMatch(cells[i], "^(B[0-3B]|F[0-3])$"))
                    {
                        Assert.AreEqual(cells[i], frames.Advertisement[offset + i].ToString("X2"), $"advertisement byte {offset + i} ({line.Trim()})");
                    }
                }

                rows++;
            }

            Assert.IsGreaterThanOrEqualTo(8, rows, "flags, service data header, device info, packet id, battery, problem, safety, counts, rotation");
            Assert.IsTrue(block.Contains($"advertisement ({frames.AdvertisementLength} bytes with a battery reading"), "advertisement length");
        }

        [TestMethod]
        public void TheChecksCatchAWrongExample()
        {
            string doc = Doc;
            string wrong = doc.Replace("Example: 1234 steps → `D2 04 00 00`", "Example: 1234 steps → `D3 04 00 00`");
            Assert.AreNotEqual(doc, wrong);
            Assert.IsNotEmpty(CheckSteps(wrong));
            Assert.IsEmpty(CheckSteps(doc));
        }

        private static System.Collections.Generic.List<string> CheckSteps(string doc)
        {
            var problems = new System.Collections.Generic.List<string>();
            Match m = Regex.Match(DocsBlePage.Section(doc, "### Forward steps / Backward steps"), $@"Example: (\d+) steps → `{Hex}`");
            if (!m.Success)
            {
                problems.Add("no step count example");
                return problems;
            }

            byte[] bytes = Bytes(m, 2);
            if (StatusCodec.DecodeSteps(bytes, 0, bytes.Length, out uint steps) != CodecStatus.Ok || steps != uint.Parse(m.Groups[1].Value))
            {
                problems.Add($"`{m.Groups[2].Value}` does not decode to {m.Groups[1].Value} steps");
            }

            return problems;
        }

        private static void AssertNone(System.Collections.Generic.List<string> problems) =>
            Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));

        /// <summary>The bytes column of an advertisement-block row ("0   3   02 01 06   Flags: …"), or "".</summary>
        private static string RowBytes(string line)
        {
            Match row = Regex.Match(line, @"^\d+\s+\d+\s+((?:[0-9A-F]{2} )*[0-9A-F]{2})\s{2,}");
            return row.Success ? row.Groups[1].Value : "";
        }

        private static Match Find(string doc, string heading, string pattern)
        {
            Match m = Regex.Match(DocsBlePage.Section(doc, heading), pattern, RegexOptions.Singleline);
            Assert.IsTrue(m.Success, $"the example under {heading} no longer reads /{pattern}/");
            return m;
        }

        private static byte[] Bytes(Match m, int group) => BleBytes.Hex(m.Groups[group].Value);

        /// <summary>The example's bytes (group 1) decoded as status characteristic <paramref name="characteristic"/>.</summary>
        private static TrackerStatus DecodeStatus(int characteristic, Match m)
        {
            var status = new TrackerStatus();
            byte[] bytes = Bytes(m, 1);
            Assert.AreEqual(CodecStatus.Ok, StatusCharacteristics.Decode(characteristic, bytes, 0, bytes.Length, status), m.Value);
            return status;
        }

        private static string NoSpaces(string hex) => hex.Replace(" ", "");

        private static int Number(string text) => int.Parse(text.Replace('−', '-'), CultureInfo.InvariantCulture);

        private static string DeciDegrees(short deciDeg) =>
            (deciDeg / 10.0).ToString("0.0", CultureInfo.InvariantCulture).Replace('-', '−');

        private static string Utc(uint epochS) =>
            DateTimeOffset.FromUnixTimeSeconds(epochS).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
