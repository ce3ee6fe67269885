using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Packs one download of past sessions (Control Point 0x13, docs/ble.md "Session log") into notifications without
    /// allocating: <see cref="Begin"/> once, then <see cref="Next"/> until it returns 0. Each notification is a sequence
    /// byte (0, 1, 2, ... wrapping; a gap means a lost notification) followed by the next bytes of the stream: every
    /// session as the SessionCodec lays it out (48-byte summary, then one 8-byte record per listed interval), oldest
    /// first, then the 8-byte end marker <c>FF FF FF FF | sessions sent u16 | 0 u16</c>, as History's. Sessions are read
    /// one at a time, by number (the next is the oldest kept after the last sent), and copied whole before they are
    /// sent: a session ending or the oldest being dropped during the download never makes it skip, repeat or tear one.
    /// </summary>
    public sealed class SessionStream
    {
        public const int EndMarkerLength = 8;
        public const uint EndMarkerNumber = 0xFFFFFFFF;

        /// <summary>The sequence byte in front of each notification's stream bytes.</summary>
        public const int HeaderLength = 1;

        private readonly byte[] _record;
        private ISessionSource _source;
        private int _payloadLength;
        private int _recordLength;
        private int _recordAt;
        private uint _nextNumber;
        private int _sent;
        private byte _sequence;
        private bool _endQueued;
        private bool _terminated;
        private bool _done;

        /// <param name="maxRecordLength">The source's <see cref="ISessionSource.MaxRecordLength"/>.</param>
        public SessionStream(int maxRecordLength)
        {
            _record = new byte[maxRecordLength < EndMarkerLength ? EndMarkerLength : maxRecordLength];
        }

        public bool Active
        {
            get { return _source != null && !_terminated; }
        }

        /// <summary>Sessions sent so far in this download (the end marker carries the total).</summary>
        public int SessionsSent
        {
            get { return _sent; }
        }

        /// <summary>Starts a download of the sessions numbered <paramref name="fromNumber"/> or later, in notifications of <paramref name="payloadLength"/> bytes at most.</summary>
        public void Begin(ISessionSource source, uint fromNumber, int payloadLength)
        {
            _source = source;
            _payloadLength = payloadLength < HeaderLength + 1 ? HeaderLength + 1 : payloadLength;
            _nextNumber = fromNumber;
            _recordLength = 0;
            _recordAt = 0;
            _sent = 0;
            _sequence = 0;
            _endQueued = false;
            _terminated = false;
            _done = false;
        }

        /// <summary>Writes the next notification into <paramref name="dst"/> and returns its length; 0 when the download is over.</summary>
        public int Next(byte[] dst, int offset)
        {
            if (!Active || !StatusCodec.Fits(dst, offset, _payloadLength))
            {
                return 0;
            }

            dst[offset] = _sequence++;
            int written = HeaderLength;
            while (written < _payloadLength)
            {
                if (_recordAt >= _recordLength)
                {
                    if (_endQueued)
                    {
                        break;
                    }

                    LoadNext();
                }

                int n = _recordLength - _recordAt;
                int room = _payloadLength - written;
                if (n > room)
                {
                    n = room;
                }

                System.Array.Copy(_record, _recordAt, dst, offset + written, n);
                _recordAt += n;
                written += n;
            }

            if (_endQueued && _recordAt >= _recordLength)
            {
                _terminated = true;
            }

            return written;
        }

        private void LoadNext()
        {
            uint number = 0;
            int length = _done ? 0 : _source.EncodeFrom(_nextNumber, _record, 0, out number);
            if (length > 0 && number != EndMarkerNumber)
            {
                _sent++;
                _done = number == EndMarkerNumber - 1;
                _nextNumber = number + 1;
                _recordLength = length;
            }
            else
            {
                LittleEndian.PutU32(_record, 0, EndMarkerNumber);
                LittleEndian.PutU16(_record, 4, (ushort)(_sent > 0xFFFF ? 0xFFFF : _sent));
                LittleEndian.PutU16(_record, 6, 0);
                _recordLength = EndMarkerLength;
                _endQueued = true;
            }

            _recordAt = 0;
        }
    }
}
