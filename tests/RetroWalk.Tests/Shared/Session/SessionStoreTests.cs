#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Session;
using RetroWalk.Core.Storage;

namespace RetroWalk.Tests.Session
{
    /// <summary>Sessions kept across reboots: the flash record (SessionStoreCodec) and the two-slot store.</summary>
    [TestClass]
    public class SessionStoreTests
    {
        private const int RateHz = 100;

        /// <summary>Two slots in RAM that survive a "reboot" (a new SessionStore on the same object).</summary>
        private sealed class TwoSlots : ICounterStore
        {
            public readonly byte[][] Data = new byte[2][];

            public int Read(int slot, byte[] buffer)
            {
                byte[] d = Data[slot];
                if (d == null)
                {
                    return 0;
                }

                int n = d.Length < buffer.Length ? d.Length : buffer.Length;
                System.Array.Copy(d, buffer, n);
                return d.Length > buffer.Length ? buffer.Length + 1 : n;
            }

            public bool Write(int slot, byte[] data, int length)
            {
                byte[] copy = new byte[length];
                System.Array.Copy(data, copy, length);
                Data[slot] = copy;
                return true;
            }
        }

        /// <summary>A recorder holding <paramref name="sessions"/> finished sessions with intervals, energy and steadiness.</summary>
        internal static SessionRecorder WithSessions(int sessions)
        {
            var log = new StepLog();
            var r = new SessionRecorder(new UserSettings(), RateHz, SessionStoreCodec.Capacity + 2);
            long t = 1000;
            for (int n = 0; n < sessions; n++)
            {
                r.StartByCommand(t, 1700000000u + (uint)n * 3600);
                for (int leg = 0; leg < 3; leg++)
                {
                    WalkDirection d = (leg & 1) == 0 ? WalkDirection.Forward : WalkDirection.Backward;
                    t += 150;
                    log.Add(t, 3, 150, d);
                    for (int i = 0; i < 40 + n; i++)
                    {
                        int step = (i & 1) == 0 ? 52 + leg : 49;
                        t += step;
                        log.Add(t, 1, step, d);
                        if (i % 8 == 0)
                        {
                            r.Update(log, t, 0);
                        }
                    }

                    r.Update(log, t, 0);
                    t += 400;
                }

                r.EndByCommand(t);
            }

            return r;
        }

        private static byte[] Ble(SessionRecord s)
        {
            byte[] b = new byte[SessionCodec.SummaryLength + SessionRecord.MaxIntervals * SessionCodec.IntervalLength];
            int n = SessionCodec.EncodeSummary(s, b, 0);
            for (int k = 0; k < s.IntervalCount; k++)
            {
                n += SessionCodec.EncodeInterval(s, k, b, n);
            }

            return b;
        }

        private static void AssertSameBytes(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(expected.Length, actual.Length, what);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], what + " byte " + i.ToString());
            }
        }

        [TestMethod]
        public void TheLastEightSessionsComeBackWithTheSameBleBytes()
        {
            SessionRecorder before = WithSessions(SessionStoreCodec.Capacity + 2);
            var slots = new TwoSlots();
            Assert.IsTrue(new SessionStore(slots).Save(before));

            var after = new SessionRecorder(new UserSettings(), RateHz, SessionStoreCodec.Capacity);
            var store = new SessionStore(slots);
            Assert.AreEqual((int)RestoreOutcome.Restored, (int)store.Restore(after));
            Assert.AreEqual(SessionStoreCodec.Capacity, after.History.Count);
            Assert.AreEqual(before.NextNumber, after.NextNumber);
            for (int i = 0; i < SessionStoreCodec.Capacity; i++)
            {
                SessionRecord b = before.History.Get(i + 2);
                SessionRecord a = after.History.Get(i);
                AssertSameBytes(Ble(b), Ble(a), "session " + i.ToString());
                Assert.IsTrue(b.BackwardSteadiness.Bouts > 0, "steadiness was measured");
                Assert.AreEqual(b.BackwardSteadiness.CvPermille, a.BackwardSteadiness.CvPermille);
                Assert.AreEqual(b.ForwardMilliKcal, a.ForwardMilliKcal);
            }
        }

        [TestMethod]
        public void AVersion1RecordKeepsTheVariabilityItShowed()
        {
            // Version 1 kept step-time squares (CV² = squares / (steps − bouts)); version 2 keeps stride squares.
            SessionRecorder before = WithSessions(1);
            var slots = new TwoSlots();
            Assert.IsTrue(new SessionStore(slots).Save(before));
            byte[] record = slots.Data[0] ?? slots.Data[1];
            SessionRecord session = before.History.Get(0);
            Steadiness backward = session.BackwardSteadiness;
            int steps = backward.Steps, bouts = backward.Bouts;
            int meanMs = (int)(backward.SumMs / steps);
            long stepSquares = (long)(steps - bouts) * 25 * 25; // an SD of 25 ms
            int backwardSquaresAt = SessionStoreCodec.HeaderBytes + 68 + 4;
            RetroWalk.Core.Bytes.LittleEndian.PutU16(record, 4, SessionStoreCodec.StepSquaresVersion);
            RetroWalk.Core.Bytes.LittleEndian.PutU32(record, backwardSquaresAt, (uint)stepSquares);
            RetroWalk.Core.Bytes.LittleEndian.PutU32(record, SessionStoreCodec.CrcOffset, RetroWalk.Core.Bytes.Crc32.Compute(record, 0, SessionStoreCodec.CrcOffset));

            var after = new SessionRecorder(new UserSettings(), RateHz, SessionStoreCodec.Capacity);
            Assert.AreEqual((int)RestoreOutcome.Restored, (int)new SessionStore(slots).Restore(after));
            int cv = after.History.Get(0).BackwardSteadiness.CvPermille;
            int expected = 25 * 1000 / meanMs;
            Assert.IsTrue(cv >= expected - 1 && cv <= expected + 1, "cv " + cv.ToString() + " expected " + expected.ToString());
        }

        [TestMethod]
        public void ADamagedNewestSlotFallsBackToThePreviousSave()
        {
            var slots = new TwoSlots();
            var store = new SessionStore(slots);
            SessionRecorder three = WithSessions(3);
            store.Save(three);
            SessionRecorder four = WithSessions(4);
            store.Save(four);
            // The newest save (four sessions) is damaged: one flipped bit fails its CRC.
            byte[] newest = slots.Data[(int)(store.Sequence % 2)];
            newest[SessionStoreCodec.HeaderBytes + 7] ^= 0x10;

            var after = new SessionRecorder(new UserSettings(), RateHz, SessionStoreCodec.Capacity);
            var again = new SessionStore(slots);
            Assert.AreEqual((int)RestoreOutcome.RestoredOlder, (int)again.Restore(after));
            Assert.AreEqual(3, after.History.Count);
            Assert.IsTrue(again.Message.IndexOf("checksum") >= 0, again.Message);
        }

        [TestMethod]
        public void AnInconsistentRecordWithAGoodChecksumIsRejected()
        {
            var slots = new TwoSlots();
            new SessionStore(slots).Save(WithSessions(2));
            byte[] record = slots.Data[1];
            // An interval whose direction is neither forward nor backward, re-sealed with a valid CRC.
            record[SessionStoreCodec.HeaderBytes + 80] = 7;
            RetroWalk.Core.Bytes.LittleEndian.PutU32(record, SessionStoreCodec.CrcOffset,
                RetroWalk.Core.Bytes.Crc32.Compute(record, 0, SessionStoreCodec.CrcOffset));

            var after = new SessionRecorder(new UserSettings(), RateHz, SessionStoreCodec.Capacity);
            var store = new SessionStore(slots);
            Assert.AreEqual((int)RestoreOutcome.Unreadable, (int)store.Restore(after));
            Assert.AreEqual(0, after.History.Count, "nothing half-restored");
            Assert.AreEqual(1u, after.NextNumber);
        }

        [TestMethod]
        public void NothingSavedIsAFreshStartAndForeignFilesAreNamed()
        {
            var slots = new TwoSlots();
            var after = new SessionRecorder(new UserSettings(), RateHz, 2);
            Assert.AreEqual((int)RestoreOutcome.Fresh, (int)new SessionStore(slots).Restore(after));
            slots.Data[0] = new byte[SessionStoreCodec.Size];
            slots.Data[1] = new byte[12];
            var store = new SessionStore(slots);
            Assert.AreEqual((int)RestoreOutcome.Unreadable, (int)store.Restore(after));
            Assert.IsTrue(store.Message.IndexOf("Session slot 0") >= 0 && store.Message.IndexOf("Session slot 1") >= 0, store.Message);
        }
    }
}
