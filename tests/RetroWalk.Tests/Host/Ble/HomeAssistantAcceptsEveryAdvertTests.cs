using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Synthesis;
using RetroWalk.Tests.Host.Device;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>
    /// The advertisements of whole emulated sessions, decoded by the project's BTHome decoder and filtered by Home
    /// Assistant's packet-id rule, with the scanner hearing the current advertisement once a second (as a BLE proxy
    /// does): every new content must get through, and what Home Assistant ends with must be the last content sent.
    /// </summary>
    [TestClass]
    public class HomeAssistantAcceptsEveryAdvertTests
    {
        private const long HearEveryMs = 1000;

        [TestMethod]
        public void EveryNewAdvertisementOfARetroWalkingSessionIsAccepted()
        {
            AssertEveryAdvertAccepted(Scenarios.Default);
        }

        [TestMethod]
        public void EveryNewAdvertisementAroundAFallIsAccepted()
        {
            AssertEveryAdvertAccepted("fall-backward");
        }

        [TestMethod]
        public void TheFilterDropsWhatHomeAssistantDrops()
        {
            var filter = new HomeAssistantPacketFilter();
            Assert.IsTrue(filter.Accept(10, 0));
            Assert.IsFalse(filter.Accept(10, 1), "same id within 4 s: duplicate");
            Assert.IsFalse(filter.Accept(10 + 64, 2), "a jump of 64 within 4 s: taken for an old packet");
            Assert.IsTrue(filter.Accept(11, 3));
            Assert.IsTrue(filter.Accept(11 + 63, 4));
            Assert.IsTrue(filter.Accept(200, 9), "more than 4 s after the last accepted packet: anything goes");
            Assert.IsTrue(filter.Accept(250, 10));
            Assert.IsTrue(filter.Accept(2, 11), "wraps modulo 256: 250 to 2 is 8 ahead");
        }

        private static void AssertEveryAdvertAccepted(string scenario)
        {
            EmulatedDevice device = null;
            var publisher = new RecordingPublisher(() => device.Clock.MonotonicMs);
            device = new EmulatedDevice(Sessions.Named(scenario), publisher: publisher);
            device.RunToEnd();

            List<PhoneObservation> adverts = publisher.Log.Where(o => o.Channel == "advert").ToList();
            Assert.IsGreaterThan(1, adverts.Count, "the session must refresh the advertisement");
            var filter = new HomeAssistantPacketFilter();
            var reading = new BtHomeReading();
            for (int i = 0; i < adverts.Count; i++)
            {
                byte[] adv = adverts[i].Payload;
                int at = AdvertisementCodec.Find(adv, 0, adv.Length, AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out int length);
                Assert.IsGreaterThan(0, at);
                Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(adv, at, length, reading));
                Assert.IsFalse(reading.OutOfOrder);
                long end = i + 1 < adverts.Count ? adverts[i + 1].TimeMs : adverts[i].TimeMs + 10 * HearEveryMs;
                bool first = true;
                for (long t = adverts[i].TimeMs; t < end; t += HearEveryMs)
                {
                    bool accepted = filter.Accept(reading.PacketId, t / 1000.0);
                    if (first)
                    {
                        Assert.IsTrue(accepted, $"{scenario}: Home Assistant drops the new advertisement at {t} ms ({adverts[i].Decoded})");
                        first = false;
                    }
                }
            }
        }
    }
}
