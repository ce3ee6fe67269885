using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// RSC Measurement 0x2A53 of the Running Speed and Cadence Service 0x1814 (Bluetooth SIG RSCS v1.0, section 3.1):
    /// flags u8 | instantaneous speed u16 (1/256 m/s) | instantaneous cadence u8 (1/min) | instantaneous stride length
    /// u16 (1/100 m) if flags bit 0 | total distance u32 (1/10 m) if flags bit 1. Flags bit 2 is the walking (0) or
    /// running (1) status; bits 3-7 are reserved and sent as 0. Little-endian, 4 to 10 bytes.
    /// </summary>
    public static class RscMeasurementCodec
    {
        public const byte FlagStrideLengthPresent = 0x01;
        public const byte FlagTotalDistancePresent = 0x02;
        public const byte FlagRunning = 0x04;

        public const int MinLength = 4;
        public const int MaxLength = 10;

        /// <summary>Length of a measurement with the optional fields that <paramref name="m"/> carries.</summary>
        public static int LengthOf(RscMeasurement m)
        {
            return MinLength + (m.HasStrideLength ? 2 : 0) + (m.HasTotalDistance ? 4 : 0);
        }

        /// <summary>Writes the measurement; returns its length, or 0 if the buffer cannot hold it.</summary>
        public static int Encode(RscMeasurement m, byte[] dst, int offset)
        {
            int length = LengthOf(m);
            if (!StatusCodec.Fits(dst, offset, length))
            {
                return 0;
            }

            byte flags = 0;
            if (m.HasStrideLength)
            {
                flags |= FlagStrideLengthPresent;
            }

            if (m.HasTotalDistance)
            {
                flags |= FlagTotalDistancePresent;
            }

            if (m.Running)
            {
                flags |= FlagRunning;
            }

            dst[offset] = flags;
            LittleEndian.PutU16(dst, offset + 1, m.SpeedQ8MPerS);
            dst[offset + 3] = m.CadencePerMin;
            int at = offset + 4;
            if (m.HasStrideLength)
            {
                LittleEndian.PutU16(dst, at, m.StrideLengthCm);
                at += 2;
            }

            if (m.HasTotalDistance)
            {
                LittleEndian.PutU32(dst, at, m.TotalDistanceDm);
            }

            return length;
        }

        /// <summary>
        /// Decodes a notification as a collector does: the length must be exactly what the flags announce; reserved
        /// flag bits are ignored, as the specification asks of a receiver. <paramref name="into"/> is refilled only on
        /// <see cref="CodecStatus.Ok"/>.
        /// </summary>
        public static byte Decode(byte[] src, int offset, int length, RscMeasurement into)
        {
            if (length < MinLength || !StatusCodec.Fits(src, offset, length))
            {
                return CodecStatus.BadLength;
            }

            byte flags = src[offset];
            bool stride = (flags & FlagStrideLengthPresent) != 0;
            bool distance = (flags & FlagTotalDistancePresent) != 0;
            if (length != MinLength + (stride ? 2 : 0) + (distance ? 4 : 0))
            {
                return CodecStatus.BadLength;
            }

            into.Clear();
            into.Running = (flags & FlagRunning) != 0;
            into.SpeedQ8MPerS = LittleEndian.GetU16(src, offset + 1);
            into.CadencePerMin = src[offset + 3];
            int at = offset + 4;
            if (stride)
            {
                into.HasStrideLength = true;
                into.StrideLengthCm = LittleEndian.GetU16(src, at);
                at += 2;
            }

            if (distance)
            {
                into.HasTotalDistance = true;
                into.TotalDistanceDm = LittleEndian.GetU32(src, at);
            }

            return CodecStatus.Ok;
        }
    }
}
