#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;
using RetroWalk.Core.Session;
using RetroWalk.Tests.Session;

namespace RetroWalk.Tests.Ble
{
    /// <summary>
    /// The Session characteristic and the download of past sessions (Control Point 0x13, Session log), through the
    /// GATT session as the device adapter and the emulated phone use it: the stream's layout, the transfer rules as
    /// History's, and sessions ending or dropped during a download.
    /// </summary>
    [TestClass]
    public class SessionLogTransferTests
    {
        private const int MaxStream = 8192;

        private static GattSessionState Connected(ISessionSource sessions, int attMtu)
        {
            var sinks = new FakeDeviceSinks();
            var session = new GattSessionState(sinks, sinks, new ArrayHistory(0), null);
            session.AttachSessions(sessions);
            session.ConnectionChanged(true);
            BondedLink.Approve(session);
            session.MtuChanged(attMtu);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            session.SubscribersChanged(GattTable.SessionLog, 1);
            session.SubscribersChanged(GattTable.Session, 1);
            return session;
        }

        private static string Request(GattSessionState session, uint fromNumber)
        {
            byte[] request = new byte[ControlPointCodec.MaxRequestLength];
            int n = ControlPointCodec.EncodeRequest(ControlOp.RequestSessions, fromNumber, request, 0);
            for (int i = 0; i < n; i++)
            {
                session.WriteBuffer[i] = request[i];
            }

            Assert.AreEqual(GattWrites.Accept, session.Write(GattTable.ControlPoint, 0, n));
            return BleBytes.ToHex(session.Value(GattTable.ControlPoint), 0, session.ValueLength(GattTable.ControlPoint));
        }

        /// <summary>
        /// Takes up to <paramref name="maxPackets"/> notifications, checks their sequence bytes continue from
        /// <paramref name="sequence"/> and their length fits the MTU, appends their stream bytes at <paramref name="length"/>.
        /// </summary>
        private static int Take(GattSessionState session, byte[] stream, ref int length, ref int sequence, int maxPackets)
        {
            int packets = 0;
            int n;
            while (packets < maxPackets && (n = session.NextSessionLogPacket()) > 0)
            {
                byte[] value = session.Value(GattTable.SessionLog);
                Assert.IsTrue(n <= session.AttMtu - 3, "a notification fits ATT_MTU - 3");
                Assert.AreEqual((byte)sequence, value[0], "sequence bytes count up from 0");
                sequence++;
                System.Array.Copy(value, SessionStream.HeaderLength, stream, length, n - SessionStream.HeaderLength);
                length += n - SessionStream.HeaderLength;
                packets++;
            }

            return packets;
        }

        /// <summary>
        /// Walks a whole stream; returns the session numbers in order (checking each record's bytes against the session
        /// of that number in <paramref name="expected"/>, or <paramref name="dropped"/>) and the end marker's count.
        /// </summary>
        private static uint[] Parse(byte[] stream, int length, SessionRecorder expected, SessionRecord dropped, out int endCount)
        {
            uint[] numbers = new uint[64];
            int count = 0;
            int at = 0;
            endCount = -1;
            byte[] encoded = new byte[SessionCodec.MaxRecordLength];
            while (at < length)
            {
                if (LittleEndian.GetU32(stream, at) == SessionStream.EndMarkerNumber)
                {
                    endCount = LittleEndian.GetU16(stream, at + 4);
                    Assert.AreEqual(0, LittleEndian.GetU16(stream, at + 6));
                    Assert.AreEqual(length, at + SessionStream.EndMarkerLength, "the end marker ends the stream");
                    break;
                }

                uint number = LittleEndian.GetU32(stream, at);
                int recordLength = SessionCodec.SummaryLength + SessionCodec.ListedIntervals(stream, at) * SessionCodec.IntervalLength;
                SessionRecord kept = dropped != null && dropped.Number == number ? dropped : Find(expected, number);
                Assert.IsNotNull(kept, "session " + number + " was kept when it was sent");
                Assert.AreEqual(recordLength, SessionCodec.EncodeSession(kept, encoded, 0));
                for (int i = 0; i < recordLength; i++)
                {
                    Assert.AreEqual(encoded[i], stream[at + i], "session " + number + " byte " + i);
                }

                Assert.IsFalse(SessionCodec.InProgress(stream, at), "a downloaded session is finished");
                numbers[count++] = number;
                at += recordLength;
            }

            Assert.AreNotEqual(-1, endCount, "the stream ends with the marker");
            uint[] result = new uint[count];
            System.Array.Copy(numbers, result, count);
            return result;
        }

        private static SessionRecord Find(SessionRecorder recorder, uint number)
        {
            for (int i = 0; i < recorder.History.Count; i++)
            {
                if (recorder.History.Get(i).Number == number)
                {
                    return recorder.History.Get(i);
                }
            }

            return null;
        }

        private static void AssertNumbers(uint[] expected, uint[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "sessions received");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "session at position " + i);
            }
        }

        [TestMethod]
        public void EverySessionIsSentWholeOldestFirstThenTheEndMarkerAtAnyMtu()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(8);
            int[] mtus = { GattSessionState.DefaultAttMtu, 100, 247 };
            int previousPackets = int.MaxValue;
            for (int m = 0; m < mtus.Length; m++)
            {
                GattSessionState session = Connected(new SessionSource(recorder), mtus[m]);
                Assert.AreEqual("801301", Request(session, 0));
                byte[] stream = new byte[MaxStream];
                int length = 0;
                int sequence = 0;
                int packets = Take(session, stream, ref length, ref sequence, 10000);
                Assert.IsFalse(session.SessionLogActive);
                int endCount;
                AssertNumbers(new uint[] { 1, 2, 3, 4, 5, 6, 7, 8 }, Parse(stream, length, recorder, null, out endCount));
                Assert.AreEqual(8, endCount);
                int payload = mtus[m] - 3 - SessionStream.HeaderLength;
                Assert.AreEqual((length + payload - 1) / payload, packets, "every notification but the last is full");
                Assert.IsTrue(packets < previousPackets, "a larger MTU takes fewer notifications");
                previousPackets = packets;
            }
        }

        [TestMethod]
        public void TheRequestNamesTheFirstSessionWanted()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(8);
            GattSessionState session = Connected(new SessionSource(recorder), 247);
            Assert.AreEqual("801301", Request(session, 6));
            byte[] stream = new byte[MaxStream];
            int length = 0;
            int sequence = 0;
            Take(session, stream, ref length, ref sequence, 10000);
            int endCount;
            AssertNumbers(new uint[] { 6, 7, 8 }, Parse(stream, length, recorder, null, out endCount));
            Assert.AreEqual(3, endCount);

            Assert.AreEqual("801301", Request(session, 9), "nothing that new: the marker alone");
            length = 0;
            sequence = 0;
            Assert.AreEqual(1, Take(session, stream, ref length, ref sequence, 10000));
            AssertNumbers(new uint[0], Parse(stream, length, recorder, null, out endCount));
            Assert.AreEqual(0, endCount);
        }

        [TestMethod]
        public void SessionsEndingAndDroppedDuringADownloadAreNeitherSkippedNorRepeatedNorTorn()
        {
            // A full history (10 here): two more sessions end during the download and push out sessions 1 and 2.
            SessionRecorder recorder = SessionStoreTests.WithSessions(10);
            SessionRecord first = new SessionRecord();
            first.CopyFrom(recorder.History.Get(0));
            GattSessionState session = Connected(new SessionSource(recorder), GattSessionState.DefaultAttMtu);
            Assert.AreEqual("801301", Request(session, 0));
            byte[] stream = new byte[MaxStream];
            int length = 0;
            int sequence = 0;
            Assert.AreEqual(1, Take(session, stream, ref length, ref sequence, 1), "the first part of session 1");

            SessionRecord extra = new SessionRecord();
            for (uint number = 11; number <= 12; number++)
            {
                extra.CopyFrom(recorder.History.Get(recorder.History.Count - 1));
                extra.Number = number;
                recorder.History.Add(extra);
            }

            Assert.AreEqual(3u, recorder.History.Get(0).Number, "sessions 1 and 2 are gone");
            Take(session, stream, ref length, ref sequence, 10000);

            // Session 1 was copied whole before its first byte went out (it arrives as it was when the download began);
            // 2 was dropped before its turn; 11 and 12 are newer than the last sent, so they follow.
            int endCount;
            uint[] numbers = Parse(stream, length, recorder, first, out endCount);
            AssertNumbers(new uint[] { 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, numbers);
            Assert.AreEqual(11, endCount);
        }

        [TestMethod]
        public void ASecondRequestDuringADownloadIsRefusedAndTheFirstGoesOn()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(8);
            GattSessionState session = Connected(new SessionSource(recorder), GattSessionState.DefaultAttMtu);
            Assert.AreEqual("801301", Request(session, 0));
            byte[] stream = new byte[MaxStream];
            int length = 0;
            int sequence = 0;
            Take(session, stream, ref length, ref sequence, 3);
            Assert.AreEqual("801304", Request(session, 5), "one download at a time");
            Take(session, stream, ref length, ref sequence, 10000);
            int endCount;
            AssertNumbers(new uint[] { 1, 2, 3, 4, 5, 6, 7, 8 }, Parse(stream, length, recorder, null, out endCount));
            Assert.AreEqual("801301", Request(session, 5), "after the end marker a new request starts");
        }

        [TestMethod]
        public void ARequestWithoutTheSessionLogSubscriptionFailsAndWithoutSessionsIsUnsupported()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(2);
            GattSessionState session = Connected(new SessionSource(recorder), GattSessionState.DefaultAttMtu);
            session.SubscribersChanged(GattTable.SessionLog, 0);
            Assert.AreEqual("801304", Request(session, 0));
            Assert.IsFalse(session.SessionLogActive);
            Assert.AreEqual(0, session.NextSessionLogPacket());

            var sinks = new FakeDeviceSinks();
            var bare = new GattSessionState(sinks, sinks, null, null);
            bare.ConnectionChanged(true);
            BondedLink.Approve(bare);
            bare.SubscribersChanged(GattTable.ControlPoint, 1);
            bare.SubscribersChanged(GattTable.SessionLog, 1);
            Assert.AreEqual("801302", Request(bare, 0));
            Assert.AreEqual(GattWrites.Accept, bare.Read(GattTable.Session, 0, 0));
            Assert.AreEqual(0, bare.ValueLength(GattTable.Session), "no sessions: an empty value");
        }

        [TestMethod]
        public void UnsubscribingOrDisconnectingEndsTheDownload()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(8);
            GattSessionState session = Connected(new SessionSource(recorder), GattSessionState.DefaultAttMtu);
            Request(session, 0);
            Assert.IsTrue(session.NextSessionLogPacket() > 0);
            session.SubscribersChanged(GattTable.SessionLog, 0);
            Assert.IsFalse(session.SessionLogActive);
            Assert.AreEqual(0, session.NextSessionLogPacket());

            session.SubscribersChanged(GattTable.SessionLog, 1);
            Request(session, 0);
            Assert.IsTrue(session.NextSessionLogPacket() > 0);
            session.ConnectionChanged(false);
            Assert.AreEqual(0, session.NextSessionLogPacket());
        }

        [TestMethod]
        public void TheSessionCharacteristicIsTheRunningOrLastSessionNotifiedWhenOneStartsOrEnds()
        {
            var recorder = new SessionRecorder(new UserSettings(), 100, SessionStoreCodec.Capacity);
            var sessions = new SessionSource(recorder);
            GattSessionState session = Connected(sessions, GattSessionState.DefaultAttMtu);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.Session, 0, 0));
            Assert.AreEqual(0, session.ValueLength(GattTable.Session), "no session yet");
            var status = new RetroWalk.Core.Status.TrackerStatus();
            session.BeforeAdvertise(status, 0);
            Assert.AreEqual(0, session.TakeNotifications() & GattSessionState.Bit(GattTable.Session));

            sessions.StartByCommand(1000, 1700000000u);
            session.BeforeAdvertise(status, 1000);
            Assert.AreEqual(GattSessionState.Bit(GattTable.Session), session.TakeNotifications() & GattSessionState.Bit(GattTable.Session), "at once when it starts");
            byte[] value = session.Value(GattTable.Session);
            Assert.AreEqual(SessionCodec.SummaryLength, session.ValueLength(GattTable.Session));
            Assert.IsTrue(SessionCodec.InProgress(value, 0));
            Assert.AreEqual(recorder.NextNumber, LittleEndian.GetU32(value, 0), "the number it will get");

            session.BeforeAdvertise(status, 1000 + GattSessionState.SessionNotifyIntervalMs - 1);
            Assert.AreEqual(0, session.TakeNotifications() & GattSessionState.Bit(GattTable.Session), "not more than once a minute while it runs");
            session.BeforeAdvertise(status, 1000 + GattSessionState.SessionNotifyIntervalMs);
            Assert.AreEqual(GattSessionState.Bit(GattTable.Session), session.TakeNotifications() & GattSessionState.Bit(GattTable.Session));

            Assert.IsTrue(sessions.EndByCommand(9000));
            session.BeforeAdvertise(status, 1000 + GattSessionState.SessionNotifyIntervalMs + 100);
            Assert.AreEqual(GattSessionState.Bit(GattTable.Session), session.TakeNotifications() & GattSessionState.Bit(GattTable.Session), "at once when it ends");
            Assert.IsFalse(SessionCodec.InProgress(value, 0));
            Assert.AreEqual(1u, LittleEndian.GetU32(value, 0));
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.Session, 0, 0));
            Assert.AreEqual(1u, LittleEndian.GetU32(session.Value(GattTable.Session), 0), "a read after it ended: the last session");
            session.BeforeAdvertise(status, 1000 + 3 * GattSessionState.SessionNotifyIntervalMs);
            Assert.AreEqual(0, session.TakeNotifications() & GattSessionState.Bit(GattTable.Session), "nothing runs: no periodic notification");
        }
    }
}
