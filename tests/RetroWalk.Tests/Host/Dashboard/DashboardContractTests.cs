using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Health;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Recording;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Dashboard
{
    /// <summary>
    /// The two files the companion page reads from the C# side, so that a range, a default or a byte layout is defined
    /// once: tools/RetroWalk.Dashboard/web/settings.json (the Config fields with the device's ranges and defaults) and
    /// tools/RetroWalk.Dashboard/test/vectors.json (payloads encoded by the core codecs, and what they decode to).
    /// Each test regenerates its file; if the committed copy differs it is rewritten and the test fails, so a codec or
    /// settings change that was not carried to the page is caught (commit the rewritten file).
    /// </summary>
    [TestClass]
    public sealed class DashboardContractTests
    {
        public static string DashboardFolder => Path.Combine(SharedPaths.RepoRoot, "tools", "RetroWalk.Dashboard");

        public static string SettingsPath => Path.Combine(DashboardFolder, "web", "settings.json");

        public static string VectorsPath => Path.Combine(DashboardFolder, "test", "vectors.json");

        [TestMethod]
        public void SettingsJsonIsUpToDate()
        {
            CheckUpToDate(SettingsPath, BuildSettings());
        }

        [TestMethod]
        public void VectorsJsonIsUpToDate()
        {
            CheckUpToDate(VectorsPath, BuildVectors());
        }

        [TestMethod]
        public void SettingsDefaultsAreValidAndRoundTrip()
        {
            UserSettings defaults = DeviceDefaults();
            Assert.IsTrue(defaults.IsValid(), "the device's default settings must pass its own validation");
            Assert.IsTrue(defaults.SameAs(new UserSettings()), "a fresh device reports the table's defaults");
            var bytes = new byte[ConfigCodec.Length];
            ConfigCodec.Encode(defaults, bytes, 0);
            var back = new UserSettings { TiltHoldMs = 5000 };
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(bytes, 0, bytes.Length, new UserSettings(), back));
            Assert.IsTrue(back.SameAs(defaults));
        }

        private static void CheckUpToDate(string path, JsonNode content)
        {
            string text = content.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
            string old = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
            if (old == text)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, text);
            Assert.Fail(path + " was out of date and has been regenerated from the C# side; commit it.");
        }

        /// <summary>The settings a freshly flashed tracker reports (the device loop's own restore of the defaults).</summary>
        public static UserSettings DeviceDefaults()
        {
            var device = new EmulatedDevice(Array.Empty<RetroWalk.Host.Recordings.RawSample>());
            var settings = new UserSettings();
            device.Loop.ReadSettings(settings);
            return settings;
        }

        /// <summary>settings.json: every <see cref="SettingTable"/> row with its place in the Config record.</summary>
        public static JsonNode BuildSettings()
        {
            UserSettings d = DeviceDefaults();
            var fields = new JsonArray();
            foreach (SettingSpec row in SettingTable.Rows)
            {
                var field = new JsonObject
                {
                    ["name"] = row.Key, ["label"] = row.Label, ["unit"] = row.Unit, ["type"] = row.WireType,
                    ["offset"] = SettingsCodec.Offset(row.Id), ["min"] = row.Min, ["max"] = row.Max, ["default"] = d.Get(row.Id),
                };
                if (row.ZeroMeans != null)
                {
                    field["zeroMeans"] = row.ZeroMeans;
                }

                if (row.Id == SettingTable.ForwardAxis)
                {
                    var axes = new JsonArray();
                    for (int a = row.Min; a <= row.Max; a++)
                    {
                        axes.Add(new JsonObject { ["value"] = a, ["name"] = ((MountAxis)a).ToString() });
                    }

                    field["choices"] = axes;
                }

                if (row.Id == SettingTable.Flags)
                {
                    var bits = new JsonArray();
                    for (int bit = 0; bit < SettingTable.FlagKeys.Length; bit++)
                    {
                        bits.Add(new JsonObject { ["mask"] = 1 << bit, ["name"] = SettingTable.FlagKeys[bit], ["label"] = SettingTable.FlagLabels[bit] });
                    }

                    field["bits"] = bits;
                }

                fields.Add(field);
            }

            return new JsonObject
            {
                ["generatedBy"] = "tests/RetroWalk.Tests/Host/Dashboard/DashboardContractTests.cs from RetroWalk.Core.Config.SettingTable and the device loop's defaults; do not edit",
                ["configLength"] = ConfigCodec.Length,
                ["fields"] = fields,
                ["uuids"] = Uuids(),
            };
        }

        private static JsonObject Uuids()
        {
            return new JsonObject
            {
                ["service"] = BleUuids.Service,
                ["forwardSteps"] = BleUuids.ForwardSteps,
                ["backwardSteps"] = BleUuids.BackwardSteps,
                ["snapshot"] = BleUuids.Snapshot,
                ["tiltAlarm"] = BleUuids.TiltAlarm,
                ["controlPoint"] = BleUuids.ControlPoint,
                ["config"] = BleUuids.Config,
                ["history"] = BleUuids.History,
                ["backwardSession"] = BleUuids.BackwardSession,
                ["cadence"] = BleUuids.Cadence,
                ["tilt"] = BleUuids.Tilt,
                ["rawSamples"] = BleUuids.RawSamples,
                ["health"] = BleUuids.Health,
                ["session"] = BleUuids.Session,
                ["sessionLog"] = BleUuids.SessionLog,
                ["currentTimeService"] = BleUuids.CurrentTimeService,
                ["currentTime"] = BleUuids.CurrentTimeCharacteristic,
                ["batteryService"] = BleUuids.BatteryService,
                ["batteryLevel"] = BleUuids.BatteryLevelCharacteristic,
            };
        }

        private static string Hex(byte[] b, int length)
        {
            return Convert.ToHexString(b, 0, length).ToLowerInvariant();
        }

        public static JsonNode BuildVectors()
        {
            var statuses = new List<TrackerStatus>
            {
                new TrackerStatus(),
                new TrackerStatus
                {
                    ForwardSteps = 1234, BackwardSteps = 567, ResetEpochS = 1700000000, CadenceSpm = 96, Direction = WalkDirection.Backward,
                    TiltDeciDeg = -50, TiltDirection = TiltDirection.Backward, Alarm = AlarmLevel.FallAlarm, ClockSynced = true,
                    BackwardWalkingS = 600, LongestBackwardStreakSteps = 42, BackwardIntervals = 3,
                },
                new TrackerStatus
                {
                    ForwardSteps = uint.MaxValue, BackwardSteps = 0x80000001, ResetEpochS = uint.MaxValue, CadenceSpm = 255, Direction = WalkDirection.Forward,
                    TiltDeciDeg = short.MaxValue, TiltDirection = TiltDirection.Sideways, Alarm = AlarmLevel.TiltWarning, ClockSynced = false,
                    BackwardWalkingS = uint.MaxValue, LongestBackwardStreakSteps = ushort.MaxValue, BackwardIntervals = ushort.MaxValue,
                },
                new TrackerStatus { TiltDeciDeg = short.MinValue, TiltDirection = TiltDirection.Forward, Direction = WalkDirection.Still },
            };

            var characteristics = new JsonArray();
            var buffer = new byte[32];
            for (int c = 0; c < StatusCharacteristics.Count; c++)
            {
                var cases = new JsonArray();
                foreach (TrackerStatus s in statuses)
                {
                    int n = StatusCharacteristics.Encode(c, s, buffer, 0);
                    cases.Add(new JsonObject { ["hex"] = Hex(buffer, n), ["expect"] = Expected(c, s) });
                }

                // Wrong lengths are refused by every decoder.
                int length = StatusCharacteristics.Length(c);
                cases.Add(new JsonObject { ["hex"] = Hex(new byte[length + 1], length + 1), ["error"] = "length" });
                if (length > 1)
                {
                    cases.Add(new JsonObject { ["hex"] = Hex(new byte[length - 1], length - 1), ["error"] = "length" });
                }

                characteristics.Add(new JsonObject
                {
                    ["name"] = Key(c), ["uuid"] = StatusCharacteristics.Uuid(c), ["length"] = length, ["cases"] = cases,
                });
            }

            // Out-of-range fields the core's decoders refuse.
            AddRefused(characteristics, StatusCharacteristics.Snapshot, "d2040000370200000000000060" + "03");
            AddRefused(characteristics, StatusCharacteristics.TiltAlarm, "ceff040000");
            AddRefused(characteristics, StatusCharacteristics.TiltAlarm, "ceff020300");
            AddRefused(characteristics, StatusCharacteristics.TiltAlarm, "ceff020202");

            return new JsonObject
            {
                ["generatedBy"] = "tests/RetroWalk.Tests/Host/Dashboard/DashboardContractTests.cs with the core codecs (RetroWalk.Core.Ble); do not edit",
                ["characteristics"] = characteristics,
                ["config"] = ConfigVectors(),
                ["controlPoint"] = ControlPointVectors(),
                ["currentTime"] = CurrentTimeVectors(),
                ["history"] = HistoryVectors(),
                ["rawSamples"] = RawSamplesVectors(),
                ["batteryLevel"] = BatteryVectors(),
                ["health"] = HealthVectors(),
                ["session"] = SessionVectors(),
                ["sessionLog"] = SessionLogVectors(),
            };
        }

        private static void AddRefused(JsonArray characteristics, int c, string hex)
        {
            byte[] bytes = Convert.FromHexString(hex);
            byte result = StatusCharacteristics.Decode(c, bytes, 0, bytes.Length, new TrackerStatus());
            Assert.AreEqual(CodecStatus.OutOfRange, result, "the vector " + hex + " must be one the core refuses");
            ((JsonArray)characteristics[c]["cases"]).Add(new JsonObject { ["hex"] = hex, ["error"] = "range" });
        }

        private static string Key(int c)
        {
            switch (c)
            {
                case StatusCharacteristics.ForwardSteps: return "forwardSteps";
                case StatusCharacteristics.BackwardSteps: return "backwardSteps";
                case StatusCharacteristics.Snapshot: return "snapshot";
                case StatusCharacteristics.TiltAlarm: return "tiltAlarm";
                case StatusCharacteristics.BackwardSession: return "backwardSession";
                case StatusCharacteristics.Cadence: return "cadence";
                default: return "tilt";
            }
        }

        /// <summary>What the core's phone-side decoder fills in, field by field, as the page names them.</summary>
        private static JsonObject Expected(int c, TrackerStatus encoded)
        {
            var buffer = new byte[32];
            int n = StatusCharacteristics.Encode(c, encoded, buffer, 0);
            var s = new TrackerStatus();
            Assert.AreEqual(CodecStatus.Ok, StatusCharacteristics.Decode(c, buffer, 0, n, s));
            switch (c)
            {
                case StatusCharacteristics.ForwardSteps: return new JsonObject { ["steps"] = s.ForwardSteps };
                case StatusCharacteristics.BackwardSteps: return new JsonObject { ["steps"] = s.BackwardSteps };
                case StatusCharacteristics.Snapshot:
                    return new JsonObject
                    {
                        ["forwardSteps"] = s.ForwardSteps, ["backwardSteps"] = s.BackwardSteps, ["resetEpochS"] = s.ResetEpochS,
                        ["cadenceSpm"] = s.CadenceSpm, ["direction"] = (int)s.Direction,
                    };
                case StatusCharacteristics.TiltAlarm:
                    return new JsonObject
                    {
                        ["tiltDeciDeg"] = s.TiltDeciDeg, ["tiltDirection"] = (int)s.TiltDirection, ["alarm"] = (int)s.Alarm,
                        ["clockSynced"] = s.ClockSynced,
                    };
                case StatusCharacteristics.BackwardSession:
                    return new JsonObject
                    {
                        ["backwardWalkingS"] = s.BackwardWalkingS, ["longestBackwardStreakSteps"] = s.LongestBackwardStreakSteps,
                        ["backwardIntervals"] = s.BackwardIntervals,
                    };
                case StatusCharacteristics.Cadence: return new JsonObject { ["cadenceSpm"] = s.CadenceSpm };
                default: return new JsonObject { ["tiltDeciDeg"] = s.TiltDeciDeg };
            }
        }

        private static JsonObject SettingsJson(UserSettings s)
        {
            var json = new JsonObject();
            foreach (SettingSpec row in SettingTable.Rows)
            {
                json[row.Key] = s.Get(row.Id);
            }

            return json;
        }

        private static JsonArray ConfigVectors()
        {
            var list = new JsonArray();
            var low = new UserSettings();
            var high = new UserSettings();
            var odd = new UserSettings { Flags = SettingTable.FlagDailyReset, UtcOffsetQuarterHours = -20, ForwardStepCm = 71, GlanceEverySteps = 0 };
            foreach (SettingSpec row in SettingTable.Rows)
            {
                low.Put(row.Id, row.ZeroMeans != null ? 0 : row.Min);
                high.Put(row.Id, row.Max);
            }

            var buffer = new byte[ConfigCodec.Length];
            foreach (UserSettings s in new[] { DeviceDefaults(), low, high, odd })
            {
                Assert.IsTrue(s.IsValid());
                ConfigCodec.Encode(s, buffer, 0);
                list.Add(new JsonObject { ["hex"] = Hex(buffer, buffer.Length), ["expect"] = SettingsJson(s) });
            }

            // Whole records the device refuses, one field just outside its range each, and lengths off a field boundary.
            var refused = new List<byte[]>();
            foreach (SettingSpec row in SettingTable.Rows)
            {
                foreach (int v in new[] { row.Min - 1, row.Max + 1 })
                {
                    int limit = row.Bytes == 1 ? (row.Signed ? 127 : 255) : (row.Signed ? 32767 : 65535);
                    int floor = row.Signed ? -limit - 1 : 0;
                    if (v < floor || v > limit || (v == 0 && row.ZeroMeans != null))
                    {
                        continue;
                    }

                    var bad = new UserSettings();
                    bad.Put(row.Id, v);
                    ConfigCodec.Encode(bad, buffer, 0);
                    refused.Add((byte[])buffer.Clone());
                }
            }

            refused.Add(new byte[ConfigCodec.Length - 1]);
            refused.Add(new byte[ConfigCodec.Length + 1]);
            foreach (byte[] bytes in refused)
            {
                byte result = ConfigCodec.Decode(bytes, 0, bytes.Length, new UserSettings(), new UserSettings());
                Assert.AreNotEqual(CodecStatus.Ok, result, Hex(bytes, bytes.Length));
                list.Add(new JsonObject { ["hex"] = Hex(bytes, bytes.Length), ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
            }

            return list;
        }

        private static JsonObject ControlPointVectors()
        {
            var requests = new JsonArray();
            var buffer = new byte[8];
            foreach (byte op in new[] { ControlOp.ResetCounts, ControlOp.AcknowledgeAlarm, ControlOp.Identify, ControlOp.RecaptureUpright,
                         ControlOp.StartRecording, ControlOp.StopRecording })
            {
                int n = ControlPointCodec.EncodeRequest(op, 0, buffer, 0);
                requests.Add(new JsonObject { ["op"] = op, ["argument"] = 0, ["hex"] = Hex(buffer, n) });
            }

            foreach (uint epoch in new uint[] { 0, 1700000000, uint.MaxValue })
            {
                int n = ControlPointCodec.EncodeRequest(ControlOp.RequestHistory, epoch, buffer, 0);
                requests.Add(new JsonObject { ["op"] = ControlOp.RequestHistory, ["argument"] = epoch, ["hex"] = Hex(buffer, n) });
            }

            foreach (uint number in new uint[] { 0, 3, uint.MaxValue })
            {
                int n = ControlPointCodec.EncodeRequest(ControlOp.RequestSessions, number, buffer, 0);
                requests.Add(new JsonObject { ["op"] = ControlOp.RequestSessions, ["argument"] = number, ["hex"] = Hex(buffer, n) });
            }

            foreach (byte op in new[] { ControlOp.StartSession, ControlOp.EndSession })
            {
                int n = ControlPointCodec.EncodeRequest(op, 0, buffer, 0);
                requests.Add(new JsonObject { ["op"] = op, ["argument"] = 0, ["hex"] = Hex(buffer, n) });
            }

            var responses = new JsonArray();
            foreach (byte op in new byte[] { ControlOp.ResetCounts, ControlOp.AcknowledgeAlarm, ControlOp.RequestHistory, 0x7F })
            {
                for (byte status = ControlStatus.Ok; status <= ControlStatus.Failed; status++)
                {
                    int n = ControlPointCodec.EncodeResponse(op, status, buffer, 0);
                    responses.Add(new JsonObject { ["hex"] = Hex(buffer, n), ["expect"] = new JsonObject { ["op"] = op, ["status"] = status } });
                }
            }

            foreach (string hex in new[] { "800101ff", "8001", "810101", "800100", "800105" })
            {
                byte[] bytes = Convert.FromHexString(hex);
                byte result = ControlPointCodec.DecodeResponse(bytes, 0, bytes.Length, out _, out _);
                Assert.AreNotEqual(CodecStatus.Ok, result, hex);
                responses.Add(new JsonObject { ["hex"] = hex, ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
            }

            return new JsonObject { ["requests"] = requests, ["responses"] = responses };
        }

        private static JsonArray CurrentTimeVectors()
        {
            var list = new JsonArray();
            var buffer = new byte[CurrentTimeCodec.Length];
            foreach (uint local in new uint[] { 946684800, 1709214330, 1777626000, 4291747199 })
            {
                foreach (byte reason in new byte[] { CurrentTimeCodec.AdjustManual, CurrentTimeCodec.AdjustExternalReference })
                {
                    int n = CurrentTimeCodec.Encode(local, 128, reason, buffer, 0);
                    Assert.AreEqual(CodecStatus.Ok, CurrentTimeCodec.Decode(buffer, 0, n, out uint back));
                    Assert.AreEqual(local, back);
                    list.Add(new JsonObject
                    {
                        ["localEpochS"] = local, ["fractions256"] = 128, ["adjustReason"] = reason, ["hex"] = Hex(buffer, n),
                    });
                }
            }

            return list;
        }

        private static JsonArray HistoryVectors()
        {
            var list = new JsonArray();
            var sources = new[]
            {
                new FixedHistory(new uint[0], new ushort[0], new ushort[0]),
                new FixedHistory(new uint[] { 1700002800, 1700006400, 1700010000, 1700013600, 1700017200 },
                    new ushort[] { 0, 812, 65535, 3, 104 }, new ushort[] { 0, 95, 1, 65535, 14 }),
            };
            foreach (FixedHistory source in sources)
            {
                foreach (int mtu in new[] { 23, 247 })
                {
                    var stream = new HistoryStream();
                    stream.Begin(source, 0, HistoryCodec.PayloadLengthForMtu(mtu));
                    var notifications = new JsonArray();
                    var buffer = new byte[HistoryCodec.MaxPayloadLength];
                    int n;
                    while ((n = stream.Next(buffer, 0)) > 0)
                    {
                        notifications.Add(Hex(buffer, n));
                    }

                    var records = new JsonArray();
                    for (int i = 0; i < source.Count; i++)
                    {
                        source.GetRecord(i, out uint epoch, out ushort f, out ushort b);
                        records.Add(new JsonObject { ["hourStartEpochS"] = epoch, ["forwardSteps"] = f, ["backwardSteps"] = b });
                    }

                    list.Add(new JsonObject { ["mtu"] = mtu, ["notifications"] = notifications, ["records"] = records, ["count"] = source.Count });
                }
            }

            return list;
        }

        /// <summary>
        /// Raw Samples: formats and packets the core encodes (and malformed ones it refuses), and whole recordings packed
        /// by the core's <see cref="RawSamplePacker"/> at two MTUs, with notifications lost and a sensor gap: what the
        /// page's RawRecording must make of them (the samples that arrived, and each gap where it fell).
        /// </summary>
        private static JsonObject RawSamplesVectors()
        {
            var formats = new JsonArray();
            var buffer = new byte[HistoryCodec.MaxPayloadLength];
            foreach (var (recording, rate, accel, gyro) in new[]
                     {
                         (false, 100, AccelRange.Range8G, GyroRange.Range500Dps), (true, 200, AccelRange.Range16G, GyroRange.Range2000Dps),
                         (true, 50, AccelRange.Range2G, GyroRange.Range250Dps),
                     })
            {
                var sensor = new SensorConfig { SampleRateHz = rate, AccelRange = accel, GyroRange = gyro };
                int n = RawSamplesCodec.EncodeFormat(recording, sensor, buffer, 0);
                formats.Add(new JsonObject
                {
                    ["hex"] = Hex(buffer, n),
                    ["expect"] = new JsonObject
                    {
                        ["version"] = RawSamplesCodec.FormatVersion, ["recording"] = recording, ["rateHz"] = rate,
                        ["accelRangeG"] = 2 << (int)accel, ["gyroRangeDps"] = RawSamplesCodec.GyroRangeDps(gyro),
                    },
                });
            }

            foreach (string hex in new[] { "0200640008f401", "0102640008f401", "0100000008f401", "0100640006f401", "0100640008f501", "0100640008f4" })
            {
                byte[] bytes = Convert.FromHexString(hex);
                byte result = RawSamplesCodec.DecodeFormat(bytes, 0, bytes.Length, out _, new SensorConfig());
                Assert.AreNotEqual(CodecStatus.Ok, result, hex);
                formats.Add(new JsonObject { ["hex"] = hex, ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
            }

            var packets = new JsonArray();
            foreach (string hex in new[] { "000004", "341201" + "0100ffff0080ff7f0200feff", "ffff02" + "0100ffff0080ff7f0200feff" + "000000000000000000000000",
                         "0000", "0000000100", "000008" })
            {
                byte[] bytes = Convert.FromHexString(hex);
                byte result = RawSamplesCodec.DecodePacket(bytes, 0, bytes.Length, out int sequence, out byte flags, out int count);
                if (result != CodecStatus.Ok)
                {
                    packets.Add(new JsonObject { ["hex"] = hex, ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
                    continue;
                }

                var samples = new JsonArray();
                for (int i = 0; i < count; i++)
                {
                    samples.Add(SampleJson(bytes, i));
                }

                packets.Add(new JsonObject { ["hex"] = hex, ["expect"] = new JsonObject { ["sequence"] = sequence, ["flags"] = flags, ["samples"] = samples } });
            }

            var streams = new JsonArray();
            foreach (int mtu in new[] { 23, 247 })
            {
                // Two one-sample notifications lost at MTU 23; at 247 the ten samples sent early for the sensor gap.
                int lost = mtu == 23 ? 2 : 1;
                var log = new RetroWalk.Tests.RecordingMode.PacketLog { RefuseFrom = mtu == 23 ? 5 : 1, RefuseCount = lost };
                var packer = new RawSamplePacker(log);
                packer.Begin(RawSamplesCodec.SamplesPerPacket(HistoryCodec.PayloadLengthForMtu(mtu)));
                var source = new short[6 * 50];
                for (int i = 0; i < source.Length; i++)
                {
                    source[i] = (short)(i * 37 - 3000);
                }

                packer.Add(source, 30);
                packer.MarkSensorGap();
                var rest = new short[6 * 20];
                Array.Copy(source, 6 * 30, rest, 0, rest.Length);
                packer.Add(rest, 20);
                packer.End();

                var notifications = new JsonArray();
                var received = new JsonArray();
                var gaps = new JsonArray();
                int expected = 0;
                for (int p = 0; p < log.Count; p++)
                {
                    byte[] packet = log.Packets[p];
                    notifications.Add(Hex(packet, packet.Length));
                    RawSamplesCodec.DecodePacket(packet, 0, packet.Length, out int sequence, out byte flags, out int count);
                    int missing = (sequence - expected) & 0xFFFF;
                    if (missing > 0)
                    {
                        gaps.Add(new JsonObject { ["atSample"] = received.Count, ["missing"] = missing });
                    }

                    if ((flags & RawSamplesCodec.FlagSensorGap) != 0)
                    {
                        gaps.Add(new JsonObject { ["atSample"] = received.Count, ["missing"] = null });
                    }

                    for (int i = 0; i < count; i++)
                    {
                        received.Add(SampleJson(packet, i));
                    }

                    expected = (sequence + count) & 0xFFFF;
                }

                Assert.AreEqual(50L, packer.SamplesPacked);
                Assert.AreEqual(lost, packer.PacketsLost);
                streams.Add(new JsonObject { ["mtu"] = mtu, ["notifications"] = notifications, ["samples"] = received, ["gaps"] = gaps });
            }

            return new JsonObject { ["formats"] = formats, ["packets"] = packets, ["streams"] = streams };
        }

        private static JsonArray BatteryVectors()
        {
            var list = new JsonArray();
            var buffer = new byte[BatteryLevelCodec.Length];
            foreach (int percent in new[] { 0, 1, 57, 100 })
            {
                int n = BatteryLevelCodec.Encode(percent, buffer, 0);
                list.Add(new JsonObject { ["hex"] = Hex(buffer, n), ["expect"] = new JsonObject { ["percent"] = percent } });
            }

            foreach (string hex in new[] { "65", "ff", "", "6400" })
            {
                byte[] bytes = Convert.FromHexString(hex);
                byte result = BatteryLevelCodec.Decode(bytes, 0, bytes.Length, out _);
                Assert.AreNotEqual(CodecStatus.Ok, result, hex);
                list.Add(new JsonObject { ["hex"] = hex, ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
            }

            return list;
        }

        private static JsonArray HealthVectors()
        {
            var list = new JsonArray();
            var buffer = new byte[HealthCodec.Length];
            var cases = new[]
            {
                new DeviceHealth(),
                new DeviceHealth
                {
                    Sensor = SensorHealth.Silent, LastSave = SaveOutcome.Failed, Restore = RestoreOutcome.RestoredOlder, UptimeS = 93784,
                    I2cErrors = 70000, FifoResyncs = 3, FifoOverflows = 2, FailedSaves = 181, SensorReinits = 1,
                },
                new DeviceHealth
                {
                    Sensor = SensorHealth.Ok, LastSave = SaveOutcome.Saved, Restore = RestoreOutcome.Restored, UptimeS = uint.MaxValue,
                    I2cErrors = uint.MaxValue, FifoResyncs = ushort.MaxValue, FifoOverflows = ushort.MaxValue, FailedSaves = ushort.MaxValue, SensorReinits = ushort.MaxValue,
                },
            };
            foreach (DeviceHealth h in cases)
            {
                int n = HealthCodec.Encode(h, buffer, 0);
                var back = new DeviceHealth();
                Assert.AreEqual(CodecStatus.Ok, HealthCodec.Decode(buffer, 0, n, back));
                list.Add(new JsonObject
                {
                    ["hex"] = Hex(buffer, n),
                    ["expect"] = new JsonObject
                    {
                        ["sensor"] = (int)back.Sensor, ["lastSave"] = (int)back.LastSave, ["restore"] = (int)back.Restore,
                        ["fault"] = HealthCodec.FaultFlag(buffer, 0, n), ["uptimeS"] = back.UptimeS, ["i2cErrors"] = back.I2cErrors,
                        ["fifoResyncs"] = back.FifoResyncs, ["fifoOverflows"] = back.FifoOverflows, ["failedSaves"] = back.FailedSaves,
                        ["sensorReinits"] = back.SensorReinits,
                    },
                });
            }

            foreach (string hex in new[] { "0600000000000000000000000000000000000000", "0003000000000000000000000000000000000000",
                "0000040000000000000000000000000000000000", "0000000200000000000000000000000000000000", "00", "000000000000000000000000000000000000000000" })
            {
                byte[] bytes = Convert.FromHexString(hex);
                byte result = HealthCodec.Decode(bytes, 0, bytes.Length, new DeviceHealth());
                Assert.AreNotEqual(CodecStatus.Ok, result, hex);
                list.Add(new JsonObject { ["hex"] = hex, ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
            }

            return list;
        }

        private static JsonArray SessionVectors()
        {
            var list = new JsonArray { new JsonObject { ["hex"] = "", ["expect"] = null } };
            var s = new RetroWalk.Core.Session.SessionRecord
            {
                Number = 3, StartEpochS = 1777626009, DurationMs = 81000, ForwardMs = 38000, BackwardMs = 29000,
                ForwardSteps = 72, BackwardSteps = 46, LongestBackwardStreakSteps = 46, ForwardMilliKcal = 3400, BackwardMilliKcal = 2600,
                StartedByCommand = true, IntervalTotal = 3,
            };
            s.ForwardSteadiness.AddBout(40, 40 * 530, 39L * 1060, 39L * 1060 * 1060 + 38 * 800, 20 * 530, 20);
            var buffer = new byte[RetroWalk.Core.Session.SessionCodec.SummaryLength];
            int n = RetroWalk.Core.Session.SessionCodec.EncodeSummary(s, buffer, 0);
            var back = new RetroWalk.Core.Session.SessionRecord();
            var figures = new int[RetroWalk.Core.Session.SessionCodec.FigureCount];
            Assert.AreEqual(CodecStatus.Ok, RetroWalk.Core.Session.SessionCodec.DecodeSummary(buffer, 0, n, back, figures));
            list.Add(new JsonObject { ["hex"] = Hex(buffer, n), ["expect"] = SummaryJson(back, figures, buffer, 0) });
            byte[] reserved = (byte[])buffer.Clone();
            reserved[47] = 0x10;
            Assert.AreEqual(CodecStatus.OutOfRange, RetroWalk.Core.Session.SessionCodec.DecodeSummary(reserved, 0, reserved.Length, back, figures));
            list.Add(new JsonObject { ["hex"] = Hex(reserved, reserved.Length), ["error"] = "range" });
            list.Add(new JsonObject { ["hex"] = Hex(buffer, 47), ["error"] = "length" });
            return list;
        }

        /// <summary>What the page's decodeSession must make of the summary at <paramref name="at"/> (decoded by the core into <paramref name="back"/>).</summary>
        private static JsonObject SummaryJson(RetroWalk.Core.Session.SessionRecord back, int[] figures, byte[] buffer, int at)
        {
            byte flags = buffer[at + 47];
            return new JsonObject
            {
                ["number"] = back.Number, ["startEpochS"] = back.StartEpochS, ["durationMs"] = back.DurationMs,
                ["forwardMs"] = back.ForwardMs, ["backwardMs"] = back.BackwardMs, ["forwardSteps"] = back.ForwardSteps,
                ["backwardSteps"] = back.BackwardSteps, ["longestBackwardStreakSteps"] = back.LongestBackwardStreakSteps,
                ["forwardKcal"] = back.ForwardMilliKcal / 1000, ["backwardKcal"] = back.BackwardMilliKcal / 1000,
                ["forwardCadenceSpm"] = buffer[at + 30], ["backwardCadenceSpm"] = buffer[at + 31],
                ["forwardCvPermille"] = figures[RetroWalk.Core.Session.SessionCodec.ForwardCv],
                ["backwardCvPermille"] = figures[RetroWalk.Core.Session.SessionCodec.BackwardCv],
                ["forwardAsymmetryPermille"] = figures[RetroWalk.Core.Session.SessionCodec.ForwardAsymmetry],
                ["backwardAsymmetryPermille"] = figures[RetroWalk.Core.Session.SessionCodec.BackwardAsymmetry],
                ["forwardBouts"] = figures[RetroWalk.Core.Session.SessionCodec.ForwardBouts],
                ["backwardBouts"] = figures[RetroWalk.Core.Session.SessionCodec.BackwardBouts],
                ["forwardSteadySteps"] = figures[RetroWalk.Core.Session.SessionCodec.ForwardSteadySteps],
                ["backwardSteadySteps"] = figures[RetroWalk.Core.Session.SessionCodec.BackwardSteadySteps],
                ["intervals"] = back.IntervalTotal,
                ["startedByCommand"] = back.StartedByCommand, ["endedByCommand"] = back.EndedByCommand,
                ["intervalsTruncated"] = (flags & RetroWalk.Core.Session.SessionCodec.FlagIntervalsTruncated) != 0,
                ["inProgress"] = (flags & RetroWalk.Core.Session.SessionCodec.FlagInProgress) != 0,
            };
        }

        /// <summary>
        /// Session log downloads the core's <see cref="SessionStream"/> packs (an empty log; three sessions, one with 40
        /// intervals of which 32 are listed) at two MTUs, with what the page's SessionLogCollector must make of them:
        /// every session's summary (decoded by the core's SessionCodec) and its listed intervals.
        /// </summary>
        private static JsonArray SessionLogVectors()
        {
            var none = new FixedSessions();
            var some = new FixedSessions();
            for (int k = 0; k < 3; k++)
            {
                var s = new RetroWalk.Core.Session.SessionRecord
                {
                    Number = (uint)(7 + k), StartEpochS = k == 1 ? 0u : 1777626009u + (uint)k * 86400, DurationMs = 600000 + k * 61234,
                    ForwardMs = 200000 + k * 1000, BackwardMs = 300000 - k * 1000, ForwardSteps = 350 + k, BackwardSteps = 480 - k,
                    LongestBackwardStreakSteps = 120 + k, ForwardMilliKcal = 12400 + k * 700, BackwardMilliKcal = 20600 + k * 300,
                    StartedByCommand = k == 0, EndedByCommand = k == 2,
                };
                if (k != 1)
                {
                    s.ForwardSteadiness.AddBout(40, 40 * 530, 39L * 1060, 39L * 1060 * 1060 + 38 * 800, 20 * 530, 20);
                    s.BackwardSteadiness.AddBout(60, 60 * 600, 59L * 1200, 59L * 1200 * 1200 + 58 * 2000, 30 * 610, 30);
                }

                int intervals = k == 2 ? 40 : k * 3 + 1;
                for (int i = 0; i < intervals && i < RetroWalk.Core.Session.SessionRecord.MaxIntervals; i++)
                {
                    s.IntervalDirection[i] = (byte)(i % 2 == 0 ? WalkDirection.Forward : WalkDirection.Backward);
                    s.IntervalStartMs[i] = i * 15000L;
                    s.IntervalDurationMs[i] = 12000 + i * 10;
                    s.IntervalSteps[i] = 20 + i;
                }

                s.IntervalTotal = intervals;
                some.Add(s);
            }

            var list = new JsonArray();
            foreach (FixedSessions source in new[] { none, some })
            {
                foreach (int mtu in new[] { 23, 247 })
                {
                    var stream = new SessionStream(source.MaxRecordLength);
                    stream.Begin(source, 0, HistoryCodec.PayloadLengthForMtu(mtu));
                    var notifications = new JsonArray();
                    var buffer = new byte[HistoryCodec.MaxPayloadLength];
                    int n;
                    while ((n = stream.Next(buffer, 0)) > 0)
                    {
                        notifications.Add(Hex(buffer, n));
                    }

                    var sessions = new JsonArray();
                    var record = new byte[source.MaxRecordLength];
                    for (int i = 0; i < source.Count; i++)
                    {
                        source.EncodeAt(i, record);
                        var back = new RetroWalk.Core.Session.SessionRecord();
                        var figures = new int[RetroWalk.Core.Session.SessionCodec.FigureCount];
                        Assert.AreEqual(CodecStatus.Ok, RetroWalk.Core.Session.SessionCodec.DecodeSummary(record, 0, RetroWalk.Core.Session.SessionCodec.SummaryLength, back, figures));
                        JsonObject expect = SummaryJson(back, figures, record, 0);
                        var intervals = new JsonArray();
                        for (int k = 0; k < RetroWalk.Core.Session.SessionCodec.ListedIntervals(record, 0); k++)
                        {
                            Assert.AreEqual(CodecStatus.Ok, RetroWalk.Core.Session.SessionCodec.DecodeInterval(record,
                                RetroWalk.Core.Session.SessionCodec.SummaryLength + k * RetroWalk.Core.Session.SessionCodec.IntervalLength,
                                RetroWalk.Core.Session.SessionCodec.IntervalLength, out byte direction, out int startS, out int durationS, out int steps));
                            intervals.Add(new JsonObject { ["direction"] = direction, ["startS"] = startS, ["durationS"] = durationS, ["steps"] = steps });
                        }

                        expect["intervalList"] = intervals;
                        sessions.Add(expect);
                    }

                    list.Add(new JsonObject { ["mtu"] = mtu, ["notifications"] = notifications, ["sessions"] = sessions });
                }
            }

            return list;
        }

        /// <summary>Kept sessions for <see cref="SessionLogVectors"/>, encoded by the core's SessionCodec.</summary>
        private sealed class FixedSessions : ISessionSource
        {
            private readonly List<RetroWalk.Core.Session.SessionRecord> _sessions = new List<RetroWalk.Core.Session.SessionRecord>();

            public int Count => _sessions.Count;

            public int MaxRecordLength => RetroWalk.Core.Session.SessionCodec.MaxRecordLength;

            public int Generation => 0;

            public bool Running => false;

            public void Add(RetroWalk.Core.Session.SessionRecord s) => _sessions.Add(s);

            public int EncodeAt(int index, byte[] dst) => RetroWalk.Core.Session.SessionCodec.EncodeSession(_sessions[index], dst, 0);

            public int EncodeCurrent(byte[] dst, int offset) => 0;

            public int EncodeFrom(uint fromNumber, byte[] dst, int offset, out uint number)
            {
                foreach (var s in _sessions)
                {
                    if (s.Number >= fromNumber)
                    {
                        number = s.Number;
                        return RetroWalk.Core.Session.SessionCodec.EncodeSession(s, dst, offset);
                    }
                }

                number = 0;
                return 0;
            }
        }

        private static JsonArray SampleJson(byte[] packet, int index)
        {
            var sample = new JsonArray();
            for (int axis = 0; axis < 6; axis++)
            {
                sample.Add((int)RawSamplesCodec.GetCount(packet, 0, index, axis));
            }

            return sample;
        }

        private sealed class FixedHistory : IHistorySource
        {
            private readonly uint[] _epochs;
            private readonly ushort[] _forward;
            private readonly ushort[] _backward;

            public FixedHistory(uint[] epochs, ushort[] forward, ushort[] backward)
            {
                _epochs = epochs;
                _forward = forward;
                _backward = backward;
            }

            public int Count => _epochs.Length;

            public void GetRecord(int index, out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps)
            {
                hourStartEpochS = _epochs[index];
                forwardSteps = _forward[index];
                backwardSteps = _backward[index];
            }

            public bool FindFrom(uint sinceEpochS, out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps)
            {
                int i = Array.FindIndex(_epochs, e => e >= sinceEpochS);
                hourStartEpochS = i < 0 ? 0 : _epochs[i];
                forwardSteps = i < 0 ? (ushort)0 : _forward[i];
                backwardSteps = i < 0 ? (ushort)0 : _backward[i];
                return i >= 0;
            }
        }
    }
}
