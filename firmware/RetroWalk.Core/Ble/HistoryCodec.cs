using RetroWalk.Core.Bytes;

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
}
