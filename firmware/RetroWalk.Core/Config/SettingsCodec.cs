using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Config
{
    /// <summary>
    /// The settings record: every <see cref="SettingTable"/> row in id order, each in its width, little-endian. One
    /// encoding for the BLE Config characteristic and the saved state. A record may be cut short at a field boundary
    /// (a BLE write of the leading fields; a state saved before later settings existed): the fields it lacks keep the
    /// value they had.
    /// </summary>
    public static class SettingsCodec
    {
        private static readonly int[] Offsets = ComputeOffsets();

        /// <summary>Bytes of the whole record.</summary>
        public static readonly int Length = Offsets[SettingTable.Count];

        /// <summary>Where setting <paramref name="id"/> starts in the record (<see cref="Length"/> for id = Count).</summary>
        public static int Offset(int id)
        {
            return Offsets[id];
        }

        /// <summary>True if a record cut to <paramref name="length"/> bytes ends between two fields (or is whole).</summary>
        public static bool IsFieldBoundary(int length)
        {
            for (int id = 0; id <= SettingTable.Count; id++)
            {
                if (Offsets[id] == length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Writes the whole record at <paramref name="offset"/>; returns <see cref="Length"/>.</summary>
        public static int Encode(UserSettings settings, byte[] dst, int offset)
        {
            for (int id = 0; id < SettingTable.Count; id++)
            {
                int o = offset + Offsets[id];
                int v = settings.Get(id);
                if (SettingTable.Rows[id].Bytes == 2)
                {
                    LittleEndian.PutU16(dst, o, (ushort)v);
                }
                else
                {
                    dst[o] = (byte)v;
                }
            }

            return Length;
        }

        /// <summary>
        /// Reads the fields that lie wholly within <paramref name="length"/> bytes into <paramref name="into"/>
        /// without checking them (see <see cref="UserSettings.IsValid"/>); returns how many were read. Bytes past
        /// <see cref="Length"/> are ignored; the caller decides whether a length off a field boundary is an error.
        /// </summary>
        public static int Decode(byte[] src, int offset, int length, UserSettings into)
        {
            int read = 0;
            for (int id = 0; id < SettingTable.Count && Offsets[id + 1] <= length; id++)
            {
                SettingSpec row = SettingTable.Rows[id];
                int o = offset + Offsets[id];
                int v;
                if (row.Bytes == 2)
                {
                    v = LittleEndian.GetU16(src, o);
                    if (row.Signed)
                    {
                        v = (short)v;
                    }
                }
                else
                {
                    v = row.Signed ? (sbyte)src[o] : src[o];
                }

                into.Put(id, v);
                read++;
            }

            return read;
        }

        private static int[] ComputeOffsets()
        {
            int[] offsets = new int[SettingTable.Count + 1];
            for (int id = 0; id < SettingTable.Count; id++)
            {
                offsets[id + 1] = offsets[id] + SettingTable.Rows[id].Bytes;
            }

            return offsets;
        }
    }
}
