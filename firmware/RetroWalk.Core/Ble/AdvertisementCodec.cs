using RetroWalk.Core.Device;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The legacy (31-byte) advertisement and its scan response, built from AD structures (length, type, data):
    /// <para>advertisement: Flags <c>02 01 06</c> | BTHome service data <c>15 16 D2 FC 40 …</c> (22 bytes, when
    /// enabled) | the device name, complete if it fits, else its longest prefix that fits as a Shortened Local Name;</para>
    /// <para>scan response: the Complete Local Name (when the advertisement had to shorten it) | the 128-bit custom
    /// service UUID, so apps can filter on it.</para>
    /// Names are ASCII (anything else is sent as '?'). The device hands these AD structures to the BLE stack one by one.
    /// </summary>
    public static class AdvertisementCodec
    {
        public const int MaxLegacyLength = 31;

        public const byte TypeFlags = 0x01;
        public const byte TypeCompleteList128 = 0x07;
        public const byte TypeShortenedName = 0x08;
        public const byte TypeCompleteName = 0x09;
        public const byte TypeServiceData16 = 0x16;

        /// <summary>LE General Discoverable, BR/EDR not supported.</summary>
        public const byte FlagsGeneralDiscoverableNoBrEdr = 0x06;

        /// <summary>Encodes the advertisement; returns its length (at most 31), or 0 if <paramref name="dst"/> is too small.</summary>
        public static int EncodeAdvertisement(TrackerStatus status, bool btHome, string name, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, MaxLegacyLength))
            {
                return 0;
            }

            int at = offset;
            dst[at++] = 2;
            dst[at++] = TypeFlags;
            dst[at++] = FlagsGeneralDiscoverableNoBrEdr;
            if (btHome)
            {
                dst[at++] = BtHomeCodec.ServiceDataLength + 1;
                dst[at++] = TypeServiceData16;
                at += BtHomeCodec.EncodeServiceData(status, dst, at);
            }

            int nameRoom = MaxLegacyLength - (at - offset) - 2;
            int nameLength = NameLength(name);
            if (nameLength > 0 && nameRoom > 0)
            {
                bool complete = nameLength <= nameRoom;
                at += WriteName(name, complete ? nameLength : nameRoom, complete ? TypeCompleteName : TypeShortenedName, dst, at);
            }

            return at - offset;
        }

        /// <summary>
        /// Encodes the scan response that goes with the advertisement <see cref="EncodeAdvertisement"/> builds with the
        /// same <paramref name="btHome"/> and name. Every structure in it is too long to fit after that advertisement,
        /// so a first-fit packer (nanoFramework's) puts it in the scan response and leaves the advertisement as built.
        /// </summary>
        public static int EncodeScanResponse(bool btHome, string name, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, MaxLegacyLength))
            {
                return 0;
            }

            int at = offset;
            int nameLength = NameLength(name);
            int advertisementNameRoom = MaxLegacyLength - 3 - (btHome ? BtHomeCodec.ServiceDataLength + 2 : 0) - 2;
            int nameRoom = MaxLegacyLength - 18 - 2;
            if (nameLength > advertisementNameRoom)
            {
                at += WriteName(name, nameLength <= nameRoom ? nameLength : nameRoom,
                    nameLength <= nameRoom ? TypeCompleteName : TypeShortenedName, dst, at);
            }

            dst[at++] = 17;
            dst[at++] = TypeCompleteList128;
            at += BleUuids.WriteUuid128(BleUuids.Service, dst, at);
            return at - offset;
        }

        /// <summary>
        /// Finds the AD structure of <paramref name="type"/> (for service data: whose 16-bit UUID is
        /// <paramref name="uuid16"/>) in an advertisement or scan response, as a scanner does. Returns the offset of
        /// its data (after the type byte) and its data length in <paramref name="dataLength"/>, or -1 when absent
        /// or when the structures are malformed.
        /// </summary>
        public static int Find(byte[] src, int offset, int length, byte type, ushort uuid16, out int dataLength)
        {
            dataLength = 0;
            if (!StatusCodec.Fits(src, offset, length))
            {
                return -1;
            }

            int at = offset;
            int end = offset + length;
            while (at < end)
            {
                int structureLength = src[at];
                if (structureLength == 0)
                {
                    break; // early termination: the rest is padding
                }

                if (at + 1 + structureLength > end)
                {
                    return -1;
                }

                bool match = src[at + 1] == type;
                if (match && type == TypeServiceData16)
                {
                    match = structureLength >= 3 && LittleEndian.GetU16(src, at + 2) == uuid16;
                }

                if (match)
                {
                    dataLength = structureLength - 1;
                    return at + 2;
                }

                at += 1 + structureLength;
            }

            return -1;
        }

        /// <summary>Checks that a buffer is a well-formed sequence of AD structures; returns how many there are, or -1.</summary>
        public static int CountStructures(byte[] src, int offset, int length)
        {
            if (!StatusCodec.Fits(src, offset, length) || length > MaxLegacyLength)
            {
                return -1;
            }

            int count = 0;
            int at = offset;
            int end = offset + length;
            while (at < end)
            {
                int structureLength = src[at];
                if (structureLength == 0 || at + 1 + structureLength > end)
                {
                    return -1;
                }

                count++;
                at += 1 + structureLength;
            }

            return count;
        }

        private static int NameLength(string name)
        {
            return name == null ? 0 : name.Length;
        }

        private static int WriteName(string name, int count, byte type, byte[] dst, int at)
        {
            dst[at] = (byte)(count + 1);
            dst[at + 1] = type;
            for (int i = 0; i < count; i++)
            {
                char c = name[i];
                dst[at + 2 + i] = c >= ' ' && c < (char)0x7F ? (byte)c : (byte)'?';
            }

            return count + 2;
        }
    }
}
