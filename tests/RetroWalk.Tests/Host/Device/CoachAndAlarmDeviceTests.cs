using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>
    /// Issue 14 on the emulated device, beside SessionsInTheLoopTests: a fall alarm that comes while a coach cue plays
    /// sounds at once (the outputs are exactly a coach-off run's from the alarm's first pass), and a damaged session
    /// slot gives a clear outcome and loses nothing else.
    /// </summary>
    [TestClass]
    public class CoachAndAlarmDeviceTests
    {
        private sealed record Pass(long TimeMs, bool Buzzer, bool Led, AlarmLevel Alarm, int Cues, CoachCue LastCue);

        private static EmulatedDevice Device(IEnumerable<RawSample> samples, Action<UserSettings> change)
        {
            var device = new EmulatedDevice(samples);
            var settings = new UserSettings();
            device.Loop.ReadSettings(settings);
            change(settings);
            Assert.AreEqual(ControlStatus.Ok, device.Loop.ApplySettings(settings));
            device.Step();
            return device;
        }

        private static List<Pass> Run(EmulatedDevice device, long startSessionAtMs)
        {
            var passes = new List<Pass>();
            bool started = false;
            while (!device.Chip.SourceExhausted || device.Chip.FifoCount >= RetroWalk.Core.Sensors.Mpu6050Registers.FrameBytes)
            {
                if (!started && device.Clock.MonotonicMs + 100 >= startSessionAtMs)
                {
                    // The walk started a session already: end it, start one now.
                    Assert.AreEqual(ControlStatus.Ok, device.Loop.Submit(ControlOp.EndSession, 0));
                    Assert.AreEqual(ControlStatus.Ok, device.Loop.Submit(ControlOp.StartSession, 0));
                    started = true;
                }

                device.Step();
                passes.Add(new Pass(device.Clock.MonotonicMs, device.AlarmOutput.Buzzer, device.AlarmOutput.Led, device.Loop.Tracker.Alarm,
                    device.Loop.CoachCues, device.Loop.LastCoachCue));
            }

            return passes;
        }

        [TestMethod]
        public void AFallAlarmDuringACoachCueSoundsAtOnce()
        {
            // Coach off first: when the fall alarm comes, and what the outputs are from then on.
            var plain = Device(Sessions.WalkThenFall(), s => { s.CoachEnabled = false; s.TargetMin = 1; });
            var plainPasses = Run(plain, 0);
            long onset = plainPasses.First(p => p.Alarm != AlarmLevel.None).TimeMs;

            // Coached: a session started by command 60.7 s before the onset, so that its 1.3 s target cue (1 min)
            // starts about 0.6 s before the fall alarm.
            var coached = Device(Sessions.WalkThenFall(), s => { s.CoachEnabled = true; s.TargetMin = 1; });
            var coachedPasses = Run(coached, onset - 60_700);
            Assert.AreEqual(onset, coachedPasses.First(p => p.Alarm != AlarmLevel.None).TimeMs, "the coach changes nothing in the detection");
            var cueStart = coachedPasses.FirstOrDefault(p => p.Cues > 0 && p.LastCue == CoachCue.TargetReached);
            Assert.IsNotNull(cueStart, "the target cue was decided");
            long lead = onset - cueStart.TimeMs;
            Assert.IsTrue(lead > 0 && lead < CoachPattern.LengthMs(CoachCue.TargetReached), $"the cue still plays when the alarm comes ({lead} ms before)");

            var plainFrom = plainPasses.Where(p => p.TimeMs >= onset).Select(p => (p.TimeMs, p.Buzzer, p.Led)).ToList();
            var coachedFrom = coachedPasses.Where(p => p.TimeMs >= onset).Select(p => (p.TimeMs, p.Buzzer, p.Led)).ToList();
            CollectionAssert.AreEqual(plainFrom, coachedFrom, "from its first pass on, the outputs are exactly the plain alarm's");
            Assert.IsTrue(coachedPasses.Zip(plainPasses).Any(p => p.First.TimeMs < onset && p.First.Buzzer != p.Second.Buzzer),
                "the cue was audible before the fall (the comparison can fail)");
        }

        [TestMethod]
        public void ADamagedSessionSlotIsNamedAndLosesNothingElse()
        {
            var store = new MemoryCounterStore();
            var device = new EmulatedDevice(Sessions.Named("short"), store);
            Assert.AreEqual(ControlStatus.Ok, device.Loop.Submit(ControlOp.StartSession, 0));
            device.RunToEnd();
            Assert.AreEqual(ControlStatus.Ok, device.Loop.Submit(ControlOp.EndSession, 0));
            device.RunFor(1000);
            device.Loop.SaveNow(device.Clock.MonotonicMs);
            Assert.AreEqual(1, device.Sessions.Recorder.History.Count);

            // Damage every session slot written: the counts' state is untouched, the message names the slot.
            var flash = store.SessionFlash;
            for (int slot = 0; slot < 2; slot++)
            {
                if (flash.Slot(slot) is not null)
                {
                    flash.FlipBit(slot, 30, 3);
                }
            }

            var damaged = new EmulatedDevice(Array.Empty<ImuSample>(), store);
            Assert.AreEqual(RestoreOutcome.Unreadable, damaged.SessionsRestore);
            Assert.AreEqual(RestoreOutcome.Restored, damaged.Loop.RestoreOutcome, "the state pair is another file pair");
            Assert.AreEqual(device.Loop.Tracker.BackwardSteps, damaged.Loop.Tracker.BackwardSteps);
            Assert.AreEqual(device.Loop.Tracker.ForwardSteps, damaged.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(0, damaged.Sessions.Recorder.History.Count, "nothing half-restored");
        }
    }
}
