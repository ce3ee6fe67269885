using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>
    /// The pairing window on the emulated tracker (docs/ble.md, Pairing): the wearer's 2 s hold opens it with its cue,
    /// it lasts 60 s of the loop's monotonic clock whatever the wall clock does, a reset or an alarm keep it shut, and
    /// only a phone confirmed in it gets its writes through.
    /// </summary>
    [TestClass]
    public class PairingWindowDeviceTests
    {
        private const long Noon = 1777636800; // 2026-05-01T12:00:00Z

        private static EmulatedDevice Idle() => new(IndexedSamples.Generate(1_000_000));

        private static void RunTo(EmulatedDevice device, long monotonicMs) => device.RunFor(monotonicMs - device.Clock.MonotonicMs);

        /// <summary>Presses and holds until the loop has seen <paramref name="ms"/> of holding; returns the press time.</summary>
        private static long Press(EmulatedDevice device, int ms)
        {
            device.Button.IsPressed = true;
            device.Step();
            long pressed = device.Clock.MonotonicMs;
            device.RunFor(ms);
            return pressed;
        }

        private static void Release(EmulatedDevice device)
        {
            device.Button.IsPressed = false;
            device.Step();
        }

        [TestMethod]
        public void ATwoSecondHoldOpensTheWindowWithItsCueForSixtySecondsWhateverTheWallClockDoes()
        {
            var device = Idle();
            device.Loop.Tracker.RestoreCounts(40, 30);
            device.RunFor(1000);
            Assert.IsFalse(device.Loop.PairingWindow.IsOpen(device.Clock.MonotonicMs), "shut at boot");

            long pressed = Press(device, ButtonLogic.PairingHoldMs + 900);
            Release(device);
            long opened = pressed + ButtonLogic.PairingHoldMs;
            Assert.IsTrue(device.Loop.PairingWindow.IsOpen(device.Clock.MonotonicMs), "open after the hold");
            Assert.AreEqual(40u, device.Loop.Tracker.ForwardSteps, "a pairing hold resets nothing");

            var edges = device.AlarmOutput.Changes.Where(c => c.TimeMs >= opened - 100).Select(c => (c.TimeMs - opened, c.Buzzer)).ToArray();
            CollectionAssert.AreEqual(new[] { (0L, true), (100L, false), (200L, true), (300L, false), (400L, true), (500L, false) },
                edges, "three 100 ms chirps 100 ms apart, heard while still holding: " + string.Join(" ", edges));

            // A phone sets the clock 80 years ahead, then a day back: the window runs on the monotonic clock.
            device.Clock.SetUtcSeconds(Noon + 80L * 365 * 86400);
            device.RunFor(20_000);
            device.Clock.SetUtcSeconds(Noon - 86400);
            RunTo(device, opened + PairingWindow.OpenMs - 200);
            Assert.IsTrue(device.Loop.PairingWindow.IsOpen(device.Clock.MonotonicMs), "still open just before 60 s");
            RunTo(device, opened + PairingWindow.OpenMs);
            Assert.IsFalse(device.Loop.PairingWindow.IsOpen(device.Clock.MonotonicMs), "shut at 60 s");
        }

        [TestMethod]
        public void HoldingOnToThreeSecondsResetsAndShutsTheWindowAgain()
        {
            var device = Idle();
            device.Loop.Tracker.RestoreCounts(40, 30);
            device.RunFor(1000);
            Press(device, ButtonLogic.LongPressMs + 200);
            Assert.AreEqual(0u, device.Loop.Tracker.ForwardSteps, "reset while held");
            Release(device);
            Assert.IsFalse(device.Loop.PairingWindow.IsOpen(device.Clock.MonotonicMs), "the reset shut the window its hold had opened");
        }

        [TestMethod]
        public void DuringAFallAlarmAHoldOnlyAcknowledges()
        {
            var device = new EmulatedDevice(Sessions.WalkThenFall());
            while (device.Loop.Tracker.Alarm != AlarmLevel.FallAlarm && !device.Chip.SourceExhausted)
            {
                device.Step();
            }

            Assert.AreEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm, "the fixture falls");
            uint forward = device.Loop.Tracker.ForwardSteps;
            Press(device, ButtonLogic.LongPressMs + 500);
            Release(device);
            Assert.AreNotEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm, "acknowledged (a tilt warning may follow while still lying)");
            Assert.IsFalse(device.Loop.PairingWindow.IsOpen(device.Clock.MonotonicMs), "someone who fell and holds the button opens nothing");
            Assert.AreEqual(forward, device.Loop.Tracker.ForwardSteps, "and resets nothing");
        }

        [TestMethod]
        public void AStrangersPhoneCannotWriteAndTheWearersHoldLetsOnePhoneBond()
        {
            EmulatedDevice device = null;
            var phone = new RecordingPublisher(() => device.Clock.MonotonicMs) { PhoneBonded = false };
            device = new EmulatedDevice(IndexedSamples.Generate(1_000_000), publisher: phone);
            device.Loop.Tracker.RestoreCounts(40, 30);
            device.RunFor(1000);
            PairingWindow window = device.Loop.PairingWindow;
            LinkSecurity link = phone.Session.Link;

            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, phone.PhoneWrites(GattTable.ControlPoint, new byte[] { 0x01 }), "unencrypted: refused");
            Assert.IsFalse(link.ConfirmPairing(window, device.Clock.MonotonicMs), "no window: the pairing is not confirmed");
            link.PairingCompleted(encrypted: true, approved: false, window);
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, phone.PhoneWrites(GattTable.ControlPoint, new byte[] { 0x01 }), "Just Works: refused");
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, phone.PhoneWrites(GattTable.AlertLevel, new byte[] { 0x02 }), "not even a beep");
            device.RunFor(1000);
            Assert.AreEqual(40u, device.Loop.Tracker.ForwardSteps, "nothing reset");

            Press(device, ButtonLogic.PairingHoldMs + 100);
            Release(device);
            Assert.IsTrue(link.ConfirmPairing(window, device.Clock.MonotonicMs), "the wearer opened the window: confirmed");
            link.PairingCompleted(encrypted: true, approved: true, window);
            Assert.IsFalse(window.IsOpen(device.Clock.MonotonicMs), "the bond shut the window");
            device.Step();
            Assert.IsTrue(device.AlarmOutput.Buzzer, "the confirmation beep");
            device.RunFor(AlarmPattern.ConfirmBeepMs + 100);

            Assert.AreEqual(GattWrites.Accept, phone.PhoneWrites(GattTable.ControlPoint, new byte[] { 0x01 }), "the bonded phone resets the counts");
            device.RunFor(1000);
            Assert.AreEqual(0u, device.Loop.Tracker.ForwardSteps, "reset over BLE");

            phone.DisconnectPhone();
            phone.PhoneBonded = true;
            phone.ConnectPhone();
            Assert.AreEqual(GattWrites.Accept, phone.PhoneWrites(GattTable.AlertLevel, new byte[] { 0x02 }), "reconnecting with its bond needs no window");
        }
    }
}
