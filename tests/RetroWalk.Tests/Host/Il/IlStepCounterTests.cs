using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Il;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Il
{
    [TestClass]
    public class IlStepCounterTests
    {
        [TestMethod]
        public void TheInterpretedTrackerEndsInTheSameStateAsTheRealOne()
        {
            // The counter is only worth its figure if it executes the same path: same steps, same alarms.
            var session = SessionCache.Get("fall-backward", seed: 2);
            var real = new RetroWalk.Core.Tracker(new TrackerConfig());
            var interpreted = new RetroWalk.Core.Tracker(new TrackerConfig());
            var counter = new IlStepCounter(typeof(RetroWalk.Core.Tracker).Assembly);
            var process = typeof(RetroWalk.Core.Tracker).GetMethod(nameof(RetroWalk.Core.Tracker.Process));
            foreach (var s in session.Samples)
            {
                real.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
                counter.Invoke(process, interpreted, s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            }

            Assert.AreEqual(real.ForwardSteps, interpreted.ForwardSteps);
            Assert.AreEqual(real.BackwardSteps, interpreted.BackwardSteps);
            Assert.AreEqual(real.FirstFallAlarmSample, interpreted.FirstFallAlarmSample);
            Assert.AreEqual(real.TiltDeciDeg, interpreted.TiltDeciDeg);
            Assert.IsTrue(real.BackwardSteps > 0 && real.FirstFallAlarmSample > 0, "the session walks and falls");
            double perSample = (double)counter.Executed / session.Samples.Length;
            Assert.IsTrue(perSample > 50 && perSample < 5000, $"{perSample:F0} IL instructions per sample");
        }

        [TestMethod]
        public void TheInterpretedDeviceLoopAndSaveEndAsTheRealOnes()
        {
            // The bench's device-loop and save figures: the loop's locks (try/finally), the driver's out parameters and
            // the interface calls into the core's driver must run as natively, pass for pass, down to the saved bytes.
            var session = SessionCache.Get("fall-backward", seed: 2);
            var real = new EmulatedDevice(session.Samples, publisher: new NullPublisher());
            var interpreted = new EmulatedDevice(session.Samples, publisher: new NullPublisher());
            var counter = new IlStepCounter(typeof(RetroWalk.Core.Tracker).Assembly);
            var runOnce = typeof(DeviceLoop).GetMethod(nameof(DeviceLoop.RunOnce));
            var saveNow = typeof(DeviceLoop).GetMethod(nameof(DeviceLoop.SaveNow));
            real.Loop.SetClock(1777593600);
            interpreted.Loop.SetClock(1777593600);
            while (!real.Chip.SourceExhausted)
            {
                real.Clock.AdvanceMs(DeviceLoop.LoopPeriodMs);
                interpreted.Clock.AdvanceMs(DeviceLoop.LoopPeriodMs);
                Assert.AreEqual(real.Loop.RunOnce(), (int)counter.Invoke(runOnce, interpreted.Loop), "samples read in a pass");
            }

            Assert.AreEqual(real.Loop.Tracker.ForwardSteps, interpreted.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(real.Loop.Tracker.BackwardSteps, interpreted.Loop.Tracker.BackwardSteps);
            Assert.AreEqual(real.Loop.Status.Alarm, interpreted.Loop.Status.Alarm);
            Assert.AreEqual(real.Loop.SamplesProcessed, interpreted.Loop.SamplesProcessed);
            Assert.AreEqual(real.Driver.FramesDiscarded, interpreted.Driver.FramesDiscarded);
            Assert.IsTrue(real.Loop.Tracker.BackwardSteps > 0 && real.Loop.Tracker.FirstFallAlarmSample > 0, "the session walks and falls");
            long beforeSave = counter.Executed;
            Assert.IsTrue(real.Loop.SaveNow(real.Clock.MonotonicMs));
            Assert.AreEqual(1, (int)counter.Invoke(saveNow, interpreted.Loop, interpreted.Clock.MonotonicMs), "the interpreted save succeeds");
            Assert.IsTrue(counter.Executed - beforeSave > 100, "a save executes the encoder and the CRC");
            CollectionAssert.AreEqual(real.Store.Slot(0), interpreted.Store.Slot(0), "slot 0 bytes");
            CollectionAssert.AreEqual(real.Store.Slot(1), interpreted.Store.Slot(1), "slot 1 bytes");
        }

        [TestMethod]
        public void EveryInstructionIsCounted()
        {
            // FixedMath.Abs(-5): ldarg.0, ldc.i4.0, blt.s/bge.s, ..., ret: a handful, and exactly the same every call.
            var counter = new IlStepCounter(typeof(RetroWalk.Core.Tracker).Assembly);
            var abs = typeof(RetroWalk.Core.Dsp.FixedMath).GetMethod(nameof(RetroWalk.Core.Dsp.FixedMath.Abs));
            Assert.AreEqual(5, (int)counter.Invoke(abs, null, -5));
            long once = counter.Executed;
            counter.Invoke(abs, null, -7);
            Assert.AreEqual(2 * once, counter.Executed);
            Assert.IsTrue(once >= 3 && once <= 10, $"{once} instructions for Abs");
        }
    }
}
