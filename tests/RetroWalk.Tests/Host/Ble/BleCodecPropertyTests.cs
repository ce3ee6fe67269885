using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>Property-based round trips and fuzzing of the BLE codecs (host only: FsCheck).</summary>
    [TestClass]
    public class BleCodecPropertyTests
    {
        private static TrackerStatus Status(uint fwd, uint bwd, uint epoch, byte cadence, byte direction, short tilt,
            byte tiltDirection, byte alarm, bool synced, uint backwardS, ushort streak, ushort intervals, byte sequence)
        {
            return new TrackerStatus
            {
                ForwardSteps = fwd,
                BackwardSteps = bwd,
                ResetEpochS = epoch,
                CadenceSpm = cadence,
                Direction = (WalkDirection)(direction % 3),
                TiltDeciDeg = tilt,
                TiltDirection = (TiltDirection)(tiltDirection % 4),
                Alarm = (AlarmLevel)(alarm % 3),
                ClockSynced = synced,
                BackwardWalkingS = backwardS,
                LongestBackwardStreakSteps = streak,
                BackwardIntervals = intervals,
                Sequence = sequence,
            };
        }

        private static Arbitrary<TrackerStatus> Statuses()
        {
            var gen =
                from fwd in ArbMap.Default.GeneratorFor<uint>()
                from bwd in ArbMap.Default.GeneratorFor<uint>()
                from epoch in ArbMap.Default.GeneratorFor<uint>()
                from bytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 5)
                from tilt in ArbMap.Default.GeneratorFor<short>()
                from synced in ArbMap.Default.GeneratorFor<bool>()
                from backwardS in ArbMap.Default.GeneratorFor<uint>()
                from streak in ArbMap.Default.GeneratorFor<ushort>()
                from intervals in ArbMap.Default.GeneratorFor<ushort>()
                select Status(fwd, bwd, epoch, bytes[0], bytes[1], tilt, bytes[2], bytes[3], synced, backwardS, streak, intervals, bytes[4]);
            return gen.ToArbitrary();
        }

        private static void AssertSameStatus(TrackerStatus expected, TrackerStatus actual)
        {
            Assert.AreEqual(expected.ForwardSteps, actual.ForwardSteps);
            Assert.AreEqual(expected.BackwardSteps, actual.BackwardSteps);
            Assert.AreEqual(expected.ResetEpochS, actual.ResetEpochS);
            Assert.AreEqual(expected.CadenceSpm, actual.CadenceSpm);
            Assert.AreEqual(expected.Direction, actual.Direction);
            Assert.AreEqual(expected.TiltDeciDeg, actual.TiltDeciDeg);
            Assert.AreEqual(expected.TiltDirection, actual.TiltDirection);
            Assert.AreEqual(expected.Alarm, actual.Alarm);
            Assert.AreEqual(expected.ClockSynced, actual.ClockSynced);
            Assert.AreEqual(expected.BackwardWalkingS, actual.BackwardWalkingS);
            Assert.AreEqual(expected.LongestBackwardStreakSteps, actual.LongestBackwardStreakSteps);
            Assert.AreEqual(expected.BackwardIntervals, actual.BackwardIntervals);
        }

        [TestMethod]
        public void EveryValueCharacteristicRoundTrips()
        {
            Prop.ForAll(Statuses(), status =>
            {
                var phone = new TrackerStatus();
                byte[] buf = new byte[StatusCharacteristics.MaxLength + 3];
                for (int c = 0; c < StatusCharacteristics.Count; c++)
                {
                    int length = StatusCharacteristics.Encode(c, status, buf, 3);
                    Assert.AreEqual(CodecStatus.Ok, StatusCharacteristics.Decode(c, buf, 3, length, phone));
                }

                AssertSameStatus(status, phone);
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void BtHomeAdvertisementCarriesTheStatus()
        {
            var frames = new AdvertisementFrames();
            Prop.ForAll(Statuses(), status =>
            {
                frames.Build(status, true, AdvertisementCodec.DefaultDeviceName);
                Assert.AreEqual(0, frames.Dropped);
                Assert.IsLessThanOrEqualTo(31, frames.AdvertisementLength);
                int at = AdvertisementCodec.Find(frames.Advertisement, 0, frames.AdvertisementLength,
                    AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int dataLength);
                var reading = new BtHomeReading();
                Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(frames.Advertisement, at, dataLength, reading));
                Assert.AreEqual(frames.PacketId, reading.PacketId);
                Assert.AreEqual(status.Alarm == AlarmLevel.FallAlarm, reading.Problem);
                Assert.AreEqual(status.Alarm == AlarmLevel.TiltWarning, reading.Unsafe);
                Assert.AreEqual(2, reading.CountCount);
                Assert.AreEqual(status.ForwardSteps, reading.Counts[0]);
                Assert.AreEqual(status.BackwardSteps, reading.Counts[1]);
                Assert.AreEqual(status.TiltDeciDeg, reading.RotationDeciDeg);
                Assert.IsFalse(reading.OutOfOrder);
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void ValidConfigRoundTripsAndAnyBytesAreAcceptedOnlyWhenValid()
        {
            // One generator per table row: a setting added to the table is generated here too.
            Gen<int[]> valid = Gen.ArrayOf(Gen.Choose(0, int.MaxValue), SettingTable.Count).Select(raw => SettingTable.Rows
                .Select(row => row.ZeroMeans != null && raw[row.Id] % 5 == 0 ? 0 : row.Min + raw[row.Id] % (row.Max - row.Min + 1))
                .ToArray());
            Prop.ForAll(valid.ToArbitrary(), values =>
            {
                var settings = new UserSettings();
                for (int id = 0; id < values.Length; id++)
                {
                    Assert.IsTrue(settings.Set(id, values[id]));
                }

                byte[] buf = new byte[ConfigCodec.Length];
                ConfigCodec.Encode(settings, buf, 0);
                var decoded = new UserSettings();
                Assert.AreEqual(CodecStatus.Ok, ConfigCodec.Decode(buf, 0, buf.Length, new UserSettings(), decoded));
                Assert.IsTrue(decoded.SameAs(settings));
                byte[] again = new byte[ConfigCodec.Length];
                ConfigCodec.Encode(decoded, again, 0);
                CollectionAssert.AreEqual(buf, again);
            }).QuickCheckThrowOnFailure();

            Prop.ForAll(Gen.Choose(1, ConfigCodec.Length).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)).ToArbitrary(), bytes =>
            {
                var current = new UserSettings { TiltWarnBackwardDeg = 33, StepsToStartWalk = 6, TiltHoldMs = 1500,
                    TiltWarnForwardDeg = 40, UtcOffsetQuarterHours = 4 };
                var before = new UserSettings();
                before.CopyFrom(current);
                byte result = ConfigCodec.Decode(bytes, 0, bytes.Length, new UserSettings(), current);
                if (result == CodecStatus.Ok)
                {
                    Assert.IsTrue(current.IsValid());
                }
                else
                {
                    Assert.AreEqual(SettingsCodec.IsFieldBoundary(bytes.Length) ? CodecStatus.OutOfRange : CodecStatus.BadLength, result);
                    Assert.IsTrue(current.SameAs(before), "a refused write changes nothing");
                }
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void CurrentTimeRoundTripsOverTheWholeAcceptedRange()
        {
            int firstDay = CurrentTimeCodec.DaysFromCivil(CurrentTimeCodec.MinYear, 1, 1);
            int lastDay = CurrentTimeCodec.DaysFromCivil(CurrentTimeCodec.MaxYear, 12, 31);
            var epochs = (
                from day in Gen.Choose(firstDay, lastDay)
                from second in Gen.Choose(0, 86399)
                select (uint)day * 86400u + (uint)second).ToArbitrary();
            Prop.ForAll(epochs, epoch =>
            {
                byte[] buf = new byte[CurrentTimeCodec.Length];
                CurrentTimeCodec.Encode(epoch, 0, 0, buf, 0);
                DateTime expected = DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime;
                Assert.AreEqual(expected.Year, LittleEndian.GetU16(buf, 0));
                Assert.AreEqual(expected.Month, (int)buf[2]);
                Assert.AreEqual(expected.Day, (int)buf[3]);
                Assert.AreEqual(expected.Hour, (int)buf[4]);
                Assert.AreEqual(((int)expected.DayOfWeek + 6) % 7 + 1, (int)buf[7]);
                Assert.AreEqual(CodecStatus.Ok, CurrentTimeCodec.Decode(buf, 0, buf.Length, out uint decoded));
                Assert.AreEqual(epoch, decoded);
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void DecodersNeverThrowOnArbitraryBytes()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            {
                int n = bytes.Length;
                var status = new TrackerStatus();
                for (int c = 0; c < StatusCharacteristics.Count; c++)
                {
                    StatusCharacteristics.Decode(c, bytes, 0, n, status);
                }

                ControlPointCodec.DecodeRequest(bytes, 0, n, out _, out _);
                ControlPointCodec.DecodeResponse(bytes, 0, n, out _, out _);
                ConfigCodec.Decode(bytes, 0, n, new UserSettings(), new UserSettings());
                CurrentTimeCodec.Decode(bytes, 0, n, out _);
                HistoryCodec.DecodeRecord(bytes, 0, n, 0, out _, out _, out _);
                BtHomeCodec.DecodeServiceData(bytes, 0, n, new BtHomeReading());
                AdvertisementCodec.Find(bytes, 0, n, AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out _);
                AdvertisementCodec.CountStructures(bytes, 0, n);
                PresentationFormat.Decode(bytes, 0, n, out _, out _, out _);
                // Lengths that overrun the buffer are refused, not read.
                Assert.AreEqual(CodecStatus.BadLength, StatusCodec.DecodeSteps(bytes, 0, n + 4, out _));
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void ControlPointRequestsRoundTrip()
        {
            byte[] ops = { ControlOp.ResetCounts, ControlOp.AcknowledgeAlarm, ControlOp.Identify, ControlOp.RecaptureUpright, ControlOp.RequestHistory };
            Prop.ForAll(Gen.Elements(ops).ToArbitrary(), ArbMap.Default.ArbFor<uint>(), (op, argument) =>
            {
                byte[] buf = new byte[ControlPointCodec.MaxRequestLength];
                int length = ControlPointCodec.EncodeRequest(op, argument, buf, 0);
                Assert.AreEqual(ControlStatus.Ok, ControlPointCodec.DecodeRequest(buf, 0, length, out byte decodedOp, out uint decodedArgument));
                Assert.AreEqual(op, decodedOp);
                Assert.AreEqual(op == ControlOp.RequestHistory ? argument : 0u, decodedArgument);
            }).QuickCheckThrowOnFailure();
        }
    }
}
