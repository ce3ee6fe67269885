using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
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
            DeviceSettings defaults = DeviceDefaults();
            Assert.IsTrue(defaults.IsValid(), "the device's default settings must pass its own validation");
            var bytes = new byte[ConfigCodec.Length];
            ConfigCodec.Encode(defaults, bytes, 0);
            var back = new DeviceSettings();
            Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(bytes, 0, bytes.Length, new DeviceSettings(), back));
            Assert.AreEqual(defaults.TiltHoldMs, back.TiltHoldMs);
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
        public static DeviceSettings DeviceDefaults()
        {
            var device = new EmulatedDevice(Array.Empty<RetroWalk.Host.Recordings.RawSample>());
            var settings = new DeviceSettings();
            device.Loop.ReadSettings(settings);
            return settings;
        }

        public static JsonNode BuildSettings()
        {
            DeviceSettings d = DeviceDefaults();
            var fields = new JsonArray
            {
                Field("tiltWarningBackwardDeg", "Tilt warning, leaning backward", "°", "u8", 0, DeviceSettings.MinTiltWarningDeg, DeviceSettings.MaxTiltWarningDeg, d.TiltWarningBackwardDeg),
                Field("tiltWarningForwardDeg", "Tilt warning, leaning forward", "°", "u8", 1, DeviceSettings.MinTiltWarningDeg, DeviceSettings.MaxTiltWarningDeg, d.TiltWarningForwardDeg),
                Field("tiltHoldMs", "Lean held before the warning", "ms", "u16", 2, DeviceSettings.MinTiltHoldMs, DeviceSettings.MaxTiltHoldMs, d.TiltHoldMs),
                Field("stepsToStartWalk", "Regular steps before a walk counts", "steps", "u8", 4, DeviceSettings.MinStepsToStartWalk, DeviceSettings.MaxStepsToStartWalk, d.StepsToStartWalk),
                Field("forwardAxis", "Device axis pointing forward", "", "u8", 5, 0, (int)MountAxis.Unknown, (int)d.ForwardAxis),
                Field("flags", "Flags", "", "u8", 6, 0, DeviceSettings.KnownFlags, d.Flags),
                Field("utcOffsetQuarterHours", "Local time minus UTC", "15 min", "s8", 7, DeviceSettings.MinUtcOffsetQuarterHours, DeviceSettings.MaxUtcOffsetQuarterHours, d.UtcOffsetQuarterHours),
            };
            var axes = new JsonArray();
            for (int a = 0; a <= (int)MountAxis.Unknown; a++)
            {
                axes.Add(new JsonObject { ["value"] = a, ["name"] = ((MountAxis)a).ToString() });
            }

            fields[4]["choices"] = axes;
            fields[5]["bits"] = new JsonArray
            {
                new JsonObject { ["mask"] = DeviceSettings.FlagBtHomeAdvertising, ["name"] = "btHomeAdvertising", ["label"] = "BTHome advertising (Home Assistant)" },
                new JsonObject { ["mask"] = DeviceSettings.FlagDailyReset, ["name"] = "dailyReset", ["label"] = "Reset counts at local midnight" },
            };
            return new JsonObject
            {
                ["generatedBy"] = "tests/RetroWalk.Tests/Host/Dashboard/DashboardContractTests.cs from RetroWalk.Core.Device.DeviceSettings and the device loop's defaults; do not edit",
                ["configLength"] = ConfigCodec.Length,
                ["fields"] = fields,
                ["uuids"] = Uuids(),
            };
        }

        private static JsonObject Field(string name, string label, string unit, string type, int offset, int min, int max, int def)
        {
            return new JsonObject
            {
                ["name"] = name, ["label"] = label, ["unit"] = unit, ["type"] = type, ["offset"] = offset,
                ["min"] = min, ["max"] = max, ["default"] = def,
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
                ["currentTimeService"] = BleUuids.CurrentTimeService,
                ["currentTime"] = BleUuids.CurrentTimeCharacteristic,
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

        private static JsonObject SettingsJson(DeviceSettings s)
        {
            return new JsonObject
            {
                ["tiltWarningBackwardDeg"] = s.TiltWarningBackwardDeg, ["tiltWarningForwardDeg"] = s.TiltWarningForwardDeg,
                ["tiltHoldMs"] = s.TiltHoldMs, ["stepsToStartWalk"] = s.StepsToStartWalk, ["forwardAxis"] = (int)s.ForwardAxis,
                ["flags"] = s.Flags, ["utcOffsetQuarterHours"] = s.UtcOffsetQuarterHours,
            };
        }

        private static JsonArray ConfigVectors()
        {
            var list = new JsonArray();
            var examples = new[]
            {
                DeviceDefaults(),
                new DeviceSettings { TiltWarningBackwardDeg = 30, TiltWarningForwardDeg = 45, TiltHoldMs = 2000, StepsToStartWalk = 6, ForwardAxis = MountAxis.PlusZ, Flags = 3, UtcOffsetQuarterHours = -20 },
                new DeviceSettings { TiltWarningBackwardDeg = 5, TiltWarningForwardDeg = 80, TiltHoldMs = 10000, StepsToStartWalk = 20, ForwardAxis = MountAxis.Unknown, Flags = 0, UtcOffsetQuarterHours = 56 },
                new DeviceSettings { TiltWarningBackwardDeg = 80, TiltWarningForwardDeg = 5, TiltHoldMs = 100, StepsToStartWalk = 1, ForwardAxis = MountAxis.MinusY, Flags = 1, UtcOffsetQuarterHours = -48 },
            };
            var buffer = new byte[ConfigCodec.Length];
            foreach (DeviceSettings s in examples)
            {
                ConfigCodec.Encode(s, buffer, 0);
                list.Add(new JsonObject { ["hex"] = Hex(buffer, buffer.Length), ["expect"] = SettingsJson(s) });
            }

            // Values the device refuses whole, each with the code its decoder gives.
            foreach (string hex in new[] { "1e2dd0070604", "1e2dd00706040300ff", "042dd0070604030c", "1e51d0070604030c", "1e2d63000604030c",
                         "1e2d112706040300", "1e2dd0070004030c", "1e2dd0071504030c", "1e2dd0070607030c", "1e2dd0070604070c", "1e2dd007060403cf", "1e2dd00706040339" })
            {
                byte[] bytes = Convert.FromHexString(hex);
                byte result = ConfigCodec.Decode(bytes, 0, bytes.Length, new DeviceSettings(), new DeviceSettings());
                Assert.AreNotEqual(CodecStatus.Ok, result, hex);
                list.Add(new JsonObject { ["hex"] = hex, ["error"] = result == CodecStatus.BadLength ? "length" : "range" });
            }

            return list;
        }

        private static JsonObject ControlPointVectors()
        {
            var requests = new JsonArray();
            var buffer = new byte[8];
            foreach (byte op in new[] { ControlOp.ResetCounts, ControlOp.AcknowledgeAlarm, ControlOp.Identify, ControlOp.RecaptureUpright })
            {
                int n = ControlPointCodec.EncodeRequest(op, 0, buffer, 0);
                requests.Add(new JsonObject { ["op"] = op, ["argument"] = 0, ["hex"] = Hex(buffer, n) });
            }

            foreach (uint epoch in new uint[] { 0, 1700000000, uint.MaxValue })
            {
                int n = ControlPointCodec.EncodeRequest(ControlOp.RequestHistory, epoch, buffer, 0);
                requests.Add(new JsonObject { ["op"] = ControlOp.RequestHistory, ["argument"] = epoch, ["hex"] = Hex(buffer, n) });
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
        }
    }
}
