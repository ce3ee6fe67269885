#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    /// <summary>
    /// Every write is checked by the session itself against the link (docs/ble.md, Pairing): refused with 0x05 on an
    /// unencrypted link and on an encrypted link without an approved bond, for every writable characteristic, before
    /// anything reaches the device.
    /// </summary>
    [TestClass]
    public class GattWriteSecurityTests
    {
        /// <summary>A valid value for a characteristic (so a refusal cannot come from the value), or one byte.</summary>
        private static string ValidValue(int id)
        {
            switch (id)
            {
                case GattTable.ControlPoint: return "03";
                case GattTable.CurrentTime: return "E8 07 02 1D 0D 2D 1E 04 00 01";
                case GattTable.LocalTimeInformation: return "04 04";
                case GattTable.AlertLevel: return "02";
                default: return "00";
            }
        }

        private static byte Write(GattSessionState session, int id)
        {
            // Config: the settings in force, as read (reads need no pairing).
            byte[] bytes = id == GattTable.Config && session.Read(GattTable.Config, 0, 0) == GattWrites.Accept
                ? BleBytes.Head(session.Value(GattTable.Config), session.ValueLength(GattTable.Config))
                : BleBytes.Hex(ValidValue(id));
            for (int i = 0; i < bytes.Length && i < session.WriteBuffer.Length; i++)
            {
                session.WriteBuffer[i] = bytes[i];
            }

            return session.Write(id, 0, bytes.Length);
        }

        private static GattSessionState Connected(FakeDeviceSinks sinks)
        {
            var session = new GattSessionState(sinks, sinks, new ArrayHistory(3), null);
            session.ConnectionChanged(true);
            for (int id = 0; id < GattTable.Count; id++)
            {
                session.SubscribersChanged(id, 1);
            }

            return session;
        }

        private static bool Writable(int id)
        {
            return GattTable.Can(id, GattTable.PropertyWrite | GattTable.PropertyWriteWithoutResponse);
        }

        private static void AssertRefusedAndNothingHappened(GattSessionState session, FakeDeviceSinks sinks, string link)
        {
            int writable = 0;
            for (int id = 0; id < GattTable.Count; id++)
            {
                if (!Writable(id))
                {
                    continue;
                }

                writable++;
                Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, Write(session, id), GattTable.Name(id) + " on " + link);
            }

            Assert.IsTrue(writable >= 5, "Control point, Config, Current Time, Local Time Information, Alert Level at least");
            Assert.AreEqual(0, sinks.Submits, "no command reached the device (" + link + ")");
            Assert.AreEqual(0, sinks.Applies, "no setting changed (" + link + ")");
            Assert.AreEqual(0u, sinks.ClockUtcEpochS, "the clock was not set (" + link + ")");
            Assert.AreEqual(0, session.TakeNotifications(), "nothing notified (" + link + ")");
            Assert.IsFalse(session.TakeAdvertisementChanged(), "the advertisement is untouched (" + link + ")");
        }

        [TestMethod]
        public void EveryWritableCharacteristicNeedsPairing()
        {
            for (int id = 0; id < GattTable.Count; id++)
            {
                Assert.AreEqual(Writable(id), GattTable.WriteEncrypted(id), GattTable.Name(id));
            }
        }

        [TestMethod]
        public void EveryWriteOnAnUnencryptedLinkIsRefused()
        {
            var sinks = new FakeDeviceSinks();
            AssertRefusedAndNothingHappened(Connected(sinks), sinks, "an unencrypted link");
        }

        [TestMethod]
        public void EveryWriteOnAnEncryptedLinkWithoutAnApprovedBondIsRefused()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = Connected(sinks);
            session.Link.PairingCompleted(true, false, null);
            AssertRefusedAndNothingHappened(session, sinks, "a Just Works link");
        }

        [TestMethod]
        public void ABondedLinkWritesAndADisconnectEndsIt()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = Connected(sinks);
            session.Link.PairingCompleted(true, true, null);
            for (int id = 0; id < GattTable.Count; id++)
            {
                if (Writable(id) && id != GattTable.RawSamples)
                {
                    Assert.AreEqual(GattWrites.Accept, Write(session, id), GattTable.Name(id) + " on a bonded link");
                }
            }

            Assert.AreEqual(2, sinks.Submits, "Identify from the Control point and from Alert Level");
            Assert.AreEqual(2, sinks.Applies, "Config and Local Time Information");

            session.ConnectionChanged(false);
            session.ConnectionChanged(true);
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, Write(session, GattTable.Config), "the next link starts unencrypted");
        }

        [TestMethod]
        public void AWriteToAReadOnlyCharacteristicIsStillWriteNotPermitted()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = Connected(sinks);
            Assert.AreEqual(CodecStatus.AttWriteNotPermitted, Write(session, GattTable.ForwardSteps), "not writable at all");
        }
    }
}
