using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;
using RetroWalk.Core.Safety;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>
    /// Issue 11: a latched fall alarm, and when it was raised, is part of the saved state. A power cut before anyone
    /// acknowledged it does not silence it: after the reboot it sounds again until acknowledged, and only then is it gone.
    /// </summary>
    [TestClass]
    public class FallAlarmAcrossRebootTests
    {
        private const uint ClockUtcS = 1777626000; // 2026-05-01T09:00:00Z

        [TestMethod]
        public void AFallAlarmSoundsAgainAfterAPowerCutUntilAcknowledged()
        {
            var store = new MemoryCounterStore();
            var device = new EmulatedDevice(Sessions.Named("fall-backward"), store);
            Assert.AreEqual(ControlStatus.Ok, device.Loop.SetClock(ClockUtcS));
            device.RunFor(500);
            while (device.Loop.Tracker.Alarm != AlarmLevel.FallAlarm && !device.Chip.SourceExhausted)
            {
                device.Step();
            }

            Assert.AreEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm, "the built-in fall raises the alarm");
            long raisedUtc = device.Clock.UtcSeconds;
            Assert.IsTrue(device.Loop.State.FallAlarmLatched);
            Assert.AreEqual((uint)raisedUtc, device.Loop.State.FallAlarmEpochS, 1u, "the time it was raised");
            device.RunFor(3000);
            uint counted = device.Loop.Tracker.BackwardSteps;

            // Power cut: nothing is saved after this point; the device boots from flash (lying on the floor, still).
            var rebooted = new EmulatedDevice(System.Array.Empty<ImuSample>(), store);
            Assert.AreEqual(AlarmLevel.FallAlarm, rebooted.Loop.Tracker.Alarm, "latched again at boot");
            Assert.IsTrue(rebooted.Loop.RestoreMessage.Contains(DeviceLoop.FallAlarmRestoredText), rebooted.Loop.RestoreMessage);
            Assert.AreEqual((uint)raisedUtc, rebooted.Loop.State.FallAlarmEpochS, 1u, "when it was raised survives the reboot");
            Assert.AreEqual(counted, rebooted.Loop.Tracker.BackwardSteps);
            rebooted.RunFor(10_000);
            Assert.AreEqual(AlarmLevel.FallAlarm, rebooted.Loop.Tracker.Alarm, "still latched");
            Assert.IsGreaterThanOrEqualTo(9, rebooted.AlarmOutput.Changes.Count(c => c.Buzzer), "the alarm pattern sounds again");
            Assert.IsTrue(rebooted.Log.Entries.Any(e => !e.IsAdvertisement && e.Status.Alarm == AlarmLevel.FallAlarm),
                "the phone is told at once after the reboot");

            // A second power cut before anyone came: still there.
            var again = new EmulatedDevice(System.Array.Empty<ImuSample>(), store);
            Assert.AreEqual(AlarmLevel.FallAlarm, again.Loop.Tracker.Alarm);
            Assert.AreEqual(-1L, again.Loop.Tracker.FirstFallAlarmSample, "restored, not detected as a new fall");

            int writes = store.Writes;
            Assert.AreEqual(ControlStatus.Ok, again.Loop.Submit(ControlOp.AcknowledgeAlarm, 0));
            again.Step();
            Assert.AreEqual(AlarmLevel.None, again.Loop.Tracker.Alarm);
            Assert.AreEqual(writes + 1, store.Writes, "the acknowledgement is saved at once");
            again.RunFor(1000);
            Assert.IsFalse(again.AlarmOutput.Buzzer);

            var afterAck = new EmulatedDevice(System.Array.Empty<ImuSample>(), store);
            Assert.AreEqual(AlarmLevel.None, afterAck.Loop.Tracker.Alarm, "an acknowledged alarm does not come back");
            Assert.IsFalse(afterAck.Loop.State.FallAlarmLatched);
            Assert.IsFalse(afterAck.Loop.RestoreMessage.Contains(DeviceLoop.FallAlarmRestoredText));
        }
    }
}
