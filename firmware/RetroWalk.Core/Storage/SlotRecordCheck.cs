using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// The header every two-slot flash record shares (magic u32, version u16, size u16, sequence u32 at 8, CRC-32 over
    /// everything before it): one check for the saved state and the session store, so both refuse the same damage.
    /// </summary>
    public static class SlotRecordCheck
    {
        /// <summary>Checks a record's size, magic, version and checksum; gives its sequence number.</summary>
        public static StateError Check(byte[] b, int length, uint magic, int version, int size, int crcOffset, out uint sequence)
        {
            sequence = 0;
            if (length == 0)
            {
                return StateError.Empty;
            }

            if (length < 0)
            {
                return StateError.ReadFailed;
            }

            if (length < 8 || LittleEndian.GetU32(b, 0) != magic)
            {
                return length != size ? StateError.WrongSize : StateError.BadMagic;
            }

            if (LittleEndian.GetU16(b, 4) > version)
            {
                return StateError.NewerVersion;
            }

            if (length != size || LittleEndian.GetU16(b, 6) != size)
            {
                return StateError.WrongSize;
            }

            if (LittleEndian.GetU32(b, crcOffset) != Crc32.Compute(b, 0, crcOffset))
            {
                return StateError.BadChecksum;
            }

            sequence = LittleEndian.GetU32(b, 8);
            return StateError.None;
        }
    }
}
