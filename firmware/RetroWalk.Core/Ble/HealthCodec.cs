using RetroWalk.Core.Bytes;
using RetroWalk.Core.Dsp;
using RetroWalk.Core.Health;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Health characteristic payload (docs/ble.md, "Health"), little-endian, 20 bytes (the default ATT payload):
    /// <code>
    ///  0 u8 sensor (SensorHealth)   1 u8 last save (SaveOutcome)   2 u8 restore at boot (RestoreOutcome)   3 u8 flags
    ///  4 u32 uptime s               8 u32 I2C errors
    /// 12 u16 FIFO resyncs          14 u16 FIFO overflows         16 u16 failed saves         18 u16 sensor re-inits
    /// </code>
    /// Flags: b0 = fault (<see cref="DeviceHealth.HasFault"/>, so a client can react to one bit); the other bits are
    /// reserved, sent as 0 and refused by the decoder.
    /// </summary>
    public static class HealthCodec
    {
        public const int Length = 20;

        public const byte FlagFault = 1;

        private const byte MaxSensor = (byte)SensorHealth.Silent;
        private const byte MaxSave = (byte)SaveOutcome.Failed;
        private const byte MaxRestore = (byte)RestoreOutcome.Unreadable;

        /// <summary>Writes <paramref name="h"/> at <paramref name="offset"/>; returns <see cref="Length"/>, or 0 when it does not fit.</summary>
        public static int Encode(DeviceHealth h, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            dst[offset] = (byte)h.Sensor;
            dst[offset + 1] = (byte)h.LastSave;
            dst[offset + 2] = (byte)h.Restore;
            dst[offset + 3] = h.HasFault ? FlagFault : (byte)0;
            LittleEndian.PutU32(dst, offset + 4, h.UptimeS);
            LittleEndian.PutU32(dst, offset + 8, h.I2cErrors);
            LittleEndian.PutU16(dst, offset + 12, h.FifoResyncs);
            LittleEndian.PutU16(dst, offset + 14, h.FifoOverflows);
            LittleEndian.PutU16(dst, offset + 16, h.FailedSaves);
            LittleEndian.PutU16(dst, offset + 18, h.SensorReinits);
            return Length;
        }

        /// <summary>Reads a payload of <paramref name="length"/> bytes into <paramref name="into"/> (untouched unless Ok).</summary>
        public static byte Decode(byte[] src, int offset, int length, DeviceHealth into)
        {
            if (length != Length || !StatusCodec.Fits(src, offset, length))
            {
                return CodecStatus.BadLength;
            }

            byte flags = src[offset + 3];
            if (src[offset] > MaxSensor || src[offset + 1] > MaxSave || src[offset + 2] > MaxRestore || (flags & ~FlagFault) != 0)
            {
                return CodecStatus.OutOfRange;
            }

            into.Sensor = (SensorHealth)src[offset];
            into.LastSave = (SaveOutcome)src[offset + 1];
            into.Restore = (RestoreOutcome)src[offset + 2];
            into.UptimeS = LittleEndian.GetU32(src, offset + 4);
            into.I2cErrors = LittleEndian.GetU32(src, offset + 8);
            into.FifoResyncs = LittleEndian.GetU16(src, offset + 12);
            into.FifoOverflows = LittleEndian.GetU16(src, offset + 14);
            into.FailedSaves = LittleEndian.GetU16(src, offset + 16);
            into.SensorReinits = LittleEndian.GetU16(src, offset + 18);
            return CodecStatus.Ok;
        }

        /// <summary>The fault flag of an encoded payload (a client's quick check; false for a wrong length).</summary>
        public static bool FaultFlag(byte[] src, int offset, int length)
        {
            return length == Length && StatusCodec.Fits(src, offset, length) && (src[offset + 3] & FlagFault) != 0;
        }

        /// <summary>A count for a 16-bit field: saturates at 65535 (a count that wrapped would read as few faults).</summary>
        public static ushort Count16(int count)
        {
            return Saturating.ToUInt16(count);
        }

        /// <summary>A count for a 32-bit field.</summary>
        public static uint Count32(long count)
        {
            return Saturating.ToUInt32(count);
        }
    }
}
