using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>The device loop's counters and saved durations stop at their maximum instead of wrapping (issue 11).</summary>
    [TestClass]
    public class CounterSaturationDeviceTests
    {
        [TestMethod]
        public void CountsAndTodaysTotalsNearTwoToThe32SaturateAndSaveSo()
        {
            var store = new MemoryCounterStore();
            var saved = new DeviceState
            {
                ForwardSteps = uint.MaxValue - 5,
                BackwardSteps = uint.MaxValue - 5,
                TodayForward = uint.MaxValue - 3,
                TodayBackward = uint.MaxValue - 3,
                BackwardWalkingS = uint.MaxValue - 1,
            };
            Assert.IsTrue(new StateStore(store).Save(saved));

            var device = new EmulatedDevice(Sessions.Named("short"), store);
            Assert.AreEqual(RestoreOutcome.Restored, device.Loop.RestoreOutcome, device.Loop.RestoreMessage);
            device.RunToEnd();
            var loop = device.Loop;
            Assert.AreEqual(uint.MaxValue, loop.Tracker.ForwardSteps, "forward wrapped");
            Assert.AreEqual(uint.MaxValue, loop.Tracker.BackwardSteps, "backward wrapped");
            Assert.AreEqual(uint.MaxValue, loop.State.TodayForward, "today's forward wrapped");
            Assert.AreEqual(uint.MaxValue, loop.State.TodayBackward, "today's backward wrapped");
            Assert.IsTrue(loop.SaveNow(device.Clock.MonotonicMs));

            var restored = new DeviceState();
            new StateStore(store).Restore(restored);
            Assert.AreEqual(uint.MaxValue, restored.ForwardSteps);
            Assert.AreEqual(uint.MaxValue, restored.TodayBackward);
            Assert.AreEqual(uint.MaxValue, restored.BackwardWalkingS, "the backward-walking time saturates in the saved state");
        }
    }
}
