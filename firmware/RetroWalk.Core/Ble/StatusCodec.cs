using RetroWalk.Core.Bytes;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Payloads of the value characteristics (docs/ble.md, "Custom service"). Encoders write into a caller-provided
    /// array at an offset and return the length written (0 if it does not fit); they never allocate. Decoders are
    /// what a phone applies: they check the exact length and field ranges, and fill only the fields of the
    /// <see cref="TrackerStatus"/> that the characteristic carries. Every payload fits the default 20-byte ATT payload.
    /// </summary>
    public static class StatusCodec
    {
        public const int StepsLength = 4;
        public const int SnapshotLength = 14;
        public const int TiltAlarmLength = 5;
        public const int SessionLength = 8;
        public const int CadenceLength = 1;
        public const int TiltLength = 2;

        /// <summary>Tilt/Alarm flags byte: bit 0 set once a phone has set the clock.</summary>
        public const byte FlagClockSynced = 0x01;

        public static int EncodeSteps(uint steps, byte[] dst, int offset)
        {
            if (!Fits(dst, offset, StepsLength))
            {
                return 0;
            }

            LittleEndian.PutU32(dst, offset, steps);
            return StepsLength;
        }

        public static byte DecodeSteps(byte[] src, int offset, int length, out uint steps)
        {
            steps = 0;
            if (!Exact(src, offset, length, StepsLength))
            {
                return CodecStatus.BadLength;
            }

            steps = LittleEndian.GetU32(src, offset);
            return CodecStatus.Ok;
        }

        /// <summary>forward u32 | backward u32 | reset epoch u32 | cadence u8 | direction u8.</summary>
        public static int EncodeSnapshot(TrackerStatus status, byte[] dst, int offset)
        {
            if (!Fits(dst, offset, SnapshotLength))
            {
                return 0;
            }

            LittleEndian.PutU32(dst, offset, status.ForwardSteps);
            LittleEndian.PutU32(dst, offset + 4, status.BackwardSteps);
            LittleEndian.PutU32(dst, offset + 8, status.ResetEpochS);
            dst[offset + 12] = status.CadenceSpm;
            dst[offset + 13] = (byte)status.Direction;
            return SnapshotLength;
        }

        public static byte DecodeSnapshot(byte[] src, int offset, int length, TrackerStatus into)
        {
            if (!Exact(src, offset, length, SnapshotLength))
            {
                return CodecStatus.BadLength;
            }

            byte direction = src[offset + 13];
            if (direction > (byte)WalkDirection.Backward)
            {
                return CodecStatus.OutOfRange;
            }

            into.ForwardSteps = LittleEndian.GetU32(src, offset);
            into.BackwardSteps = LittleEndian.GetU32(src, offset + 4);
            into.ResetEpochS = LittleEndian.GetU32(src, offset + 8);
            into.CadenceSpm = src[offset + 12];
            into.Direction = (WalkDirection)direction;
            return CodecStatus.Ok;
        }

        /// <summary>tilt s16 (0.1°) | tilt direction u8 | alarm level u8 | flags u8 (b0 clock synced).</summary>
        public static int EncodeTiltAlarm(TrackerStatus status, byte[] dst, int offset)
        {
            if (!Fits(dst, offset, TiltAlarmLength))
            {
                return 0;
            }

            LittleEndian.PutU16(dst, offset, status.TiltDeciDeg);
            dst[offset + 2] = (byte)status.TiltDirection;
            dst[offset + 3] = (byte)status.Alarm;
            dst[offset + 4] = status.ClockSynced ? FlagClockSynced : (byte)0;
            return TiltAlarmLength;
        }

        public static byte DecodeTiltAlarm(byte[] src, int offset, int length, TrackerStatus into)
        {
            if (!Exact(src, offset, length, TiltAlarmLength))
            {
                return CodecStatus.BadLength;
            }

            byte tiltDirection = src[offset + 2];
            byte alarm = src[offset + 3];
            byte flags = src[offset + 4];
            if (tiltDirection > (byte)TiltDirection.Sideways || alarm > (byte)AlarmLevel.FallAlarm
                || (flags & ~FlagClockSynced) != 0)
            {
                return CodecStatus.OutOfRange;
            }

            into.TiltDeciDeg = LittleEndian.GetS16(src, offset);
            into.TiltDirection = (TiltDirection)tiltDirection;
            into.Alarm = (AlarmLevel)alarm;
            into.ClockSynced = (flags & FlagClockSynced) != 0;
            return CodecStatus.Ok;
        }

        /// <summary>backward walking time s u32 | longest backward streak u16 | backward intervals u16.</summary>
        public static int EncodeSession(TrackerStatus status, byte[] dst, int offset)
        {
            if (!Fits(dst, offset, SessionLength))
            {
                return 0;
            }

            LittleEndian.PutU32(dst, offset, status.BackwardWalkingS);
            LittleEndian.PutU16(dst, offset + 4, status.LongestBackwardStreakSteps);
            LittleEndian.PutU16(dst, offset + 6, status.BackwardIntervals);
            return SessionLength;
        }

        public static byte DecodeSession(byte[] src, int offset, int length, TrackerStatus into)
        {
            if (!Exact(src, offset, length, SessionLength))
            {
                return CodecStatus.BadLength;
            }

            into.BackwardWalkingS = LittleEndian.GetU32(src, offset);
            into.LongestBackwardStreakSteps = LittleEndian.GetU16(src, offset + 4);
            into.BackwardIntervals = LittleEndian.GetU16(src, offset + 6);
            return CodecStatus.Ok;
        }

        /// <summary>cadence u8, steps per minute (0x2904: uint8, step per minute).</summary>
        public static int EncodeCadence(TrackerStatus status, byte[] dst, int offset)
        {
            if (!Fits(dst, offset, CadenceLength))
            {
                return 0;
            }

            dst[offset] = status.CadenceSpm;
            return CadenceLength;
        }

        public static byte DecodeCadence(byte[] src, int offset, int length, TrackerStatus into)
        {
            if (!Exact(src, offset, length, CadenceLength))
            {
                return CodecStatus.BadLength;
            }

            into.CadenceSpm = src[offset];
            return CodecStatus.Ok;
        }

        /// <summary>tilt s16 in 0.1° (0x2904: sint16, exponent -1, plane angle degree).</summary>
        public static int EncodeTilt(TrackerStatus status, byte[] dst, int offset)
        {
            if (!Fits(dst, offset, TiltLength))
            {
                return 0;
            }

            LittleEndian.PutU16(dst, offset, status.TiltDeciDeg);
            return TiltLength;
        }

        public static byte DecodeTilt(byte[] src, int offset, int length, TrackerStatus into)
        {
            if (!Exact(src, offset, length, TiltLength))
            {
                return CodecStatus.BadLength;
            }

            into.TiltDeciDeg = LittleEndian.GetS16(src, offset);
            return CodecStatus.Ok;
        }

        /// <summary>True if <paramref name="length"/> bytes fit in <paramref name="dst"/> from <paramref name="offset"/>.</summary>
        public static bool Fits(byte[] dst, int offset, int length)
        {
            return dst != null && offset >= 0 && length >= 0 && dst.Length - offset >= length;
        }

        /// <summary>True if the received value is exactly <paramref name="expected"/> bytes and lies inside <paramref name="src"/>.</summary>
        public static bool Exact(byte[] src, int offset, int length, int expected)
        {
            return length == expected && Fits(src, offset, length);
        }
    }
}
