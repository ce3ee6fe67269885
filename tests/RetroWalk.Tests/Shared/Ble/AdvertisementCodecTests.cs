#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Tests.Ble
{
    [TestClass]
    public class AdvertisementCodecTests
    {
        private const string ServiceUuidOnAir = "596A549B69D9D2B104433C2A00000100";

        private const string ScanResponse = "0A09 526574726F57616C6B 0319 4304 0302 1418";

        [TestMethod]
        public void BtHomeAdvertisementCarriesFlagsAndBtHomeWithTheBattery()
        {
            var frames = new AdvertisementFrames();
            TrackerStatus status = BleBytes.SampleStatus();
            status.BatteryPercent = 57;
            frames.Build(status, true, "RetroWalk");
            Assert.AreEqual(AdvertisementCodec.MaxLegacyLength, frames.AdvertisementLength);
            // flags | service data (27 bytes: 0x16 + 26): packet 0, battery 57 %, problem_1 (fall) 1, problem_2 (device
            // fault) 0, safety (tilt) 0, ...: exactly 31 bytes
            CollectionAssert.AreEqual(
                BleBytes.Hex("020106 1B16 D2FC 40 0000 0139 2601 2600 2800 3E D2040000 3E 37020000 3F CEFF"),
                BleBytes.Head(frames.Advertisement, 31));
            Assert.AreEqual(2, AdvertisementCodec.CountStructures(frames.Advertisement, 0, frames.AdvertisementLength));
            Assert.AreEqual(0, frames.Dropped);
        }

        [TestMethod]
        public void ScanResponseCarriesTheNameTheAppearanceAndTheRscService()
        {
            var frames = new AdvertisementFrames();
            TrackerStatus status = BleBytes.SampleStatus();
            status.BatteryPercent = 57;
            frames.Build(status, true, "RetroWalk");
            Assert.AreEqual(19, frames.ScanResponseLength);
            // Complete Local Name | Appearance 0x0443 (on-hip walking sensor) | incomplete 16-bit UUIDs: 0x1814 (RSC)
            CollectionAssert.AreEqual(BleBytes.Hex(ScanResponse), BleBytes.Head(frames.ScanResponse, 19));

            // Without a battery reading the BTHome data is 2 bytes shorter (29 bytes in all), too short a gap for the
            // 4-byte Appearance: the scan response is the same.
            frames.Build(BleBytes.SampleStatus(), true, "RetroWalk");
            Assert.AreEqual(29, frames.AdvertisementLength);
            CollectionAssert.AreEqual(BleBytes.Hex(ScanResponse), BleBytes.Head(frames.ScanResponse, frames.ScanResponseLength));
        }

        [TestMethod]
        public void WithoutBtHomeTheNameIsInTheAdvertisementAndTheCustomUuidInTheScanResponse()
        {
            var frames = new AdvertisementFrames();
            frames.Build(BleBytes.SampleStatus(), false, "RetroWalk");
            CollectionAssert.AreEqual(BleBytes.Hex("020106 " + ScanResponse),
                BleBytes.Head(frames.Advertisement, frames.AdvertisementLength));
            CollectionAssert.AreEqual(BleBytes.Hex("1107 " + ServiceUuidOnAir),
                BleBytes.Head(frames.ScanResponse, frames.ScanResponseLength));
        }

        [TestMethod]
        public void TheBtHomePacketIdMovesOnlyWithTheContent()
        {
            var frames = new AdvertisementFrames();
            TrackerStatus status = BleBytes.SampleStatus();
            frames.Build(status, true, "RetroWalk");
            byte first = frames.PacketId;
            status.Sequence = 99; // status publications in between do not move it
            frames.Build(status, true, "RetroWalk");
            Assert.AreEqual(first, frames.PacketId);
            status.ForwardSteps++;
            frames.Build(status, true, "RetroWalk");
            Assert.AreEqual((byte)(first + 1), frames.PacketId);
            Assert.AreEqual(frames.PacketId, frames.Advertisement[9]);
        }

        private static byte[] Tail(byte[] src, int from)
        {
            byte[] result = new byte[src.Length - from];
            System.Array.Copy(src, from, result, 0, result.Length);
            return result;
        }

        [TestMethod]
        public void NothingIsDroppedWhateverTheName()
        {
            bool[] modes = { true, false };
            string[] names = { "RetroWalk", "RW", "", null, "A device name far longer than any legacy payload" };
            var frames = new AdvertisementFrames();
            for (int m = 0; m < modes.Length; m++)
            {
                for (int n = 0; n < names.Length; n++)
                {
                    frames.Build(BleBytes.SampleStatus(), modes[m], names[n]);
                    Assert.AreEqual(0, frames.Dropped);
                    Assert.IsTrue(AdvertisementCodec.CountStructures(frames.Advertisement, 0, frames.AdvertisementLength) >= 2);
                    int dataLength;
                    bool hasBtHome = AdvertisementCodec.Find(frames.Advertisement, 0, frames.AdvertisementLength,
                        AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out dataLength) > 0;
                    Assert.AreEqual(modes[m], hasBtHome);
                }
            }
        }

        [TestMethod]
        public void ScannerFindsTheBtHomeServiceData()
        {
            var frames = new AdvertisementFrames();
            frames.Build(BleBytes.SampleStatus(), true, "RetroWalk");
            byte[] adv = frames.Advertisement;
            int length = frames.AdvertisementLength;
            int dataLength;
            int at = AdvertisementCodec.Find(adv, 0, length, AdvertisementCodec.TypeServiceData16, BleUuids.BtHome, out dataLength);
            Assert.AreEqual(5, at);
            Assert.AreEqual(BtHomeCodec.ServiceDataLength, dataLength);
            var reading = new BtHomeReading();
            Assert.AreEqual(CodecStatus.Ok, BtHomeCodec.DecodeServiceData(adv, at, dataLength, reading));
            Assert.AreEqual(1234u, reading.Counts[0]);
            Assert.AreEqual(-1, AdvertisementCodec.Find(adv, 0, length, AdvertisementCodec.TypeServiceData16, 0x180F, out dataLength));
            Assert.AreEqual(-1, AdvertisementCodec.Find(adv, 0, length, AdvertisementCodec.TypeCompleteName, 0, out dataLength));
            adv[3] = 40; // a structure running past the end
            Assert.AreEqual(-1, AdvertisementCodec.Find(adv, 0, length, AdvertisementCodec.TypeShortenedName, 0, out dataLength));
            Assert.AreEqual(-1, AdvertisementCodec.CountStructures(adv, 0, length));
        }

        [TestMethod]
        public void ServiceUuidIsWrittenLeastSignificantByteFirst()
        {
            byte[] buf = new byte[16];
            Assert.AreEqual(16, BleUuids.WriteUuid128(BleUuids.Service, buf, 0));
            CollectionAssert.AreEqual(BleBytes.Hex(ServiceUuidOnAir), buf);
            Assert.AreEqual(0, BleUuids.WriteUuid128("00010000-2a3c-4304-b1d2-d9699b546a5", buf, 0));
            Assert.AreEqual(0, BleUuids.WriteUuid128("00010000+2a3c-4304-b1d2-d9699b546a59", buf, 0));
            Assert.AreEqual(0, BleUuids.WriteUuid128("0001000g-2a3c-4304-b1d2-d9699b546a59", buf, 0));
        }
    }

    [TestClass]
    public class AdvertRefreshPolicyTests
    {
        [TestMethod]
        public void FirstAdvertisementIsDueButNeverWhileConnected()
        {
            var policy = new AdvertRefreshPolicy();
            TrackerStatus status = BleBytes.SampleStatus();
            Assert.IsFalse(policy.IsDue(status, 0, true));
            Assert.IsTrue(policy.IsDue(status, 0, false));
        }

        [TestMethod]
        public void NewCountsWaitAMinuteAndAlarmsFiveSeconds()
        {
            var policy = new AdvertRefreshPolicy();
            TrackerStatus status = BleBytes.SampleStatus();
            status.Alarm = AlarmLevel.None;
            policy.MarkAdvertised(status, 1000);
            Assert.IsFalse(policy.IsDue(status, 500000, false));

            status.ForwardSteps++;
            Assert.IsFalse(policy.IsDue(status, 1000 + 59999, false));
            Assert.IsTrue(policy.IsDue(status, 1000 + 60000, false));
            Assert.IsFalse(policy.IsDue(status, 1000 + 60000, true));

            status.Alarm = AlarmLevel.FallAlarm;
            Assert.IsFalse(policy.IsDue(status, 1000 + 4999, false));
            Assert.IsTrue(policy.IsDue(status, 1000 + 5000, false));
            policy.MarkAdvertised(status, 6000);
            Assert.IsFalse(policy.IsDue(status, 7000, false));

            policy.Invalidate();
            Assert.IsTrue(policy.IsDue(status, 11000, false));
        }
    }
}
