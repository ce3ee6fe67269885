using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Keeps the last <see cref="SessionStoreCodec.Capacity"/> sessions across reboots the way <see cref="StateStore"/>
    /// keeps the counts: two slots (two files) written alternately, each record with a sequence number and a CRC-32;
    /// at boot the newest valid slot is restored, the other when it is damaged. A power cut during a save damages only
    /// the slot being written, so at most the session that ended last is lost. A failed save does not advance the
    /// sequence. Saved once per finished session (not per sample, not per loop).
    /// </summary>
    public sealed class SessionStore
    {
        private readonly ICounterStore _store;
        private readonly byte[] _buffer = new byte[SessionStoreCodec.Size];
        private readonly SessionRecord _scratch = new SessionRecord();
        private readonly int[] _figures = new int[SessionCodec.FigureCount];
        private uint _sequence;

        public SessionStore(ICounterStore store)
        {
            _store = store;
        }

        public uint Sequence { get { return _sequence; } }

        public int FailedSaves { get; private set; }

        /// <summary>What the last restore found, one sentence per damaged slot (empty when all was well).</summary>
        public string Message { get; private set; } = "";

        /// <summary>
        /// Saves the recorder's finished sessions and next number, and the running session as far as it has got if it
        /// would be kept (so a power cut loses at most what followed the last save); false (and counted) on a store error.
        /// </summary>
        public bool Save(SessionRecorder recorder)
        {
            uint next = _sequence + 1;
            SessionStoreCodec.Encode(recorder.History, recorder.CurrentWouldBeKept ? recorder.Current : null, recorder.NextNumber, next, _buffer);
            if (!_store.Write((int)(next % StateStore.SlotCount), _buffer, SessionStoreCodec.Size))
            {
                FailedSaves++;
                return false;
            }

            _sequence = next;
            return true;
        }

        /// <summary>Restores the kept sessions into the recorder's history (before any session runs).</summary>
        public RestoreOutcome Restore(SessionRecorder recorder)
        {
            Message = "";
            int damaged = 0;
            uint sequence0;
            uint sequence1;
            bool valid0 = CheckSlot(0, ref damaged, out sequence0);
            bool valid1 = CheckSlot(1, ref damaged, out sequence1);
            int first = valid0 && (!valid1 || (int)(sequence0 - sequence1) > 0) ? 0 : 1;
            for (int i = 0; i < StateStore.SlotCount; i++)
            {
                int slot = i == 0 ? first : 1 - first;
                if (!(slot == 0 ? valid0 : valid1))
                {
                    continue;
                }

                uint sequence;
                uint nextNumber = 1;
                StateError error = SessionStoreCodec.Check(_buffer, _store.Read(slot, _buffer), out sequence);
                if (error == StateError.None)
                {
                    error = SessionStoreCodec.Decode(_buffer, recorder.History, _scratch, _figures, out nextNumber);
                }

                if (error == StateError.None)
                {
                    _sequence = sequence;
                    recorder.NextNumber = nextNumber;
                    return damaged == 0 ? RestoreOutcome.Restored : RestoreOutcome.RestoredOlder;
                }

                damaged++;
                AddMessage(slot, error);
            }

            recorder.History.Clear();
            return damaged == 0 ? RestoreOutcome.Fresh : RestoreOutcome.Unreadable;
        }

        private bool CheckSlot(int slot, ref int damaged, out uint sequence)
        {
            StateError error = SessionStoreCodec.Check(_buffer, _store.Read(slot, _buffer), out sequence);
            if (error != StateError.None && error != StateError.Empty)
            {
                damaged++;
                AddMessage(slot, error);
            }

            return error == StateError.None;
        }

        private void AddMessage(int slot, StateError error)
        {
            Message += (Message.Length == 0 ? "" : " ") + "Session slot " + slot + ": " + StateCodec.Describe(error) + ".";
        }
    }
}
