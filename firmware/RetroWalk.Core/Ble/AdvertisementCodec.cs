using RetroWalk.Core.Bytes;
using RetroWalk.Core.Status;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The legacy (31-byte) advertisement and its scan response, built from AD structures (length, type, data).
    /// With BTHome on and the name "RetroWalk":
    /// <para>advertisement: Flags <c>02 01 06</c> | BTHome service data <c>19 16 D2 FC 40 …</c> (26 bytes with the
    /// battery, 24 without) = 29 or 27 bytes;</para>
    /// <para>scan response: Complete Local Name "RetroWalk" | Appearance 0x0443 (Running Walking Sensor: On-Hip) |
    /// Incomplete List of 16-bit Service UUIDs: 0x1814 (RSC, what fitness apps and watches scan for) = 19 bytes.</para>
    /// The 128-bit custom service UUID no longer fits beside them and is sent only with BTHome off; apps find the
    /// custom service after connecting. Names are ASCII (anything else is sent as '?'). The device hands the
    /// structures to the BLE stack one by one, in the order of <see cref="EncodeSections"/>, and the stack splits them
    /// as <see cref="Pack"/> does.
    /// </summary>
    public static class AdvertisementCodec
    {
        public const int MaxLegacyLength = 31;

        /// <summary>GAP device name and advertised name.</summary>
        public const string DefaultDeviceName = "RetroWalk";

        public const byte TypeFlags = 0x01;
        public const byte TypeCompleteList128 = 0x07;
        public const byte TypeShortenedName = 0x08;
        public const byte TypeCompleteName = 0x09;
        public const byte TypeServiceData16 = 0x16;
        public const byte TypeIncompleteList16 = 0x02;
        public const byte TypeAppearance = 0x19;

        /// <summary>GAP Appearance "Running Walking Sensor: On-Hip" (Assigned Numbers, category 0x011, subcategory 3).</summary>
        public const ushort AppearanceOnHipWalkingSensor = 0x0443;

        /// <summary>LE General Discoverable, BR/EDR not supported.</summary>
        public const byte FlagsGeneralDiscoverableNoBrEdr = 0x06;

        /// <summary>Longest sequence of AD structures <see cref="EncodeSections"/> writes (two legacy payloads).</summary>
        public const int MaxSectionsLength = 2 * MaxLegacyLength;

        /// <summary>
        /// Writes the AD structures in the order the stack must receive them: Flags, BTHome service data (when
        /// <paramref name="btHome"/>), the Complete Local Name, the Appearance, the RSC service UUID, and with BTHome off
        /// the 128-bit service UUID. Returns the total length. <see cref="Pack"/> then splits them as nanoFramework
        /// does: with BTHome on, Flags and BTHome fill the advertisement and the rest goes to the scan response.
        /// <paramref name="btHomeAt"/> receives the offset of the BTHome service data (its UUID) or -1.
        /// </summary>
        public static int EncodeSections(TrackerStatus status, bool btHome, string name, byte[] dst, int offset, out int btHomeAt)
        {
            btHomeAt = -1;
            if (!StatusCodec.Fits(dst, offset, MaxSectionsLength))
            {
                return 0;
            }

            int at = offset;
            dst[at++] = 2;
            dst[at++] = TypeFlags;
            dst[at++] = FlagsGeneralDiscoverableNoBrEdr;
            if (btHome)
            {
                int length = BtHomeCodec.LengthOf(status);
                dst[at++] = (byte)(length + 1);
                dst[at++] = TypeServiceData16;
                btHomeAt = at;
                at += BtHomeCodec.EncodeServiceData(status, dst, at);
            }

            int nameLength = name == null ? 0 : name.Length;
            int nameRoom = MaxLegacyLength - 2 - 4 - 4;
            if (nameLength > 0)
            {
                bool complete = nameLength <= nameRoom;
                at += WriteName(name, complete ? nameLength : nameRoom, complete ? TypeCompleteName : TypeShortenedName, dst, at);
            }

            dst[at++] = 3;
            dst[at++] = TypeAppearance;
            LittleEndian.PutU16(dst, at, AppearanceOnHipWalkingSensor);
            at += 2;
            dst[at++] = 3;
            dst[at++] = TypeIncompleteList16;
            LittleEndian.PutU16(dst, at, BleUuids.RunningSpeedAndCadence);
            at += 2;
            if (!btHome)
            {
                dst[at++] = 17;
                dst[at++] = TypeCompleteList128;
                at += BleUuids.WriteUuid128(BleUuids.Service, dst, at);
            }

            return at - offset;
        }

        /// <summary>
        /// Splits AD structures the way nanoFramework 1.x does (BluetoothLEAdvertisement.CreateLegacyAdvertisements):
        /// each structure, in order, goes into the advertisement if it still fits in 31 bytes, else into the scan
        /// response if it fits there, else it is dropped. Returns the number of structures dropped (0 expected).
        /// </summary>
        public static int Pack(byte[] sections, int offset, int length,
            byte[] advertisement, out int advertisementLength, byte[] scanResponse, out int scanResponseLength)
        {
            advertisementLength = 0;
            scanResponseLength = 0;
            int dropped = 0;
            int at = offset;
            int end = offset + length;
            while (at < end)
            {
                int size = sections[at] + 1;
                if (advertisementLength + size <= MaxLegacyLength)
                {
                    System.Array.Copy(sections, at, advertisement, advertisementLength, size);
                    advertisementLength += size;
                }
                else if (scanResponseLength + size <= MaxLegacyLength)
                {
                    System.Array.Copy(sections, at, scanResponse, scanResponseLength, size);
                    scanResponseLength += size;
                }
                else
                {
                    dropped++;
                }

                at += size;
            }

            return dropped;
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
