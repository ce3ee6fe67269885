using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Safety;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Synthesis;
using RetroWalk.Tests.Host.Device;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>
    /// The emulated phone of <c>simulate</c> runs on the core GATT session: it subscribes to RSC and Battery like a
    /// fitness app, writes the Control Point, and (modelled exactly) stops the advertisement while it is connected.
    /// </summary>
    [TestClass]
    public class EmulatedPhoneTests
    {
        [TestMethod]
        public void TheFitnessAppSeesSpeedCadenceAndBattery()
        {
            EmulatedDevice device = null;
            var phone = new RecordingPublisher(() => device.Clock.MonotonicMs)
            {
                Battery = new EmulatedBattery(() => device.Clock.MonotonicMs),
            };
            device = new EmulatedDevice(Sessions.Named(Scenarios.Default), publisher: phone);
            device.RunFor(120_000);

            var rsc = phone.Log.Where(o => o.Source == "RSC Measurement").ToList();
            Assert.IsNotEmpty(rsc);
            Assert.IsTrue(rsc.All(o => o.DecodedOk));
            Assert.IsTrue(rsc.Any(o => o.Decoded.Contains("steps/min") && !o.Decoded.StartsWith("0.00 m/s")), "speed while walking");
            Assert.IsNotNull(phone.LastBatteryPercent, "Battery Level notified");
            Assert.IsTrue(phone.LastBatteryPercent is >= 0 and <= 100);
        }

        [TestMethod]
        public void ABoundedPhoneLogKeepsTheNewestObservationsAndCountsEvery()
        {
            EmulatedDevice whole = null, bounded = null;
            var everything = new RecordingPublisher(() => whole.Clock.MonotonicMs);
            var newest = new RecordingPublisher(() => bounded.Clock.MonotonicMs) { LogKeep = 8 };
            whole = new EmulatedDevice(Sessions.Named(Scenarios.Default), publisher: everything);
            bounded = new EmulatedDevice(Sessions.Named(Scenarios.Default), publisher: newest);
            whole.RunFor(300_000);
            bounded.RunFor(300_000);

            Assert.IsGreaterThan(16, everything.Log.Count, "enough observations to be dropped");
            Assert.AreEqual((long)everything.Log.Count, newest.Logged, "every observation is counted");
            Assert.IsLessThanOrEqualTo(16, newest.Log.Count, "at most twice LogKeep are held");
            Assert.IsGreaterThanOrEqualTo(8, newest.Log.Count, "at least LogKeep are held");
            Assert.AreEqual(newest.Logged - newest.Log.Count, newest.FirstLogged);
            for (int i = 0; i < newest.Log.Count; i++)
            {
                Assert.AreEqual(everything.Log[(int)newest.FirstLogged + i].ToString(), newest.Log[i].ToString(), $"observation {newest.FirstLogged + i}");
            }
        }

        [TestMethod]
        public void AFallStaysVisibleToHomeAssistantWhileAPhoneIsConnectedAndAdvertisingStops()
        {
            EmulatedDevice device = null;
            var phone = new RecordingPublisher(() => device.Clock.MonotonicMs) { PhoneBlocksAdvertising = true };
            device = new EmulatedDevice(Sessions.WalkThenFall(), publisher: phone);
            phone.DisconnectPhone();
            while (phone.LastBtHome?.Problem != true && !device.Chip.SourceExhausted)
            {
                device.Step();
            }

            Assert.IsTrue(phone.LastBtHome!.Problem, "the fall reached the scanner");
            phone.ConnectPhone();
            int advertsBefore = phone.Log.Count(o => o.Channel == "advert");
            device.RunFor(20_000);
            Assert.AreEqual(AlarmLevel.FallAlarm, phone.PhoneView.Alarm, "the connected phone is notified of the fall");
            Assert.AreEqual(GattWrites.Accept, phone.PhoneWrites(GattTable.ControlPoint, new byte[] { 0x02 }));
            device.RunFor(20_000);
            Assert.AreEqual(AlarmLevel.None, phone.PhoneView.Alarm, "acknowledged over GATT");
            Assert.AreEqual(advertsBefore, phone.Log.Count(o => o.Channel == "advert"), "no advertisement while connected");
            Assert.IsFalse(phone.Advertising);
            Assert.IsTrue(phone.LastBtHome.Problem, "Home Assistant keeps the last state it received: the fall");

            phone.DisconnectPhone();
            Assert.IsTrue(phone.Log[^1].Decoded.StartsWith("resumed"), "the stack resumes the last data on disconnect");
            long disconnected = device.Clock.MonotonicMs;
            device.RunFor(AdvertRefreshPolicy.AlarmRefreshIntervalMs + 1000);
            var after = phone.Log.Where(o => o.Channel == "advert" && o.TimeMs > disconnected).ToList();
            Assert.IsNotEmpty(after, "refreshed within 5 s of the disconnection");
            Assert.IsFalse(phone.LastBtHome.Problem, "the cleared alarm reaches Home Assistant");
            var filter = new HomeAssistantPacketFilter();
            Assert.IsTrue(filter.Accept(phone.Log.Last(o => o.Channel == "advert" && o.TimeMs <= disconnected).Payload[9], disconnected / 1000.0));
            Assert.IsTrue(filter.Accept(phone.LastBtHome.PacketId, after[^1].TimeMs / 1000.0), "a new packet id: accepted");
        }
    }
}
