using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Tests.Host.Ble
{
    [TestClass]
    public class RecordingPublisherTests
    {
        private static TrackerStatus Sample() => new TrackerStatus
        {
            ForwardSteps = 4321,
            BackwardSteps = 876,
            ResetEpochS = 1700000000,
            CadenceSpm = 88,
            Direction = WalkDirection.Backward,
            TiltDeciDeg = 215,
            TiltDirection = TiltDirection.Forward,
            Alarm = AlarmLevel.TiltWarning,
            ClockSynced = true,
            BackwardWalkingS = 321,
            LongestBackwardStreakSteps = 55,
            BackwardIntervals = 4,
            Sequence = 9,
        };

        [TestMethod]
        public void PhoneDecodesEveryNotifiedValueBackToTheStatus()
        {
            long now = 1234;
            var publisher = new RecordingPublisher(() => now);
            TrackerStatus status = Sample();
            publisher.Publish(status, StatusFields.All);

            TrackerStatus phone = publisher.PhoneView;
            Assert.AreEqual(status.ForwardSteps, phone.ForwardSteps);
            Assert.AreEqual(status.BackwardSteps, phone.BackwardSteps);
            Assert.AreEqual(status.ResetEpochS, phone.ResetEpochS);
            Assert.AreEqual(status.CadenceSpm, phone.CadenceSpm);
            Assert.AreEqual(status.Direction, phone.Direction);
            Assert.AreEqual(status.TiltDeciDeg, phone.TiltDeciDeg);
            Assert.AreEqual(status.TiltDirection, phone.TiltDirection);
            Assert.AreEqual(status.Alarm, phone.Alarm);
            Assert.AreEqual(status.ClockSynced, phone.ClockSynced);
            Assert.AreEqual(status.BackwardWalkingS, phone.BackwardWalkingS);
            Assert.AreEqual(status.LongestBackwardStreakSteps, phone.LongestBackwardStreakSteps);
            Assert.AreEqual(status.BackwardIntervals, phone.BackwardIntervals);

            Assert.HasCount(StatusCharacteristics.Count + 1, publisher.Log, "every characteristic, plus the RSC Measurement with the Snapshot");
            Assert.IsTrue(publisher.Log.All(o => o.DecodedOk && o.TimeMs == 1234 && o.Channel == "notify"));
            Assert.AreEqual("RSC Measurement", publisher.Log[^1].Source);
            StringAssert.Contains(publisher.Log[^1].Decoded, "88 steps/min, stride 0.46 m, walking");
            Assert.AreEqual("4321", publisher.Log[0].Decoded);
            Assert.AreEqual("21.5°", publisher.Log.Single(o => o.Source == "Tilt from upright").Decoded);
        }

        [TestMethod]
        public void OnlyTheCharacteristicsOfTheChangedFieldsAreNotified()
        {
            var publisher = new RecordingPublisher();
            publisher.Publish(Sample(), StatusFields.BackwardSteps);
            Assert.HasCount(1, publisher.Log);
            Assert.AreEqual("Backward steps", publisher.Log[0].Source);
            CollectionAssert.AreEqual(new byte[] { 0x6C, 0x03, 0, 0 }, publisher.Log[0].Payload);

            publisher.Publish(Sample(), StatusFields.TiltAlarm);
            CollectionAssert.AreEqual(new[] { "Backward steps", "Tilt/alarm", "Tilt from upright" },
                publisher.Log.Select(o => o.Source).ToArray());
        }

        [TestMethod]
        public void ScannerDecodesTheBtHomeAdvertisementAndRefreshesAsTheDeviceWould()
        {
            long now = 0;
            var publisher = new RecordingPublisher(() => now);
            TrackerStatus status = Sample();
            publisher.Advertise(status);

            BtHomeReading reading = publisher.LastBtHome!;
            Assert.AreEqual(0, reading.PacketId, "the first advertisement's id; status sequence 9 does not leak into it");
            Assert.IsFalse(reading.Problem, "a tilt warning is not a fall");
            Assert.IsTrue(reading.Unsafe);
            Assert.AreEqual(status.ForwardSteps, reading.Counts[0]);
            Assert.AreEqual(status.BackwardSteps, reading.Counts[1]);
            Assert.AreEqual(status.TiltDeciDeg, reading.RotationDeciDeg);
            Assert.IsLessThanOrEqualTo(31, publisher.Log[0].Payload.Length);

            // New counts 10 s later: the device waits for the one-minute refresh.
            now = 10000;
            status.ForwardSteps++;
            publisher.Advertise(status);
            Assert.HasCount(1, publisher.Log);
            now = 60000;
            publisher.Advertise(status);
            Assert.HasCount(2, publisher.Log);
            Assert.AreEqual(status.ForwardSteps, publisher.LastBtHome!.Counts[0]);
            StringAssert.Contains(publisher.Log[1].Decoded, "count_1 4322, count_2 876");
        }

        [TestMethod]
        public void WithBtHomeOffTheAdvertisementHasOnlyTheName()
        {
            var publisher = new RecordingPublisher { BtHomeAdvertising = false };
            publisher.Advertise(Sample());
            Assert.IsNull(publisher.LastBtHome);
            Assert.IsTrue(publisher.Log[0].DecodedOk);
            Assert.AreEqual("no BTHome", publisher.Log[0].Source);
        }

        [TestMethod]
        public void LogPrintsOneLinePerObservation()
        {
            var publisher = new RecordingPublisher();
            publisher.Publish(Sample(), StatusFields.ForwardSteps | StatusFields.Snapshot);
            publisher.Advertise(Sample());
            var writer = new StringWriter();
            publisher.WriteTo(writer);
            string[] lines = writer.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.HasCount(6, lines);
            StringAssert.Contains(lines[1], "fwd 4321, bwd 876, reset 2023-11-14T22:13:20Z, 88 steps/min, Backward");
            StringAssert.Contains(lines[4], "RSC Measurement");
            StringAssert.Contains(lines[5], "BTHome");
        }
    }
}
