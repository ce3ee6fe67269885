namespace RetroWalk.Core.Bytes
{
    /// <summary>
    /// Little-endian integer access on byte arrays (BLE's byte order). The callers check lengths; these helpers do not,
    /// so every codec validates its input length once, up front.
    /// </summary>
    public static class LittleEndian
    {
        public static void PutU16(byte[] dst, int offset, int value)
        {
            dst[offset] = (byte)value;
            dst[offset + 1] = (byte)(value >> 8);
        }

        public static void PutU32(byte[] dst, int offset, uint value)
        {
            dst[offset] = (byte)value;
            dst[offset + 1] = (byte)(value >> 8);
            dst[offset + 2] = (byte)(value >> 16);
            dst[offset + 3] = (byte)(value >> 24);
        }

        public static ushort GetU16(byte[] src, int offset)
        {
            return (ushort)(src[offset] | (src[offset + 1] << 8));
        }

        public static short GetS16(byte[] src, int offset)
        {
            return (short)(src[offset] | (src[offset + 1] << 8));
        }

        public static uint GetU32(byte[] src, int offset)
        {
            return (uint)(src[offset] | (src[offset + 1] << 8) | (src[offset + 2] << 16)) | ((uint)src[offset + 3] << 24);
        }
    }
}
