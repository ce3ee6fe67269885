namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Local Time Information 0x2A0F of the Current Time Service 0x1805, 2 bytes: Time Zone s8 (offset from UTC in
    /// 15-minute units, standard time, −48..+56; −128 = unknown) | DST Offset u8 (0 standard time, 2 half an hour of
    /// daylight time, 4 one hour, 8 two hours; 255 = unknown), so local time = UTC + time zone + DST offset, both in
    /// 15-minute units. The tracker keeps one figure, local time minus UTC in 15-minute units (the Config UTC offset),
    /// plus the DST part of it so that a read gives back what was written.
    /// </summary>
    public static class LocalTimeInfoCodec
    {
        public const int Length = 2;

        public const sbyte MinTimeZone = -48;
        public const sbyte MaxTimeZone = 56;
        public const sbyte TimeZoneUnknown = -128;

        public const byte DstStandard = 0;
        public const byte DstHalfHour = 2;
        public const byte DstOneHour = 4;
        public const byte DstTwoHours = 8;
        public const byte DstUnknown = 255;

        /// <summary>Range of the combined UTC offset the tracker accepts (the Config field's), 15-minute units.</summary>
        public const int MinUtcOffset15Min = -48;
        public const int MaxUtcOffset15Min = 56;

        /// <summary>Writes time zone = offset − DST and the DST offset; 0 if the buffer is too small.</summary>
        public static int Encode(int utcOffset15Min, byte dstOffset15Min, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            dst[offset] = (byte)(sbyte)(utcOffset15Min - dstOffset15Min);
            dst[offset + 1] = dstOffset15Min;
            return Length;
        }

        /// <summary>
        /// Decodes a write into the tracker's UTC offset and DST part. Refused (<see cref="CodecStatus.OutOfRange"/>):
        /// an unknown time zone or DST (the device cannot set its local time from them), a DST value the
        /// specification does not define, a time zone outside −48..+56, or a sum outside the Config range.
        /// </summary>
        public static byte Decode(byte[] src, int offset, int length, out int utcOffset15Min, out byte dstOffset15Min)
        {
            utcOffset15Min = 0;
            dstOffset15Min = 0;
            if (!StatusCodec.Exact(src, offset, length, Length))
            {
                return CodecStatus.BadLength;
            }

            int zone = (sbyte)src[offset];
            byte dst = src[offset + 1];
            if (zone < MinTimeZone || zone > MaxTimeZone || !IsDefinedDst(dst))
            {
                return CodecStatus.OutOfRange;
            }

            int sum = zone + dst;
            if (sum < MinUtcOffset15Min || sum > MaxUtcOffset15Min)
            {
                return CodecStatus.OutOfRange;
            }

            utcOffset15Min = sum;
            dstOffset15Min = dst;
            return CodecStatus.Ok;
        }

        /// <summary>0, 2, 4 or 8 (unknown, 255, is not something a device can apply).</summary>
        public static bool IsDefinedDst(byte dst)
        {
            return dst == DstStandard || dst == DstHalfHour || dst == DstOneHour || dst == DstTwoHours;
        }
    }
}
