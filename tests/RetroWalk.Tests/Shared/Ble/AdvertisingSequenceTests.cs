#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Status;
using RetroWalk.Core.Device;
using RetroWalk.Core.Safety;

namespace RetroWalk.Tests.Ble
{
    /// <summary>The stop / wait / start sequence the device runs on nanoFramework's advertising, step by step.</summary>
    [TestClass]
    public class AdvertisingSequenceTests
    {
        private static AdvertisingSequence Started()
        {
            var sequence = new AdvertisingSequence(AdvertisementCodec.DefaultDeviceName);
            sequence.Start(true);
            Assert.AreEqual(AdvertisingSequence.ActionStart, sequence.Next(AdvertisingSequence.StatusCreated));
            Assert.AreEqual(AdvertisingSequence.ActionDone, sequence.Next(AdvertisingSequence.StatusStarted));
            return sequence;
        }

        [TestMethod]
        public void NothingIsOfferedBeforeStartAndTheFirstAdvertCarriesTheLastPublication()
        {
            var sequence = new AdvertisingSequence(AdvertisementCodec.DefaultDeviceName);
            TrackerStatus status = BleBytes.SampleStatus();
            Assert.IsFalse(sequence.Offer(status, 0));
            status.ForwardSteps = 4321;
            sequence.Published(status);
            sequence.Start(true);
            Assert.AreEqual(AdvertisingSequence.ActionStart, sequence.Next(AdvertisingSequence.StatusCreated));
            var reading = new BtHomeReading();
            AdvertisementFrames frames = sequence.Frames;
            int at = AdvertisementCodec.Find(frames.Advertisement, 0, frames.AdvertisementLength,
                AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int length);
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(frames.Advertisement, at, length, reading));
            Assert.AreEqual(4321u, reading.Counts[0]);
        }

        [TestMethod]
        public void ARefreshStopsWaitsForStoppedThenStarts()
        {
            AdvertisingSequence sequence = Started();
            TrackerStatus status = BleBytes.SampleStatus();
            Assert.IsTrue(sequence.Offer(status, 1000), "the first offer refreshes with the restored counts");
            Assert.IsFalse(sequence.Offer(status, 2000), "nothing new");
            Assert.IsTrue(sequence.BeginRefresh(true, AdvertisingSequence.StatusStarted));
            Assert.AreEqual(AdvertisingSequence.ActionStop, sequence.Next(AdvertisingSequence.StatusStarted));
            Assert.AreEqual(AdvertisingSequence.ActionWait, sequence.Next(AdvertisingSequence.StatusStarted));
            Assert.AreEqual(AdvertisingSequence.ActionWait, sequence.Next(AdvertisingSequence.StatusStarted));
            Assert.AreEqual(AdvertisingSequence.ActionStart, sequence.Next(AdvertisingSequence.StatusStopped));
            Assert.AreEqual(AdvertisingSequence.ActionDone, sequence.Next(AdvertisingSequence.StatusStarted));
            Assert.IsFalse(sequence.BeginRefresh(true, AdvertisingSequence.StatusStarted), "nothing due any more");
        }

        [TestMethod]
        public void AStoppedAdvertisementIsStartedWithoutStopping()
        {
            AdvertisingSequence sequence = Started();
            Assert.IsTrue(sequence.Offer(BleBytes.SampleStatus(), 1000));
            Assert.IsTrue(sequence.BeginRefresh(true, AdvertisingSequence.StatusAborted));
            Assert.AreEqual(AdvertisingSequence.ActionStart, sequence.Next(AdvertisingSequence.StatusAborted));
        }

        [TestMethod]
        public void AStackThatNeverStopsIsGivenUpAndRetriedAtTheAlarmSpacing()
        {
            AdvertisingSequence sequence = Started();
            TrackerStatus status = BleBytes.SampleStatus();
            status.Alarm = AlarmLevel.None;
            Assert.IsTrue(sequence.Offer(status, 1000));
            Assert.IsTrue(sequence.BeginRefresh(true, AdvertisingSequence.StatusStarted));
            Assert.AreEqual(AdvertisingSequence.ActionStop, sequence.Next(AdvertisingSequence.StatusStarted));
            int waits = 0;
            int action;
            while ((action = sequence.Next(AdvertisingSequence.StatusStarted)) == AdvertisingSequence.ActionWait)
            {
                waits++;
                Assert.IsTrue(waits <= 1000, "the wait must end");
            }

            Assert.AreEqual(AdvertisingSequence.ActionDone, action);
            Assert.AreEqual(AdvertisingSequence.StopTimeoutMs / AdvertisingSequence.PollMs, waits);
            Assert.IsFalse(sequence.Offer(status, 1000 + AdvertRefreshPolicy.AlarmRefreshIntervalMs - 1));
            Assert.IsTrue(sequence.Offer(status, 1000 + AdvertRefreshPolicy.AlarmRefreshIntervalMs), "same counts, retried");
        }

        [TestMethod]
        public void NothingIsRefreshedWhileAPhoneIsConnectedAndAMissedRefreshFollowsTheDisconnection()
        {
            AdvertisingSequence sequence = Started();
            TrackerStatus status = BleBytes.SampleStatus();
            status.Alarm = AlarmLevel.None;
            Assert.IsTrue(sequence.Offer(status, 1000));
            sequence.ConnectionChanged(true);
            Assert.IsFalse(sequence.BeginRefresh(true, AdvertisingSequence.StatusStarted), "a phone connected before the worker ran");
            status.Alarm = AlarmLevel.FallAlarm;
            Assert.IsFalse(sequence.Offer(status, 60000), "not even a fall while connected");
            sequence.ConnectionChanged(false);
            Assert.IsTrue(sequence.Offer(status, 60001));
            Assert.IsTrue(sequence.BeginRefresh(true, AdvertisingSequence.StatusStarted));
        }
    }
}
