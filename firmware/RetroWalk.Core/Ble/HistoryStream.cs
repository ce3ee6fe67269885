using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Packs one History transfer into notifications without allocating: <see cref="Begin"/> once, then
    /// <see cref="Next"/> until it returns 0. The source is read record by record as packets are built.
    /// </summary>
    public sealed class HistoryStream
    {
        private IHistorySource _source;
        private uint _sinceEpochS;
        private int _recordsPerPacket;
        private int _nextIndex;
        private int _sent;
        private bool _terminated;

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
            _sinceEpochS = sinceEpochS;
            int perPacket = payloadLength / HistoryCodec.RecordLength;
            _recordsPerPacket = perPacket < 1 ? 1 : perPacket;
            _nextIndex = 0;
            _sent = 0;
            _terminated = false;
        }

        /// <summary>Writes the next notification into <paramref name="dst"/> and returns its length; 0 when done.</summary>
        public int Next(byte[] dst, int offset)
        {
            if (!Active || !StatusCodec.Fits(dst, offset, _recordsPerPacket * HistoryCodec.RecordLength))
            {
                return 0;
            }

            int count = _source.Count;
            int written = 0;
            for (int slot = 0; slot < _recordsPerPacket; slot++)
            {
                uint epoch;
                ushort forward;
                ushort backward;
                bool found = false;
                while (_nextIndex < count)
                {
                    _source.GetRecord(_nextIndex++, out epoch, out forward, out backward);
                    if (epoch >= _sinceEpochS && epoch != HistoryCodec.TerminatorEpoch)
                    {
                        written += HistoryCodec.EncodeRecord(epoch, forward, backward, dst, offset + written);
                        _sent++;
                        found = true;
                        break;
                    }
                }

                if (!found)
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
