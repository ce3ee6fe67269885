using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Host.Emulation;
using RetroWalk.Tests.Host.Device;

namespace RetroWalk.Tests.Host.Health
{
    /// <summary>
    /// Health end to end on the emulated board, as Program.cs wires it: the MPU-6050 driver's diagnostics, the loop's
    /// HealthMonitor, the GATT session, the phone's decoder and Home Assistant's view of the advertisement.
    /// </summary>
    [TestClass]
    public class HealthOverBleTests
    {
        private static (EmulatedDevice Device, RecordingPublisher Phone) Walking()
        {
            EmulatedDevice device = null;
            var phone = new RecordingPublisher(() => device.Clock.MonotonicMs);
            device = new EmulatedDevice(Sessions.Named("retro-session"), publisher: phone);
            device.RunFor(20_000);
            return (device, phone);
        }

        private static List<PhoneObservation> HealthSince(RecordingPublisher phone, long fromMs) =>
            phone.Log.Where(o => o.Source == GattTable.Name(GattTable.Health) && o.TimeMs >= fromMs).ToList();

        [TestMethod]
        public void AnUnpluggedSensorIsAFaultWithinSecondsOnTheCharacteristicAndInHomeAssistant()
        {
            var (device, phone) = Walking();
            Assert.IsNotNull(phone.LastHealth);
            Assert.IsFalse(phone.LastHealth.HasFault, "a healthy walk");
            Assert.IsFalse(phone.LastBtHome.DeviceProblem);

            long unplugged = device.Clock.MonotonicMs;
            device.Bus.FailRandomly(1.0, BusFault.Nack, 3);
            device.RunFor(10_000);
            var notified = HealthSince(phone, unplugged);
            Assert.IsTrue(notified.All(o => o.DecodedOk));
            PhoneObservation firstErrors = notified.First();
            Assert.IsLessThanOrEqualTo(unplugged + 2 * RetroWalk.Core.Device.DeviceLoop.LoopPeriodMs, firstErrors.TimeMs, "I2C errors starting: notified at once");
            PhoneObservation silent = notified.First(o => o.Decoded.StartsWith("FAULT") && o.Decoded.Contains("sensor Silent"));
            long silentAfterMs = silent.TimeMs - unplugged;
            Assert.IsLessThanOrEqualTo((Mpu6050FifoSilentMs + 2 * RetroWalk.Core.Device.DeviceLoop.LoopPeriodMs), silentAfterMs, "silent after 3 s without a sample");
            Assert.IsGreaterThanOrEqualTo(Mpu6050FifoSilentMs - RetroWalk.Core.Device.DeviceLoop.LoopPeriodMs, silentAfterMs, "not before");
            var advertWithFault = phone.Log.First(o => o.Channel == "advert" && o.TimeMs >= silent.TimeMs && o.Decoded.Contains("device fault (problem_2) on"));
            Assert.IsLessThanOrEqualTo(silent.TimeMs + AdvertRefreshPolicy.AlarmRefreshIntervalMs, advertWithFault.TimeMs, "Home Assistant within 5 s");
            Assert.Contains("fall (problem_1) off", advertWithFault.Decoded, "a fault is not a fall");

            long pluggedIn = device.Clock.MonotonicMs;
            device.Bus.FailRandomly(0, BusFault.Nack, 3);
            device.RunFor(10_000);
            PhoneObservation back = HealthSince(phone, pluggedIn).First(o => !o.Decoded.StartsWith("FAULT"));
            Assert.IsLessThanOrEqualTo(pluggedIn + 1000, back.TimeMs, "back to ok at once");
            Assert.IsFalse(phone.LastBtHome.DeviceProblem, "and Home Assistant's problem_2 clears");
            Assert.IsGreaterThan(0u, phone.LastHealth.I2cErrors);
            Assert.AreEqual(SensorHealth.Ok, phone.LastHealth.Sensor);
        }

        /// <summary>3 s at the loop's period: the driver's empty reads before Silent.</summary>
        private const int Mpu6050FifoSilentMs = RetroWalk.Core.Sensors.Mpu6050Fifo.EmptyReadsBeforeSilent * RetroWalk.Core.Device.DeviceLoop.LoopPeriodMs;

        [TestMethod]
        public void FailingFlashIsAFaultAtOnceAndClearsWithTheNextGoodSave()
        {
            var (device, phone) = Walking();
            device.Store.FailWrites = true;
            long failing = device.Clock.MonotonicMs;
            Assert.IsFalse(device.Loop.SaveNow(failing));
            device.Step();
            Assert.IsTrue(phone.LastHealth.HasFault);
            Assert.AreEqual(SaveOutcome.Failed, phone.LastHealth.LastSave);
            Assert.AreEqual((ushort)1, phone.LastHealth.FailedSaves);
            Assert.IsLessThanOrEqualTo(failing + RetroWalk.Core.Device.DeviceLoop.LoopPeriodMs, HealthSince(phone, failing).First().TimeMs);

            device.Store.FailWrites = false;
            long working = device.Clock.MonotonicMs;
            device.RunFor(RetroWalk.Core.Device.DeviceLoop.SaveRetryMs + 1000);
            Assert.AreEqual(SaveOutcome.Saved, phone.LastHealth.LastSave, "the retry saved");
            Assert.IsFalse(phone.LastHealth.HasFault);
            Assert.IsTrue(HealthSince(phone, working).Count <= 2, "one notification for the fault clearing (and maybe the minute's)");
        }

        [TestMethod]
        public void AFaultAdvertisementGetsPastHomeAssistantsPacketIdRuleAndFits31Bytes()
        {
            var (device, phone) = Walking();
            device.Bus.FailRandomly(1.0, BusFault.Nack, 4);
            device.RunFor(10_000);
            device.Bus.FailRandomly(0, BusFault.Nack, 4);
            device.RunFor(15_000);
            var adverts = phone.Log.Where(o => o.Channel == "advert").ToList();
            Assert.IsTrue(adverts.Any(o => o.Decoded.Contains("device fault (problem_2) on")));
            var filter = new HomeAssistantPacketFilter();
            var reading = new BtHomeReading();
            bool? lastFault = null;
            foreach (var advert in adverts)
            {
                Assert.IsLessThanOrEqualTo(AdvertisementCodec.MaxLegacyLength, advert.Payload.Length);
                int at = AdvertisementCodec.Find(advert.Payload, 0, advert.Payload.Length, AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int length);
                Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(advert.Payload, at, length, reading));
                Assert.IsFalse(reading.OutOfOrder);
                Assert.IsTrue(filter.Accept(reading.PacketId, advert.TimeMs / 1000.0), $"Home Assistant drops {advert.Decoded}");
                lastFault = reading.DeviceProblem;
            }

            Assert.IsFalse(lastFault, "Home Assistant ends with the fault cleared");
        }

        [TestMethod]
        public void SimulatePrintsTheFaultsItInjects()
        {
            string disconnect = Simulate("sensor-disconnect");
            int unplugged = disconnect.IndexOf("** sensor unplugged", System.StringComparison.Ordinal);
            int fault = disconnect.IndexOf("FAULT: sensor Silent", System.StringComparison.Ordinal);
            int pluggedIn = disconnect.IndexOf("** sensor plugged back in", System.StringComparison.Ordinal);
            int ok = disconnect.IndexOf("ok: sensor Ok", pluggedIn, System.StringComparison.Ordinal);
            Assert.IsTrue(unplugged > 0 && fault > unplugged && pluggedIn > fault && ok > pluggedIn, disconnect);
            Assert.Contains("device fault (problem_2) on", disconnect);

            string flash = Simulate("flash-fail");
            int failing = flash.IndexOf("** flash writes fail", System.StringComparison.Ordinal);
            int failed = flash.IndexOf("last save Failed", System.StringComparison.Ordinal);
            int working = flash.IndexOf("** flash writes work again", System.StringComparison.Ordinal);
            int saved = flash.IndexOf("last save Saved", working, System.StringComparison.Ordinal);
            Assert.IsTrue(failing > 0 && failed > failing && working > failed && saved > working, flash);
            StringAssert.Contains(flash, "health (phone, last notification): ok");
        }

        private static string Simulate(string events)
        {
            var output = new StringWriter();
            Assert.AreEqual(0, Simulator.Run(new SimulationOptions { Scenario = "short", Events = events }, output));
            return output.ToString();
        }
    }
}
