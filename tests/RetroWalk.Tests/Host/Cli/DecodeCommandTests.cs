using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Cli;
using RetroWalk.Cli.Decode;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Storage;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Tests.Host.Cli
{
    /// <summary>
    /// `retrowalk decode`: every payload the core's encoders produce decodes through the command to the values encoded,
    /// in every hex spelling; one byte more or less is a one-line error with exit 1. Every decoder in the table must
    /// have a vector here, so a new entry cannot go untested.
    /// </summary>
    [TestClass]
    public class DecodeCommandTests
    {
        private delegate byte[] Vector(Random random, List<string> expected);

        private static byte[] Take(byte[] buffer, int length)
        {
            Assert.IsTrue(length > 0, "the encoder wrote nothing");
            return buffer.Take(length).ToArray();
        }

        private static TrackerStatus RandomStatus(Random r)
        {
            return new TrackerStatus
            {
                ForwardSteps = (uint)r.Next(), BackwardSteps = (uint)r.Next(), ResetEpochS = (uint)r.Next(1, int.MaxValue),
                CadenceSpm = (byte)r.Next(256), Direction = (WalkDirection)r.Next(3), TiltDeciDeg = (short)r.Next(-1800, 1800),
                TiltDirection = (TiltDirection)r.Next(4), Alarm = (AlarmLevel)r.Next(3), ClockSynced = r.Next(2) == 1,
                BackwardWalkingS = (uint)r.Next(), LongestBackwardStreakSteps = (ushort)r.Next(65536), BackwardIntervals = (ushort)r.Next(65536),
                Sequence = (byte)r.Next(256),
            };
        }

        private static string Deg(int deci) => (deci / 10.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " °";

        private static Vector StatusVector(int characteristic, Func<TrackerStatus, string[]> expect) => (r, expected) =>
        {
            var status = RandomStatus(r);
            var buffer = new byte[32];
            expected.AddRange(expect(status));
            return Take(buffer, StatusCharacteristics.Encode(characteristic, status, buffer, 0));
        };

        private static readonly Dictionary<string, Vector> Vectors = new Dictionary<string, Vector>
        {
            ["forward-steps"] = StatusVector(StatusCharacteristics.ForwardSteps, s => new[] { $"{s.ForwardSteps} steps" }),
            ["backward-steps"] = StatusVector(StatusCharacteristics.BackwardSteps, s => new[] { $"{s.BackwardSteps} steps" }),
            ["snapshot"] = StatusVector(StatusCharacteristics.Snapshot, s => new[] { $"{s.ForwardSteps} steps", $"{s.BackwardSteps} steps", $"{s.ResetEpochS} (", $"{s.CadenceSpm} steps/min", s.Direction.ToString() }),
            ["tilt-alarm"] = StatusVector(StatusCharacteristics.TiltAlarm, s => new[] { Deg(s.TiltDeciDeg), "tilt direction: " + s.TiltDirection, "alarm:", s.Alarm.ToString(), s.ClockSynced ? "yes" : "no" }),
            ["session"] = StatusVector(StatusCharacteristics.BackwardSession, s => new[] { $"{s.BackwardWalkingS} s", $"{s.LongestBackwardStreakSteps} steps", $"intervals: {s.BackwardIntervals}" }),
            ["cadence"] = StatusVector(StatusCharacteristics.Cadence, s => new[] { $"{s.CadenceSpm} steps/min" }),
            ["raw-samples"] = (r, expected) =>
            {
                int count = r.Next(1, 21);
                int sequence = r.Next(65536);
                var packet = new byte[RawSamplesCodec.PacketLength(count)];
                RawSamplesCodec.EncodeHeader(sequence, RawSamplesCodec.FlagEnd, packet, 0);
                expected.Add($"first sample: {sequence} ");
                expected.Add("flags: end");
                expected.Add($"samples: {count}");
                for (int i = 0; i < count; i++)
                {
                    var v = new short[6];
                    for (int axis = 0; axis < 6; axis++)
                    {
                        v[axis] = (short)r.Next(short.MinValue, short.MaxValue + 1);
                        packet[3 + i * 12 + axis * 2] = (byte)v[axis];
                        packet[4 + i * 12 + axis * 2] = (byte)(v[axis] >> 8);
                    }
                    expected.Add($"sample {sequence + i}: ax {v[0]}, ay {v[1]}, az {v[2]}, gx {v[3]}, gy {v[4]}, gz {v[5]} counts");
                }
                return packet;
            },
            ["raw-format"] = (r, expected) =>
            {
                var sensor = new SensorConfig { SampleRateHz = r.Next(1, 1001), AccelRange = (AccelRange)r.Next(4), GyroRange = (GyroRange)r.Next(4) };
                bool recording = r.Next(2) == 1;
                var buffer = new byte[RawSamplesCodec.FormatLength];
                expected.AddRange(new[] { recording ? "recording: on" : "recording: off", $"rate: {sensor.SampleRateHz} Hz",
                    $"±{2 << (int)sensor.AccelRange} g", $"±{250 << (int)sensor.GyroRange} °/s" });
                return Take(buffer, RawSamplesCodec.EncodeFormat(recording, sensor, buffer, 0));
            },
            ["tilt"] = StatusVector(StatusCharacteristics.Tilt, s => new[] { Deg(s.TiltDeciDeg) }),
            ["coach-session"] = (r, expected) =>
            {
                var s = new RetroWalk.Core.Session.SessionRecord
                {
                    Number = (uint)r.Next(1, int.MaxValue), StartEpochS = (uint)r.Next(1, int.MaxValue), DurationMs = r.Next(1000, 3600000),
                    ForwardSteps = r.Next(65536), BackwardSteps = r.Next(65536), ForwardMs = r.Next(3600000), BackwardMs = r.Next(3600000),
                    IntervalTotal = r.Next(1, 6),
                };
                for (int k = 0; k < s.IntervalTotal; k++)
                {
                    s.IntervalDirection[k] = (byte)r.Next(1, 3);
                    s.IntervalStartMs[k] = r.Next(0, 3600) * 1000L;
                    s.IntervalDurationMs[k] = r.Next(0, 600) * 1000L;
                    s.IntervalSteps[k] = r.Next(65536);
                }
                expected.AddRange(new[] { $"session: {s.Number}", $"{s.ForwardSteps} steps in {s.ForwardMs / 1000} s", $"{s.BackwardSteps} steps in {s.BackwardMs / 1000} s",
                    $"intervals: {s.IntervalTotal}", $"{(s.IntervalDirection[0] == 1 ? "forward" : "backward")} from {s.IntervalStartMs[0] / 1000} s for {s.IntervalDurationMs[0] / 1000} s, {s.IntervalSteps[0]} steps" });
                var buffer = new byte[RetroWalk.Core.Session.SessionCodec.SummaryLength + s.IntervalTotal * RetroWalk.Core.Session.SessionCodec.IntervalLength];
                int n = RetroWalk.Core.Session.SessionCodec.EncodeSummary(s, buffer, 0);
                for (int k = 0; k < s.IntervalTotal; k++) n += RetroWalk.Core.Session.SessionCodec.EncodeInterval(s, k, buffer, n);
                return Take(buffer, n);
            },
            ["config"] = (r, expected) =>
            {
                var settings = new UserSettings();
                foreach (SettingSpec row in SettingTable.Rows)
                {
                    settings.Put(row.Id, row.ZeroMeans != null && r.Next(3) == 0 ? 0 : r.Next(row.Min, row.Max + 1));
                }

                int minutes = settings.UtcOffsetQuarterHours * 15;
                expected.AddRange(new[] { $"backward: {settings.TiltWarnBackwardDeg} °", $"forward: {settings.TiltWarnForwardDeg} °",
                    $"sideways: {settings.TiltWarnSidewaysDeg} °", $"{settings.TiltHoldMs} ms",
                    $"{settings.StepsToStartWalk} steps", settings.ForwardAxis.ToString(), settings.BtHomeAdvertising ? "(Home Assistant): on" : "(Home Assistant): off",
                    $"{(minutes < 0 ? "-" : "+")}{Math.Abs(minutes) / 60:D2}:{Math.Abs(minutes) % 60:D2}",
                    $"height: {settings.HeightCm} cm", $"mass: {settings.BodyMassKg} kg", $"session: {settings.RestToEndS} s" });
                var buffer = new byte[ConfigCodec.Length];
                return Take(buffer, ConfigCodec.Encode(settings, buffer, 0));
            },
            ["current-time"] = (r, expected) =>
            {
                var time = new DateTime(2000, 1, 1).AddSeconds(r.NextDouble() * 3.3e9);
                uint epoch = (uint)new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeSeconds();
                expected.Add(time.ToString("yyyy-MM-dd HH:mm:ss"));
                expected.Add(time.DayOfWeek.ToString());
                var buffer = new byte[CurrentTimeCodec.Length];
                return Take(buffer, CurrentTimeCodec.Encode(epoch, 128, CurrentTimeCodec.AdjustManual, buffer, 0));
            },
            ["control-point"] = (r, expected) =>
            {
                var ops = new[] { ControlOp.ResetCounts, ControlOp.AcknowledgeAlarm, ControlOp.Identify, ControlOp.RecaptureUpright, ControlOp.RequestHistory };
                byte op = ops[r.Next(ops.Length)];
                uint argument = (uint)r.Next(1, int.MaxValue);
                expected.Add($"0x{op:X2} (");
                if (ControlPointCodec.RequestLength(op) > 1) expected.Add($"{argument}");
                var buffer = new byte[ControlPointCodec.MaxRequestLength];
                return Take(buffer, ControlPointCodec.EncodeRequest(op, argument, buffer, 0));
            },
            ["control-response"] = (r, expected) =>
            {
                byte op = (byte)r.Next(256);
                byte status = (byte)r.Next(ControlStatus.Ok, ControlStatus.Failed + 1);
                expected.Add($"0x{op:X2}");
                expected.Add($"status: {status} (");
                var buffer = new byte[ControlPointCodec.ResponseLength];
                return Take(buffer, ControlPointCodec.EncodeResponse(op, status, buffer, 0));
            },
            ["health"] = (r, expected) =>
            {
                var h = new DeviceHealth
                {
                    Sensor = (SensorHealth)r.Next(6), LastSave = (SaveOutcome)r.Next(3), Restore = (RestoreOutcome)r.Next(4),
                    UptimeS = (uint)r.Next(), I2cErrors = (uint)r.Next(), FifoResyncs = (ushort)r.Next(65536),
                    FifoOverflows = (ushort)r.Next(65536), FailedSaves = (ushort)r.Next(65536), SensorReinits = (ushort)r.Next(65536),
                };
                expected.AddRange(new[] { $"fault: {(h.HasFault ? "yes" : "no")}", $"sensor: {h.Sensor}", $"last save: {h.LastSave}", $"restore at boot: {h.Restore}",
                    $"uptime: {h.UptimeS} s", $"I2C errors: {h.I2cErrors}", $"FIFO resyncs: {h.FifoResyncs}", $"FIFO overflows: {h.FifoOverflows}",
                    $"failed saves: {h.FailedSaves}", $"sensor re-inits: {h.SensorReinits}" });
                var buffer = new byte[HealthCodec.Length];
                return Take(buffer, HealthCodec.Encode(h, buffer, 0));
            },
            ["history"] = (r, expected) => HistoryRecords(r, expected, terminate: false),
            ["history-stream"] = (r, expected) => HistoryRecords(r, expected, terminate: true),
            ["bthome"] = (r, expected) =>
            {
                var s = RandomStatus(r);
                s.HealthFault = r.Next(2) == 1;
                expected.AddRange(new[] { $"packet id: {s.Sequence}", $"count_1: {s.ForwardSteps}", $"count_2: {s.BackwardSteps}", Deg(s.TiltDeciDeg),
                    s.Alarm == AlarmLevel.FallAlarm ? "problem_1 (fall): on" : "problem_1 (fall): off",
                    s.HealthFault ? "problem_2 (device fault): on" : "problem_2 (device fault): off",
                    s.Alarm == AlarmLevel.TiltWarning ? "safety: on" : "safety: off" });
                var buffer = new byte[BtHomeCodec.MaxServiceDataLength];
                return Take(buffer, BtHomeCodec.EncodeServiceData(s, buffer, 0));
            },
            ["advert"] = (r, expected) =>
            {
                var s = RandomStatus(r);
                var sections = new byte[AdvertisementCodec.MaxSectionsLength];
                int length = AdvertisementCodec.EncodeSections(s, true, AdvertisementCodec.DefaultDeviceName, sections, 0, out _);
                var advert = new byte[AdvertisementCodec.MaxLegacyLength];
                var scan = new byte[AdvertisementCodec.MaxLegacyLength];
                Assert.AreEqual(0, AdvertisementCodec.Pack(sections, 0, length, advert, out int advertLength, scan, out _));
                expected.AddRange(new[] { "0x06 (LE General Discoverable, BR/EDR not supported)", $"count_1: {s.ForwardSteps}", $"count_2: {s.BackwardSteps}" });
                return Take(advert, advertLength);
            },
            ["presentation-format"] = (r, expected) =>
            {
                byte format = (byte)r.Next(1, 28);
                int exponent = r.Next(-10, 10);
                ushort unit = (ushort)r.Next(0x2700, 0x27FF);
                expected.AddRange(new[] { $"0x{format:X2}", $"exponent: {exponent}", $"0x{unit:X4}" });
                var buffer = new byte[7];
                return Take(buffer, PresentationFormat.Encode(format, exponent, unit, buffer, 0));
            },
            ["rsc"] = (r, expected) =>
            {
                var m = new RscMeasurement { SpeedQ8MPerS = (ushort)r.Next(65536), CadencePerMin = (byte)r.Next(256), HasStrideLength = true, StrideLengthCm = (ushort)r.Next(65536), HasTotalDistance = r.Next(2) == 1, TotalDistanceDm = (uint)r.Next(), Running = r.Next(2) == 1 };
                expected.AddRange(new[] { (m.SpeedQ8MPerS / 256.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " m/s", $"{m.CadencePerMin} /min", m.Running ? "running" : "walking", (m.StrideLengthCm / 100.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " m" });
                var buffer = new byte[RscMeasurementCodec.MaxLength];
                return Take(buffer, RscMeasurementCodec.Encode(m, buffer, 0));
            },
            ["rsc-feature"] = (r, expected) =>
            {
                expected.Add($"0x{RscFeatureCodec.Supported:X4} (stride length");
                var buffer = new byte[RscFeatureCodec.FeatureLength];
                return Take(buffer, RscFeatureCodec.EncodeFeature(RscFeatureCodec.Supported, buffer, 0));
            },
            ["battery"] = (r, expected) =>
            {
                int percent = r.Next(0, 101);
                expected.Add($"battery level: {percent} %");
                var buffer = new byte[1];
                return Take(buffer, BatteryLevelCodec.Encode(percent, buffer, 0));
            },
            ["alert-level"] = (r, expected) =>
            {
                byte level = (byte)r.Next(3); // written by phones; the device has no encoder for it
                expected.Add($"alert level: {level} (");
                return new[] { level };
            },
            ["local-time"] = (r, expected) =>
            {
                int zone = r.Next(-44, 57); // the whole offset, DST included
                int minutes = zone * 15;
                expected.Add($"local time offset: UTC{(minutes < 0 ? "-" : "+")}{Math.Abs(minutes) / 60:D2}:{Math.Abs(minutes) % 60:D2}");
                expected.Add("+60 min");
                var buffer = new byte[LocalTimeInfoCodec.Length];
                return Take(buffer, LocalTimeInfoCodec.Encode(zone, LocalTimeInfoCodec.DstOneHour, buffer, 0));
            },
        };

        private static byte[] HistoryRecords(Random r, List<string> expected, bool terminate)
        {
            int records = r.Next(1, 5);
            var buffer = new byte[(records + 1) * HistoryCodec.RecordLength];
            uint hour = (uint)r.Next(1_700_000_000, 1_800_000_000) / 3600 * 3600;
            int at = 0;
            for (int i = 0; i < records; i++, hour += 3600)
            {
                ushort forward = (ushort)r.Next(65536), backward = (ushort)r.Next(65536);
                expected.Add($"forward {forward} steps, backward {backward} steps");
                at += HistoryCodec.EncodeRecord(hour, forward, backward, buffer, at);
            }
            if (terminate)
            {
                at += HistoryCodec.EncodeRecord(HistoryCodec.TerminatorEpoch, (ushort)records, 0, buffer, at);
                expected.Add($"total: {records} hourly records");
            }
            return Take(buffer, at);
        }

        [TestMethod]
        public void EveryDecoderHasARoundTripVector()
        {
            var missing = PayloadDecoders.All.Select(d => d.Name).Where(n => !Vectors.ContainsKey(n)).ToList();
            Assert.AreEqual(0, missing.Count, "decoders without a test vector: " + string.Join(", ", missing));
        }

        [TestMethod]
        public void EveryEncodedPayloadDecodesToItsValuesInEveryHexSpelling()
        {
            var random = new Random(15);
            foreach (var decoder in PayloadDecoders.All)
            {
                for (int trial = 0; trial < 20; trial++)
                {
                    var expected = new List<string>();
                    var payload = Vectors[decoder.Name](random, expected);
                    var hex = Convert.ToHexString(payload);
                    var spellings = new[]
                    {
                        new[] { hex.ToLowerInvariant() },
                        new[] { string.Join("-", payload.Select(b => b.ToString("X2"))) },
                        new[] { string.Join(":", payload.Select(b => b.ToString("x2"))) },
                        payload.Select(b => b.ToString("X2")).ToArray(), // unquoted "0A 1B 2C": one argument per byte
                    };
                    foreach (var spelling in spellings)
                    {
                        var run = CliRun.Of(new[] { "decode", decoder.Name }.Concat(spelling).ToArray());
                        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, $"{decoder.Name} {hex}: {run.Error}");
                        Assert.AreEqual("", run.Error);
                        var text = System.Text.RegularExpressions.Regex.Replace(run.Output, " +", " ");
                        foreach (var fragment in expected)
                        {
                            Assert.IsTrue(text.Contains(fragment), $"{decoder.Name} {hex}: '{fragment}' missing from\n{run.Output}");
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void APayloadOneByteShortIsAOneLineErrorWithExit1()
        {
            var random = new Random(11);
            foreach (var decoder in PayloadDecoders.All)
            {
                var payload = Vectors[decoder.Name](random, new List<string>());
                var shorter = payload.Take(payload.Length - 1).ToArray();
                var run = CliRun.Of("decode", decoder.Name, Convert.ToHexString(shorter));
                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, $"{decoder.Name} {Convert.ToHexString(shorter)}: {run.Output}");
                Assert.AreEqual("", run.Output);
                Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
                Assert.IsTrue(run.Error.StartsWith("error: " + decoder.Name + ":"), run.Error);
            }
        }

        [TestMethod]
        public void BadValuesAreRejectedWithTheFieldNamed()
        {
            var config = CliRun.Of("decode", "config", "01 2D E8 03 02 04 01 08");
            Assert.AreEqual(ExitCodes.Failed, config.ExitCode);
            StringAssert.Contains(config.Error, "tilt warning, leaning backward 1 ° (allowed 5..80)");
            var snapshot = CliRun.Of("decode", "snapshot", "0A000000 05000000 00000000 64 07");
            Assert.AreEqual(ExitCodes.Failed, snapshot.ExitCode);
            StringAssert.Contains(snapshot.Error, "out of its documented range");
            var advert = CliRun.Of("decode", "advert", "02 01 06 15 16 D2 FC");
            Assert.AreEqual(ExitCodes.Failed, advert.ExitCode);
            StringAssert.Contains(advert.Error, "claims 21 bytes");
            var time = CliRun.Of("decode", "current-time", "E9 07 02 1E 0C 00 00 00 00 00"); // 30 February
            Assert.AreEqual(ExitCodes.Failed, time.ExitCode);
            var stream = CliRun.Of("decode", "history-stream", "00 00 00 00 01 00 02 00");
            Assert.AreEqual(ExitCodes.Failed, stream.ExitCode);
            StringAssert.Contains(stream.Error, "no terminator");
        }

        [TestMethod]
        public void HexThatIsNotHexAndUnknownNamesAreErrorsNotTraces()
        {
            var notHex = CliRun.Of("decode", "snapshot", "0A0G\u001b[31m");
            Assert.AreEqual(ExitCodes.Failed, notHex.ExitCode);
            Assert.IsFalse(notHex.Error.Contains("\u001b"), "control characters are escaped");
            var odd = CliRun.Of("decode", "cadence", "ABC");
            Assert.AreEqual(ExitCodes.Failed, odd.ExitCode);
            StringAssert.Contains(odd.Error, "odd number");
            var unknown = CliRun.Of("decode", "nonsense", "00");
            Assert.AreEqual(ExitCodes.Usage, unknown.ExitCode);
            StringAssert.Contains(unknown.Error, "snapshot");
            Assert.IsFalse(unknown.HasStackTrace || notHex.HasStackTrace || odd.HasStackTrace);
        }

        [TestMethod]
        public void ListNamesEveryDecoder()
        {
            var run = CliRun.Of("decode", "--list");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode);
            foreach (var d in PayloadDecoders.All)
            {
                Assert.IsTrue(run.Output.Split('\n').Any(l => l.StartsWith(d.Name + " ")), d.Name);
            }
        }
    }
}
