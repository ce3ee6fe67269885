namespace RetroWalk.Core.Bytes
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib), a byte at a time through a 256-entry table built
    /// once at first use (1 KB of RAM): a save's CRC over 1.5-2.7 KB is about 21 interpreted instructions a byte instead
    /// of about 150 bit by bit, so a save holds the loop thread for 5-20 ms, not 35-130 (docs/benchmark.md).
    /// </summary>
    public static class Crc32
    {
        private const uint Polynomial = 0xEDB88320;
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(byte[] data, int offset, int length)
        {
            uint[] table = Table;
            uint crc = 0xFFFFFFFF;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return ~crc;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
