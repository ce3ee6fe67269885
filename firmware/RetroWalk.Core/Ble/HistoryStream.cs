using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Packs one History transfer into notifications without allocating: <see cref="Begin"/> once, then
    /// <see cref="Next"/> until it returns 0. The source is read record by record as packets are built, by hour key
    /// (the next record is the oldest one after the last sent), so an hour dropped or added during the transfer never
    /// makes it skip or repeat a record.
    /// </summary>
    public sealed class HistoryStream
    {
        private IHistorySource _source;
        private int _recordsPerPacket;
        private uint _nextEpochS;
        private int _sent;
        private bool _terminated;
        private bool _done;

        public bool Active
        {
            get { return _source != null && !_terminated; }
        }

        /// <summary>Records sent so far in this transfer (excluding the terminator).</summary>
        public int RecordsSent
        {
            get { return _sent; }
        }

        public void Begin(IHistorySource source, uint sinceEpochS, int payloadLength)
        {
            _source = source;
            int perPacket = payloadLength / HistoryCodec.RecordLength;
            _recordsPerPacket = perPacket < 1 ? 1 : perPacket;
            _nextEpochS = sinceEpochS;
            _sent = 0;
            _terminated = false;
            _done = false;
        }

        /// <summary>Writes the next notification into <paramref name="dst"/> and returns its length; 0 when done.</summary>
        public int Next(byte[] dst, int offset)
        {
            if (!Active || !StatusCodec.Fits(dst, offset, _recordsPerPacket * HistoryCodec.RecordLength))
            {
                return 0;
            }

            int written = 0;
            for (int slot = 0; slot < _recordsPerPacket; slot++)
            {
                uint epoch = 0;
                ushort forward = 0;
                ushort backward = 0;
                bool found = !_done && _source.FindFrom(_nextEpochS, out epoch, out forward, out backward)
                    && epoch != HistoryCodec.TerminatorEpoch;
                if (found)
                {
                    written += HistoryCodec.EncodeRecord(epoch, forward, backward, dst, offset + written);
                    _sent++;
                    _done = epoch == HistoryCodec.TerminatorEpoch - 1;
                    _nextEpochS = epoch + 1;
                }
                else
                {
                    ushort total = _sent > 0xFFFF ? (ushort)0xFFFF : (ushort)_sent;
                    written += HistoryCodec.EncodeRecord(HistoryCodec.TerminatorEpoch, total, 0, dst, offset + written);
                    _terminated = true;
                    break;
                }
            }

            return written;
        }
    }
}
