using RetroWalk.Core.Device;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// History characteristic payloads (docs/ble.md, "History"). After Control Point op 0x10 (since epoch), the
    /// device notifies the hourly records whose hour starts at or after that epoch, oldest first, packed
    /// <c>payload / 8</c> to a notification (2 at the default 20-byte payload), then a terminator record
    /// <c>FFFFFFFF | records sent u16 | 0000</c> so the phone knows the stream is complete and how much to expect.
    /// </summary>
    public static class HistoryCodec
    {
        public const int RecordLength = 8;
        public const uint TerminatorEpoch = 0xFFFFFFFF;

        /// <summary>The default ATT_MTU (23) less the 3-byte notification header.</summary>
        public const int DefaultPayloadLength = 20;

        /// <summary>Largest payload the device packs into (ATT_MTU 247, the ESP32's usual maximum, less 3).</summary>
        public const int MaxPayloadLength = 244;

        public static int EncodeRecord(uint hourStartEpochS, ushort forwardSteps, ushort backwardSteps, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, RecordLength))
            {
                return 0;
            }

            LittleEndian.PutU32(dst, offset, hourStartEpochS);
            LittleEndian.PutU16(dst, offset + 4, forwardSteps);
            LittleEndian.PutU16(dst, offset + 6, backwardSteps);
            return RecordLength;
        }

        /// <summary>Decodes record <paramref name="index"/> of a notification of <paramref name="length"/> bytes.</summary>
        public static byte DecodeRecord(byte[] src, int offset, int length, int index,
            out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps)
        {
            hourStartEpochS = 0;
            forwardSteps = 0;
            backwardSteps = 0;
            if (length <= 0 || length % RecordLength != 0 || index < 0 || index >= length / RecordLength
                || !StatusCodec.Fits(src, offset, length))
            {
                return CodecStatus.BadLength;
            }

            int at = offset + index * RecordLength;
            hourStartEpochS = LittleEndian.GetU32(src, at);
            forwardSteps = LittleEndian.GetU16(src, at + 4);
            backwardSteps = LittleEndian.GetU16(src, at + 6);
            return CodecStatus.Ok;
        }

        /// <summary>Notification payload for an ATT_MTU: MTU - 3, clamped to 20..244.</summary>
        public static int PayloadLengthForMtu(int attMtu)
        {
            int payload = attMtu - 3;
            if (payload < DefaultPayloadLength)
            {
                return DefaultPayloadLength;
            }

            return payload > MaxPayloadLength ? MaxPayloadLength : payload;
        }
    }

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
