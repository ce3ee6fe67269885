using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The Config characteristic (8 bytes, read/write): tilt warning backward u8 (°) | tilt warning forward u8 (°) |
    /// tilt hold u16 (ms) | steps to start a walk u8 | forward axis u8 (<see cref="MountAxis"/>) | flags u8
    /// (b0 BTHome advertising, b1 daily reset at local midnight) | UTC offset s8 (15-minute units).
    /// </summary>
    public static class ConfigCodec
    {
        public const int Length = 8;

        public static int Encode(DeviceSettings settings, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            dst[offset] = (byte)settings.TiltWarningBackwardDeg;
            dst[offset + 1] = (byte)settings.TiltWarningForwardDeg;
            LittleEndian.PutU16(dst, offset + 2, settings.TiltHoldMs);
            dst[offset + 4] = (byte)settings.StepsToStartWalk;
            dst[offset + 5] = (byte)settings.ForwardAxis;
            dst[offset + 6] = settings.Flags;
            dst[offset + 7] = (byte)(sbyte)settings.UtcOffsetQuarterHours;
            return Length;
        }

        /// <summary>
        /// Decodes and validates a write. <paramref name="scratch"/> receives the decoded fields; it is copied into
        /// <paramref name="into"/> only when the whole value is valid, so a bad write changes nothing.
        /// </summary>
        public static byte Decode(byte[] src, int offset, int length, DeviceSettings scratch, DeviceSettings into)
        {
            if (!StatusCodec.Exact(src, offset, length, Length))
            {
                return CodecStatus.BadLength;
            }

            scratch.TiltWarningBackwardDeg = src[offset];
            scratch.TiltWarningForwardDeg = src[offset + 1];
            scratch.TiltHoldMs = LittleEndian.GetU16(src, offset + 2);
            scratch.StepsToStartWalk = src[offset + 4];
            scratch.ForwardAxis = (MountAxis)src[offset + 5];
            scratch.Flags = src[offset + 6];
            scratch.UtcOffsetQuarterHours = (sbyte)src[offset + 7];
            if (!scratch.IsValid())
            {
                return CodecStatus.OutOfRange;
            }

            into.CopyFrom(scratch);
            return CodecStatus.Ok;
        }
    }
}
