using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Host.Ble
{
    [TestClass]
    public class BleUuidTests
    {
        private static readonly string[] Custom =
        {
            BleUuids.Service, BleUuids.ForwardSteps, BleUuids.BackwardSteps, BleUuids.Snapshot, BleUuids.TiltAlarm,
            BleUuids.ControlPoint, BleUuids.Config, BleUuids.History, BleUuids.BackwardSession, BleUuids.Cadence, BleUuids.Tilt,
        };

        [TestMethod]
        public void CustomUuidsShareTheBaseAreUniqueAndParseAsGuids()
        {
            var seen = new HashSet<Guid>();
            foreach (string uuid in Custom)
            {
                Assert.IsTrue(uuid.StartsWith("0001", StringComparison.Ordinal), uuid);
                Assert.IsTrue(uuid.EndsWith("-2a3c-4304-b1d2-d9699b546a59", StringComparison.Ordinal), uuid);
                Assert.IsTrue(seen.Add(Guid.Parse(uuid)), uuid);
            }
        }

        [TestMethod]
        public void OnAirOrderIsTheReverseOfTheCanonicalBytes()
        {
            foreach (string uuid in Custom)
            {
                byte[] onAir = new byte[16];
                Assert.AreEqual(16, BleUuids.WriteUuid128(uuid, onAir, 0));
                byte[] canonical = Guid.Parse(uuid).ToByteArray(bigEndian: true);
                Array.Reverse(canonical);
                CollectionAssert.AreEqual(canonical, onAir, uuid);
            }
        }

        [TestMethod]
        public void StatusCharacteristicTableUsesEachUuidOnce()
        {
            var seen = new HashSet<string>();
            for (int c = 0; c < StatusCharacteristics.Count; c++)
            {
                Assert.IsTrue(seen.Add(StatusCharacteristics.Uuid(c)));
                Assert.IsLessThanOrEqualTo(20, StatusCharacteristics.Encode(c, new RetroWalk.Core.Status.TrackerStatus(), new byte[StatusCharacteristics.MaxLength], 0));
            }
        }
    }
}
