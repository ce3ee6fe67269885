using RetroWalk.Core.Ble;
using RetroWalk.Core.Bytes;


namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Byte layout of a session over BLE (docs/coach.md, "Session characteristic"), little-endian: a 48-byte summary
    /// record followed by one 8-byte record per listed interval. Values that do not fit saturate.
    /// </summary>
    public static class SessionCodec
    {
        public const int SummaryLength = 48;
        public const int IntervalLength = 8;
        public const int FigureCount = 8;
        public const byte FlagStartedByCommand = 1;
        public const byte FlagEndedByCommand = 2;
        public const byte FlagIntervalsTruncated = 4;

        /// <summary>Set on the Session characteristic's value while the session is still running (never stored).</summary>
        public const byte FlagInProgress = 8;

        /// <summary>Longest encoded session: the summary and <see cref="SessionRecord.MaxIntervals"/> intervals.</summary>
        public const int MaxRecordLength = SummaryLength + SessionRecord.MaxIntervals * IntervalLength;

        /// <summary>Indices into the steadiness figures array of <see cref="DecodeSummary"/>.</summary>
        public const int ForwardCv = 0, BackwardCv = 1, ForwardAsymmetry = 2, BackwardAsymmetry = 3,
            ForwardBouts = 4, BackwardBouts = 5, ForwardSteadySteps = 6, BackwardSteadySteps = 7;

        public static int EncodeSummary(SessionRecord s, byte[] dst, int offset)
        {
            if (s == null || !StatusCodec.Fits(dst, offset, SummaryLength))
            {
                return 0;
            }

            LittleEndian.PutU32(dst, offset, s.Number);
            LittleEndian.PutU32(dst, offset + 4, s.StartEpochS);
            LittleEndian.PutU32(dst, offset + 8, U32(s.DurationMs));
            LittleEndian.PutU32(dst, offset + 12, U32(s.ForwardMs));
            LittleEndian.PutU32(dst, offset + 16, U32(s.BackwardMs));
            LittleEndian.PutU16(dst, offset + 20, U16(s.ForwardSteps));
            LittleEndian.PutU16(dst, offset + 22, U16(s.BackwardSteps));
            LittleEndian.PutU16(dst, offset + 24, U16(s.LongestBackwardStreakSteps));
            LittleEndian.PutU16(dst, offset + 26, U16(s.ForwardKcal));
            LittleEndian.PutU16(dst, offset + 28, U16(s.BackwardKcal));
            dst[offset + 30] = U8(s.ForwardCadenceSpm);
            dst[offset + 31] = U8(s.BackwardCadenceSpm);
            LittleEndian.PutU16(dst, offset + 32, U16(s.ForwardSteadiness.CvPermille));
            LittleEndian.PutU16(dst, offset + 34, U16(s.BackwardSteadiness.CvPermille));
            LittleEndian.PutU16(dst, offset + 36, U16(s.ForwardSteadiness.AsymmetryPermille));
            LittleEndian.PutU16(dst, offset + 38, U16(s.BackwardSteadiness.AsymmetryPermille));
            dst[offset + 40] = U8(s.ForwardSteadiness.Bouts);
            dst[offset + 41] = U8(s.BackwardSteadiness.Bouts);
            LittleEndian.PutU16(dst, offset + 42, U16(s.ForwardSteadiness.Steps));
            LittleEndian.PutU16(dst, offset + 44, U16(s.BackwardSteadiness.Steps));
            dst[offset + 46] = U8(s.IntervalTotal);
            int flags = (s.StartedByCommand ? FlagStartedByCommand : 0) | (s.EndedByCommand ? FlagEndedByCommand : 0)
                | (s.IntervalsTruncated ? FlagIntervalsTruncated : 0);
            dst[offset + 47] = (byte)flags;
            return SummaryLength;
        }

        /// <summary>
        /// Decodes a summary into <paramref name="into"/> (counts, times, energy as whole kcal, flags; steadiness
        /// accumulators are not carried) and the steadiness figures into <paramref name="figures"/> (tenths of a percent,
        /// bouts, steps; see the index constants).
        /// </summary>
        public static byte DecodeSummary(byte[] src, int offset, int length, SessionRecord into, int[] figures)
        {
            if (into == null || figures == null || figures.Length < FigureCount || length < SummaryLength
                || !StatusCodec.Fits(src, offset, SummaryLength))
            {
                return CodecStatus.BadLength;
            }

            into.Reset();
            into.Number = LittleEndian.GetU32(src, offset);
            into.StartEpochS = LittleEndian.GetU32(src, offset + 4);
            into.DurationMs = LittleEndian.GetU32(src, offset + 8);
            into.ForwardMs = LittleEndian.GetU32(src, offset + 12);
            into.BackwardMs = LittleEndian.GetU32(src, offset + 16);
            into.ForwardSteps = LittleEndian.GetU16(src, offset + 20);
            into.BackwardSteps = LittleEndian.GetU16(src, offset + 22);
            into.LongestBackwardStreakSteps = LittleEndian.GetU16(src, offset + 24);
            into.ForwardMilliKcal = LittleEndian.GetU16(src, offset + 26) * 1000L;
            into.BackwardMilliKcal = LittleEndian.GetU16(src, offset + 28) * 1000L;
            figures[ForwardCv] = LittleEndian.GetU16(src, offset + 32);
            figures[BackwardCv] = LittleEndian.GetU16(src, offset + 34);
            figures[ForwardAsymmetry] = LittleEndian.GetU16(src, offset + 36);
            figures[BackwardAsymmetry] = LittleEndian.GetU16(src, offset + 38);
            figures[ForwardBouts] = src[offset + 40];
            figures[BackwardBouts] = src[offset + 41];
            figures[ForwardSteadySteps] = LittleEndian.GetU16(src, offset + 42);
            figures[BackwardSteadySteps] = LittleEndian.GetU16(src, offset + 44);
            into.IntervalTotal = src[offset + 46];
            byte flags = src[offset + 47];
            into.StartedByCommand = (flags & FlagStartedByCommand) != 0;
            into.EndedByCommand = (flags & FlagEndedByCommand) != 0;
            if ((flags & ~(FlagStartedByCommand | FlagEndedByCommand | FlagIntervalsTruncated | FlagInProgress)) != 0)
            {
                return CodecStatus.OutOfRange;
            }

            return CodecStatus.Ok;
        }

        /// <summary>
        /// Writes the summary and every listed interval (the Session log's record for one session); returns the length.
        /// </summary>
        public static int EncodeSession(SessionRecord s, byte[] dst, int offset)
        {
            int length = EncodeSummary(s, dst, offset);
            if (length == 0)
            {
                return 0;
            }

            for (int i = 0; i < s.IntervalCount; i++)
            {
                int n = EncodeInterval(s, i, dst, offset + length);
                if (n == 0)
                {
                    return 0;
                }

                length += n;
            }

            return length;
        }

        /// <summary>Intervals listed after the summary at <paramref name="offset"/> (its interval total, at most <see cref="SessionRecord.MaxIntervals"/>).</summary>
        public static int ListedIntervals(byte[] src, int offset)
        {
            int total = src[offset + 46];
            return total < SessionRecord.MaxIntervals ? total : SessionRecord.MaxIntervals;
        }

        /// <summary>True if the summary at <paramref name="offset"/> is of a session still running.</summary>
        public static bool InProgress(byte[] src, int offset)
        {
            return (src[offset + 47] & FlagInProgress) != 0;
        }

        /// <summary>Interval <paramref name="index"/>: direction u8, reserved u8, start s u16, duration s u16, steps u16.</summary>
        public static int EncodeInterval(SessionRecord s, int index, byte[] dst, int offset)
        {
            if (s == null || index < 0 || index >= s.IntervalCount || !StatusCodec.Fits(dst, offset, IntervalLength))
            {
                return 0;
            }

            dst[offset] = s.IntervalDirection[index];
            dst[offset + 1] = 0;
            LittleEndian.PutU16(dst, offset + 2, U16((int)(s.IntervalStartMs[index] / 1000)));
            LittleEndian.PutU16(dst, offset + 4, U16((int)((s.IntervalDurationMs[index] + 500) / 1000)));
            LittleEndian.PutU16(dst, offset + 6, U16(s.IntervalSteps[index]));
            return IntervalLength;
        }

        public static byte DecodeInterval(byte[] src, int offset, int length, out byte direction, out int startS, out int durationS, out int steps)
        {
            direction = 0;
            startS = 0;
            durationS = 0;
            steps = 0;
            if (length < IntervalLength || !StatusCodec.Fits(src, offset, IntervalLength))
            {
                return CodecStatus.BadLength;
            }

            direction = src[offset];
            startS = LittleEndian.GetU16(src, offset + 2);
            durationS = LittleEndian.GetU16(src, offset + 4);
            steps = LittleEndian.GetU16(src, offset + 6);
            return direction == 1 || direction == 2 ? CodecStatus.Ok : CodecStatus.OutOfRange;
        }

        private static uint U32(long v)
        {
            return v < 0 ? 0 : (v > 0xFFFFFFFFL ? 0xFFFFFFFF : (uint)v);
        }

        private static int U16(int v)
        {
            return v < 0 ? 0 : (v > 0xFFFF ? 0xFFFF : v);
        }

        private static byte U8(int v)
        {
            return (byte)(v < 0 ? 0 : (v > 255 ? 255 : v));
        }
    }
}
