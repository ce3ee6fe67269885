namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Battery Level 0x2A19 of the Battery Service 0x180F: u8, percent of full charge, 0..100 (101-255 reserved).
    /// Read and Notify; its 0x2904 format is uint8, exponent 0, unit percentage 0x27AD.
    /// </summary>
    public static class BatteryLevelCodec
    {
        public const int Length = 1;
        public const byte MaxPercent = 100;

        public static int Encode(int percent, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            dst[offset] = (byte)(percent < 0 ? 0 : percent > MaxPercent ? MaxPercent : percent);
            return Length;
        }

        public static byte Decode(byte[] src, int offset, int length, out byte percent)
        {
            percent = 0;
            if (!StatusCodec.Exact(src, offset, length, Length))
            {
                return CodecStatus.BadLength;
            }

            if (src[offset] > MaxPercent)
            {
                return CodecStatus.OutOfRange;
            }

            percent = src[offset];
            return CodecStatus.Ok;
        }
    }
}
