using RetroWalk.Core.Bytes;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// BTHome v2 service data (https://bthome.io, UUID 0xFCD2), decoded by Home Assistant's BTHome integration without
    /// a connection. Unencrypted, regular interval. Objects in ascending id order, as the reference parser expects:
    /// 0x00 packet id u8 | 0x01 battery u8 % (only while measured) | 0x26 problem u8 (1 while a fall alarm is raised) |
    /// 0x26 problem u8 (1 while the device health has a fault: <see cref="TrackerStatus.HealthFault"/>) | 0x28 safety u8
    /// (1 = unsafe, while a tilt warning is raised) | 0x3E count u32 forward steps | 0x3E count u32 backward steps | 0x3F
    /// rotation s16 ×0.1° tilt. A repeated id becomes key_1, key_2 in Home Assistant (bthome-ble parser.py postfix), in
    /// the order sent: problem_1 is the fall alarm, problem_2 the device fault, count_1 forward, count_2 backward. Only
    /// 0x26 maps to Home Assistant's PROBLEM device class (bthome-ble const.py), hence the repeat. Problem and Safety are
    /// separate binary sensors, so a fall alarm, a device fault and a tilt warning are three entities. The packet id is
    /// stamped afterwards (<see cref="BtHomePacketId"/>).
    /// </summary>
    public static class BtHomeCodec
    {
        public const byte DeviceInfoV2Unencrypted = 0x40;
        public const byte DeviceInfoEncryptedBit = 0x01;
        public const byte DeviceInfoTriggerBit = 0x04;

        public const byte ObjectPacketId = 0x00;
        public const byte ObjectBattery = 0x01;
        public const byte ObjectProblem = 0x26;
        public const byte ObjectSafety = 0x28;
        public const byte ObjectCount32 = 0x3E;
        public const byte ObjectRotation = 0x3F;

        /// <summary>Bytes after the AD type without the battery: UUID (2) + device info (1) + objects (2 + 2 + 2 + 2 + 5 + 5 + 3).</summary>
        public const int ServiceDataLength = 24;

        /// <summary>With the battery object (2 more bytes).</summary>
        public const int MaxServiceDataLength = ServiceDataLength + 2;

        /// <summary>Offset of the packet id's value from the start of the service data (after UUID, info, id).</summary>
        public const int PacketIdAt = 4;

        /// <summary>Service data length for this status: with the battery object only while it is measured.</summary>
        public static int LengthOf(TrackerStatus status)
        {
            return status.BatteryPercent >= 0 ? MaxServiceDataLength : ServiceDataLength;
        }

        /// <summary>
        /// Writes UUID 0xFCD2 (little-endian), device info and objects; returns <see cref="LengthOf"/>. The packet id
        /// written is <see cref="TrackerStatus.Sequence"/>; the advertisement builder restamps it.
        /// </summary>
        public static int EncodeServiceData(TrackerStatus status, byte[] dst, int offset)
        {
            int length = LengthOf(status);
            if (!StatusCodec.Fits(dst, offset, length))
            {
                return 0;
            }

            int at = offset;
            LittleEndian.PutU16(dst, at, BleUuids.BtHome);
            dst[at + 2] = DeviceInfoV2Unencrypted;
            dst[at + 3] = ObjectPacketId;
            dst[at + 4] = status.Sequence;
            at += 5;
            if (status.BatteryPercent >= 0)
            {
                dst[at] = ObjectBattery;
                dst[at + 1] = (byte)(status.BatteryPercent > 100 ? 100 : status.BatteryPercent);
                at += 2;
            }

            dst[at] = ObjectProblem;
            dst[at + 1] = status.Alarm == AlarmLevel.FallAlarm ? (byte)1 : (byte)0;
            dst[at + 2] = ObjectProblem;
            dst[at + 3] = status.HealthFault ? (byte)1 : (byte)0;
            at += 2;
            dst[at + 2] = ObjectSafety;
            dst[at + 3] = status.Alarm == AlarmLevel.TiltWarning ? (byte)1 : (byte)0;
            dst[at + 4] = ObjectCount32;
            LittleEndian.PutU32(dst, at + 5, status.ForwardSteps);
            dst[at + 9] = ObjectCount32;
            LittleEndian.PutU32(dst, at + 10, status.BackwardSteps);
            dst[at + 14] = ObjectRotation;
            LittleEndian.PutU16(dst, at + 15, status.TiltDeciDeg);
            return length;
        }

        /// <summary>
        /// Decodes BTHome v2 service data (starting at the UUID) as Home Assistant does: checks the UUID and version,
        /// refuses encrypted payloads, then walks the objects. An object id whose size it does not know ends the walk
        /// with <see cref="CodecStatus.Unsupported"/>, exactly where the reference parser gives up too.
        /// </summary>
        public static byte DecodeServiceData(byte[] src, int offset, int length, BtHomeReading into)
        {
            into.Clear();
            if (length < 3 || !StatusCodec.Fits(src, offset, length))
            {
                return CodecStatus.BadLength;
            }

            byte info = src[offset + 2];
            if (LittleEndian.GetU16(src, offset) != BleUuids.BtHome || (info >> 5) != 2)
            {
                return CodecStatus.OutOfRange;
            }

            if ((info & DeviceInfoEncryptedBit) != 0)
            {
                return CodecStatus.Unsupported;
            }

            into.TriggerBased = (info & DeviceInfoTriggerBit) != 0;
            int at = offset + 3;
            int end = offset + length;
            int lastId = -1;
            while (at < end)
            {
                byte id = src[at];
                int size = ObjectSize(src, at, end);
                if (size < 0)
                {
                    return CodecStatus.Unsupported;
                }

                if (at + 1 + size > end)
                {
                    return CodecStatus.BadLength;
                }

                if (id < lastId)
                {
                    into.OutOfOrder = true;
                }

                lastId = id;
                Store(id, src, at + 1, into);
                at += 1 + size;
            }

            return CodecStatus.Ok;
        }

        /// <summary>Marks the variable-length objects (text 0x53, raw 0x54): a length byte precedes their data.</summary>
        private const sbyte Variable = -2;

        /// <summary>
        /// Data size of each BTHome v2 object id 0x00..0x64, from the BTHome format table; -1 = unassigned.
        /// Binary sensors (0x0F..0x11, 0x15..0x2D, problem = 0x26) are one byte.
        /// </summary>
        private static readonly sbyte[] ObjectSizes =
        {
            1, 1, 2, 2, 3, 3, 2, 2, 2, 1, 3, 3, 2, 2, 2, 1, // 0x00
            1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x10
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x20
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, -1, 2, 2, 4, 2, // 0x30
            2, 2, 3, 2, 2, 2, 1, 2, 2, 2, 2, 3, 4, 4, 4, 4, // 0x40
            4, 2, 2, Variable, Variable, 4, 2, 1, 1, 1, 2, 4, 4, 2, 2, 2, // 0x50
            1, 2, 4, 4, 1, // 0x60
        };

        /// <summary>
        /// Size of the object at <paramref name="at"/> (its data, plus the length byte of a variable-length one),
        /// or -1 for an id this decoder does not know.
        /// </summary>
        public static int ObjectSize(byte[] src, int at, int end)
        {
            byte id = src[at];
            if (id >= ObjectSizes.Length || ObjectSizes[id] == -1)
            {
                return -1;
            }

            if (ObjectSizes[id] == Variable)
            {
                return at + 1 < end ? 1 + src[at + 1] : 1;
            }

            return ObjectSizes[id];
        }

        private static void Store(byte id, byte[] src, int at, BtHomeReading into)
        {
            switch (id)
            {
                case ObjectPacketId:
                    into.PacketId = src[at];
                    break;
                case ObjectBattery:
                    into.BatteryPercent = src[at];
                    break;
                case ObjectProblem:
                    // problem_1 (the fall alarm), then problem_2 (a device fault).
                    if (into.HasProblem)
                    {
                        into.HasDeviceProblem = true;
                        into.DeviceProblem = src[at] != 0;
                    }
                    else
                    {
                        into.HasProblem = true;
                        into.Problem = src[at] != 0;
                    }

                    break;
                case ObjectSafety:
                    into.HasSafety = true;
                    into.Unsafe = src[at] != 0;
                    break;
                case ObjectCount32:
                    into.AddCount(LittleEndian.GetU32(src, at));
                    break;
                case ObjectRotation:
                    into.HasRotation = true;
                    into.RotationDeciDeg = LittleEndian.GetS16(src, at);
                    break;
            }
        }
    }
}
