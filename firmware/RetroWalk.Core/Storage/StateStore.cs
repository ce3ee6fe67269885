namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// Saves the device state alternately into two slots, each record carrying a sequence number and a CRC-32, and at
    /// boot restores the newest valid one. A power cut during a save damages only the slot being written, so at most
    /// the changes since the previous save are lost. A failed save does not advance the sequence: the retry goes to
    /// the same slot and the last good record stays untouched.
    /// </summary>
    public sealed class StateStore
    {
        public const int SlotCount = 2;

        private readonly ICounterStore _store;
        private readonly byte[] _buffer = new byte[StateCodec.Size];
        private uint _sequence;
        private uint _candidateSequence;

        public StateStore(ICounterStore store)
        {
            _store = store;
        }

        /// <summary>Sequence number of the last record saved or restored.</summary>
        public uint Sequence { get { return _sequence; } }

        /// <summary>Saves that failed (the store reported an error).</summary>
        public int FailedSaves { get; private set; }

        /// <summary>What the last restore found, one sentence per damaged slot (empty when all was well).</summary>
        public string Message { get; private set; } = "";

        public RestoreOutcome Restore(DeviceState state)
        {
            Message = "";
            int damaged = 0;
            bool valid0 = CheckSlot(0, ref damaged);
            uint sequence0 = _candidateSequence;
            bool valid1 = CheckSlot(1, ref damaged);
            uint sequence1 = _candidateSequence;

            // Newest valid slot first; if it fails to decode, the other one.
            int first = valid0 && (!valid1 || (int)(sequence0 - sequence1) > 0) ? 0 : 1;
            for (int i = 0; i < SlotCount; i++)
            {
                int slot = i == 0 ? first : 1 - first;
                if (!(slot == 0 ? valid0 : valid1))
                {
                    continue;
                }

                uint sequence;
                bool settingsDefaulted = false;
                StateError error = StateCodec.Check(_buffer, _store.Read(slot, _buffer), out sequence);
                if (error == StateError.None)
                {
                    error = StateCodec.Decode(_buffer, state, out settingsDefaulted);
                }

                if (error == StateError.None)
                {
                    if (settingsDefaulted)
                    {
                        Message += (Message.Length == 0 ? "" : " ") + "A stored setting was out of range; its default is used.";
                    }

                    _sequence = sequence;
                    return damaged == 0 ? RestoreOutcome.Restored : RestoreOutcome.RestoredOlder;
                }

                damaged++;
                AddMessage(slot, error);
            }

            return damaged == 0 ? RestoreOutcome.Fresh : RestoreOutcome.Unreadable;
        }

        /// <summary>What a restore outcome means, for the boot log (device and host emulation alike).</summary>
        public static string Describe(RestoreOutcome outcome)
        {
            switch (outcome)
            {
                case RestoreOutcome.Restored: return "restored";
                case RestoreOutcome.RestoredOlder: return "restored the previous save (the newest was damaged)";
                case RestoreOutcome.Fresh: return "nothing saved yet, counting from zero";
                default: return "NO VALID SAVE, counting from zero";
            }
        }

        private bool CheckSlot(int slot, ref int damaged)
        {
            StateError error = StateCodec.Check(_buffer, _store.Read(slot, _buffer), out _candidateSequence);
            if (error != StateError.None && error != StateError.Empty)
            {
                damaged++;
                AddMessage(slot, error);
            }

            return error == StateError.None;
        }

        private void AddMessage(int slot, StateError error)
        {
            Message += (Message.Length == 0 ? "" : " ") + "State slot " + slot + ": " + StateCodec.Describe(error) + ".";
        }

        /// <summary>Writes <paramref name="state"/> into the slot after the last one written; false (and counted) on a store error.</summary>
        public bool Save(DeviceState state)
        {
            uint next = _sequence + 1;
            StateCodec.Encode(state, next, _buffer);
            if (!_store.Write((int)(next % SlotCount), _buffer, StateCodec.Size))
            {
                FailedSaves++;
                return false;
            }

            _sequence = next;
            return true;
        }
    }
}
