#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Ble
{
    /// <summary>Recording mode in the GATT session (docs/ble.md, Raw samples), as the device adapter and the dashboard's bridge use it.</summary>
    [TestClass]
    public class GattRecordingTests
    {
        private static GattSessionState NewSession(RecordingControl recording)
        {
            FakeDeviceSinks sinks = new FakeDeviceSinks();
            GattSessionState session = new GattSessionState(sinks, sinks, new ArrayHistory(0), null);
            if (recording != null)
            {
                session.AttachRecording(recording, new SensorConfig());
            }

            session.ConnectionChanged(true);
            BondedLink.Approve(session);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            return session;
        }

        private static string ControlPoint(GattSessionState session, string hex)
        {
            byte[] bytes = BleBytes.Hex(hex);
            for (int i = 0; i < bytes.Length; i++)
            {
                session.WriteBuffer[i] = bytes[i];
            }

            Assert.AreEqual(GattWrites.Accept, session.Write(GattTable.ControlPoint, 0, bytes.Length));
            session.TakeNotifications();
            return BleBytes.ToHex(session.Value(GattTable.ControlPoint), 0, session.ValueLength(GattTable.ControlPoint));
        }

        private static string ReadFormat(GattSessionState session)
        {
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.RawSamples, 0, 0));
            return BleBytes.ToHex(session.Value(GattTable.RawSamples), 0, session.ValueLength(GattTable.RawSamples));
        }

        [TestMethod]
        public void RawSamplesIsAReadAndNotifyCharacteristicOfTheService()
        {
            Assert.AreEqual(GattTable.ServiceRetroWalk, GattTable.Service(GattTable.RawSamples));
            Assert.AreEqual(BleUuids.RawSamples, GattTable.CustomUuid(GattTable.RawSamples));
            Assert.IsTrue(GattTable.Can(GattTable.RawSamples, GattTable.PropertyRead));
            Assert.IsTrue(GattTable.Can(GattTable.RawSamples, GattTable.PropertyNotify));
            Assert.IsFalse(GattTable.Can(GattTable.RawSamples, GattTable.PropertyWrite));
        }

        [TestMethod]
        public void StartNeedsTheSubscriptionAndPacksForTheMtu()
        {
            RecordingControl recording = new RecordingControl();
            GattSessionState session = NewSession(recording);
            Assert.AreEqual("0100640008F401", ReadFormat(session));
            Assert.AreEqual("801104", ControlPoint(session, "11"), "failed without the Raw samples subscription");
            session.SubscribersChanged(GattTable.RawSamples, 1);
            session.MtuChanged(247);
            Assert.AreEqual("801101", ControlPoint(session, "11"));
            Assert.IsTrue(recording.IsOn);
            int generation;
            int perPacket;
            recording.Read(out generation, out perPacket);
            Assert.AreEqual(20, perPacket, "20 samples at ATT_MTU 247");
            Assert.AreEqual("0101640008F401", ReadFormat(session), "the format read says recording");
            Assert.AreEqual("801201", ControlPoint(session, "12"));
            Assert.IsFalse(recording.IsOn);
        }

        [TestMethod]
        public void UnsubscribingOrALinkDropStopsIt()
        {
            RecordingControl recording = new RecordingControl();
            GattSessionState session = NewSession(recording);
            session.SubscribersChanged(GattTable.RawSamples, 1);
            ControlPoint(session, "11");
            session.SubscribersChanged(GattTable.RawSamples, 0);
            Assert.IsFalse(recording.IsOn, "unsubscribed");

            session.SubscribersChanged(GattTable.RawSamples, 1);
            ControlPoint(session, "11");
            Assert.IsTrue(recording.IsOn);
            session.ConnectionChanged(false);
            Assert.IsFalse(recording.IsOn, "link dropped");
        }

        [TestMethod]
        public void WithoutRecordingAttachedTheOpsAreNotSupported()
        {
            GattSessionState session = NewSession(null);
            session.SubscribersChanged(GattTable.RawSamples, 1);
            Assert.AreEqual("801102", ControlPoint(session, "11"));
            Assert.AreEqual("801202", ControlPoint(session, "12"));
            Assert.AreEqual("0100640008F401", ReadFormat(session), "the format of the default sensor settings, not recording");
        }
    }
}
