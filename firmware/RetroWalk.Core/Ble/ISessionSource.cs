namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The walking sessions as the Session and Session log characteristics serve them (docs/ble.md, "Session"), already
    /// encoded in the SessionCodec layout: the BLE side cannot know the session types (they depend on it). Implemented
    /// by Session/SessionSource over the recorder; called from the BLE threads, so implementations are thread-safe.
    /// </summary>
    public interface ISessionSource
    {
        /// <summary>Bytes of the longest encoded session: the summary and every listed interval.</summary>
        int MaxRecordLength { get; }

        /// <summary>Changes whenever a session starts or ends (the Session characteristic then notifies at once).</summary>
        int Generation { get; }

        /// <summary>True while a session runs.</summary>
        bool Running { get; }

        /// <summary>
        /// Writes the running session's summary (flagged in progress), or else the last finished one's, at
        /// <paramref name="offset"/>; returns its length, or 0 when there has been no session yet.
        /// </summary>
        int EncodeCurrent(byte[] dst, int offset);

        /// <summary>
        /// Writes the oldest kept finished session numbered <paramref name="fromNumber"/> or later (summary, then its
        /// listed intervals) at <paramref name="offset"/>; returns its length and <paramref name="number"/>, or 0 when
        /// there is none.
        /// </summary>
        int EncodeFrom(uint fromNumber, byte[] dst, int offset, out uint number);
    }
}
