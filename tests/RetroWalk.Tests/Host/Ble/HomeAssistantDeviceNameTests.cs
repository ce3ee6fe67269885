using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Status;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Synthesis;
using RetroWalk.Tests.Ble;
using RetroWalk.Tests.Host.Device;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>
    /// The device name Home Assistant shows for the tracker (docs/ble.md, Home Assistant): the advertisement and scan
    /// response the tracker sends, read by the project's advertisement decoder, named as habluetooth and bthome-ble
    /// name a BTHome device.
    /// </summary>
    [TestClass]
    public class HomeAssistantDeviceNameTests
    {
        private const string Address = "24:0A:C4:12:AB:CD";

        [TestMethod]
        public void AnActiveScannerNamesItAfterTheScanResponseAndTheAddress()
        {
            foreach (int battery in new[] { 57, -1 })
            {
                AdvertisementFrames frames = Build(battery, btHome: true);
                Assert.IsNull(HomeAssistantDeviceName.LocalName(frames.Advertisement, frames.AdvertisementLength),
                    "with BTHome on the advertisement holds Flags and BTHome (and perhaps the Appearance), no name");
                Assert.AreEqual(AdvertisementCodec.DefaultDeviceName,
                    HomeAssistantDeviceName.LocalName(frames.ScanResponse, frames.ScanResponseLength));

                var ha = new HomeAssistantDeviceName(Address);
                Assert.IsTrue(ha.Hear(frames.Advertisement, frames.AdvertisementLength, frames.ScanResponse, frames.ScanResponseLength));
                Assert.AreEqual("RetroWalk ABCD", ha.DeviceName, $"battery {battery}");
            }
        }

        [TestMethod]
        public void APassiveScannerHasOnlyTheAddressAndShowsBtHomeSensor()
        {
            AdvertisementFrames frames = Build(57, btHome: true);
            var ha = new HomeAssistantDeviceName(Address);
            Assert.IsTrue(ha.Hear(frames.Advertisement, frames.AdvertisementLength));
            Assert.IsNull(ha.HeardName);
            Assert.AreEqual("BTHome sensor ABCD", ha.DeviceName);

            // The BTHome data itself gets through: it is the same device, only unnamed.
            int at = AdvertisementCodec.Find(frames.Advertisement, 0, frames.AdvertisementLength,
                AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int length);
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(frames.Advertisement, at, length, new BtHomeReading()));
        }

        [TestMethod]
        public void OneScanResponseIsEnoughTheNameSticksThroughLaterAdvertisements()
        {
            EmulatedDevice device = null;
            var publisher = new RecordingPublisher(() => device.Clock.MonotonicMs);
            device = new EmulatedDevice(Sessions.Named(Scenarios.Default), publisher: publisher);
            device.RunFor(5_000);
            var ha = new HomeAssistantDeviceName(Address);
            AdvertisementFrames first = publisher.Frames;
            Assert.IsTrue(ha.Hear(first.Advertisement, first.AdvertisementLength, first.ScanResponse, first.ScanResponseLength));

            device.RunToEnd();
            AdvertisementFrames last = publisher.Frames;
            Assert.IsTrue(ha.Hear(last.Advertisement, last.AdvertisementLength));
            Assert.AreEqual("RetroWalk ABCD", ha.DeviceName, "a packet without a name keeps the name heard");
        }

        [TestMethod]
        public void WithBtHomeOffTheNameIsInTheAdvertisementButThereIsNothingForBtHome()
        {
            AdvertisementFrames frames = Build(57, btHome: false);
            Assert.AreEqual(AdvertisementCodec.DefaultDeviceName,
                HomeAssistantDeviceName.LocalName(frames.Advertisement, frames.AdvertisementLength));
            Assert.AreEqual(-1, AdvertisementCodec.Find(frames.Advertisement, 0, frames.AdvertisementLength,
                AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out _), "no BTHome service data: Home Assistant's BTHome integration ignores it");
        }

        [TestMethod]
        public void TheNamingRulesAreBtHomeBles()
        {
            Assert.AreEqual("EEFF", HomeAssistantDeviceName.ShortAddress("aa:bb:cc:dd:ee:ff"));
            Assert.AreEqual("EE0F", HomeAssistantDeviceName.ShortAddress("AA-BB-CC-DD-EE-0F"));
            Assert.AreEqual("BTHome sensor", HomeAssistantDeviceName.BtHomeName("AA:BB:CC:DD:EE:FF", "AA:BB:CC:DD:EE:FF"));
            Assert.AreEqual("ATC", HomeAssistantDeviceName.BtHomeName("ATC_DDEEFF", "AA:BB:CC:DD:EE:FF"), "ATC firmware's address suffix is dropped");
            Assert.AreEqual("RetroWalk", HomeAssistantDeviceName.BtHomeName("RetroWalk", "AA:BB:CC:DD:EE:FF"));

            var ha = new HomeAssistantDeviceName(Address);
            Assert.IsTrue(ha.Hear(BleBytes.Hex("0A 09 52 65 74 72 6F 57 61 6C 6B"), 11));
            Assert.IsTrue(ha.Hear(BleBytes.Hex("05 08 52 65 74 72"), 6), "a shorter (shortened) name later");
            Assert.AreEqual("RetroWalk", ha.HeardName, "the longest name heard is kept");
            Assert.IsFalse(ha.Hear(BleBytes.Hex("0A 09 52 65"), 4), "a truncated structure is not well-formed");
        }

        private static AdvertisementFrames Build(int batteryPercent, bool btHome)
        {
            TrackerStatus status = BleBytes.SampleStatus();
            status.BatteryPercent = batteryPercent;
            var frames = new AdvertisementFrames();
            frames.Build(status, btHome, AdvertisementCodec.DefaultDeviceName);
            Assert.AreEqual(0, frames.Dropped);
            return frames;
        }
    }
}
