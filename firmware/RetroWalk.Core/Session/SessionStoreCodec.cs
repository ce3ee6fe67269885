using RetroWalk.Core.Ble;
using RetroWalk.Core.Bytes;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Binary layout of the kept sessions on flash (docs/coach.md, "Sessions across reboots"), little-endian, fixed
    /// size (<see cref="Size"/> bytes), one record per slot of <see cref="SessionStore"/>:
    /// <code>
    ///  0 u32 magic "RWSS"   4 u16 version (2)   6 u16 total size   8 u32 sequence (newest slot wins)
    /// 12 u32 next session number   16 u8 sessions kept (0..8)   17..19 zero
    /// 20 8 x session (336 bytes each, oldest first, unused ones zero):
    ///      +0 the 48-byte BLE summary (SessionCodec)   +48 u32 forward mkcal   +52 u32 backward mkcal
    ///      +56 forward steadiness: u32 sum of step times ms, u32 within-bout stride squares ms² (version 1: step
    ///          squares, read back as the stride squares that give the same CV), u32 steps × asymmetry ‰
    ///      +68 backward steadiness: the same
    ///      +80 32 x the 8-byte BLE interval record (SessionCodec), unused ones zero
    /// 2708 u32 CRC-32 of bytes 0..2707
    /// </code>
    /// Decoded sessions give the same BLE bytes as before the save (energy and steadiness keep their accumulators);
    /// interval times come back in whole seconds, the sample-clock start is lost (it means nothing after a reboot).
    /// </summary>
    public static class SessionStoreCodec
    {
        public const uint Magic = 0x53535752; // "RWSS" read as little-endian
        public const ushort Version = 2;

        /// <summary>Version 1 kept step-time squares where version 2 keeps stride squares (Steadiness); still read.</summary>
        public const ushort StepSquaresVersion = 1;

        /// <summary>Sessions kept across reboots: the flash-budget decision of docs/coach.md (5.4 KB for both slots).</summary>
        public const int Capacity = 8;

        public const int HeaderBytes = 20;
        public const int RecordBytes = 80 + SessionRecord.MaxIntervals * SessionCodec.IntervalLength;
        public const int CrcOffset = HeaderBytes + Capacity * RecordBytes;
        public const int Size = CrcOffset + 4;

        /// <summary>
        /// Writes the last <see cref="Capacity"/> sessions of <paramref name="history"/> (oldest first), and after them
        /// <paramref name="running"/> when it is not null: the session still running, numbered
        /// <paramref name="nextNumber"/> and kept as if it had ended at this save (a power cut ends it there).
        /// </summary>
        public static void Encode(SessionHistory history, SessionRecord running, uint nextNumber, uint sequence, byte[] b)
        {
            System.Array.Clear(b, 0, Size);
            LittleEndian.PutU32(b, 0, Magic);
            LittleEndian.PutU16(b, 4, Version);
            LittleEndian.PutU16(b, 6, Size);
            LittleEndian.PutU32(b, 8, sequence);
            LittleEndian.PutU32(b, 12, running == null ? nextNumber : nextNumber + 1);
            int extra = running == null ? 0 : 1;
            int fromHistory = history.Count + extra <= Capacity ? history.Count : Capacity - extra;
            b[16] = (byte)(fromHistory + extra);
            int first = history.Count - fromHistory;
            for (int i = 0; i < fromHistory + extra; i++)
            {
                SessionRecord s = i < fromHistory ? history.Get(first + i) : running;
                int o = HeaderBytes + i * RecordBytes;
                SessionCodec.EncodeSummary(s, b, o);
                if (s == running)
                {
                    LittleEndian.PutU32(b, o, nextNumber);
                }

                LittleEndian.PutU32(b, o + 48, Sat(s.ForwardMilliKcal));
                LittleEndian.PutU32(b, o + 52, Sat(s.BackwardMilliKcal));
                PutSteadiness(s.ForwardSteadiness, b, o + 56);
                PutSteadiness(s.BackwardSteadiness, b, o + 68);
                for (int k = 0; k < s.IntervalCount; k++)
                {
                    SessionCodec.EncodeInterval(s, k, b, o + 80 + k * SessionCodec.IntervalLength);
                }
            }

            LittleEndian.PutU32(b, CrcOffset, Crc32.Compute(b, 0, CrcOffset));
        }

        /// <summary>Checks a record's size, magic, version and checksum (as <see cref="StateCodec.Check"/>); gives its sequence.</summary>
        public static StateError Check(byte[] b, int length, out uint sequence)
        {
            return SlotRecordCheck.Check(b, length, Magic, Version, Size, CrcOffset, out sequence);
        }

        /// <summary>
        /// Decodes a record that passed <see cref="Check"/> into <paramref name="history"/> (cleared first) using
        /// <paramref name="scratch"/> and <paramref name="figures"/> (<see cref="SessionCodec.FigureCount"/> ints); an inconsistent record (count, flags, an interval's direction) is BadValue and
        /// leaves <paramref name="history"/> empty.
        /// </summary>
        public static StateError Decode(byte[] b, SessionHistory history, SessionRecord scratch, int[] figures, out uint nextNumber)
        {
            history.Clear();
            int version = LittleEndian.GetU16(b, 4);
            nextNumber = LittleEndian.GetU32(b, 12);
            int count = b[16];
            if (count > Capacity || nextNumber == 0)
            {
                return StateError.BadValue;
            }

            for (int i = 0; i < count; i++)
            {
                int o = HeaderBytes + i * RecordBytes;
                if (SessionCodec.DecodeSummary(b, o, SessionCodec.SummaryLength, scratch, figures) != CodecStatus.Ok
                    || SessionCodec.InProgress(b, o))
                {
                    history.Clear();
                    return StateError.BadValue;
                }

                scratch.ForwardMilliKcal = LittleEndian.GetU32(b, o + 48);
                scratch.BackwardMilliKcal = LittleEndian.GetU32(b, o + 52);
                GetSteadiness(scratch.ForwardSteadiness, figures[SessionCodec.ForwardBouts], figures[SessionCodec.ForwardSteadySteps], b, o + 56, version);
                GetSteadiness(scratch.BackwardSteadiness, figures[SessionCodec.BackwardBouts], figures[SessionCodec.BackwardSteadySteps], b, o + 68, version);
                for (int k = 0; k < scratch.IntervalCount; k++)
                {
                    byte direction;
                    int startS;
                    int durationS;
                    int steps;
                    if (SessionCodec.DecodeInterval(b, o + 80 + k * SessionCodec.IntervalLength, SessionCodec.IntervalLength,
                        out direction, out startS, out durationS, out steps) != CodecStatus.Ok)
                    {
                        history.Clear();
                        return StateError.BadValue;
                    }

                    scratch.IntervalDirection[k] = direction;
                    scratch.IntervalStartMs[k] = startS * 1000L;
                    scratch.IntervalDurationMs[k] = durationS * 1000L;
                    scratch.IntervalSteps[k] = steps;
                }

                history.Add(scratch);
            }

            return StateError.None;
        }

        private static void PutSteadiness(Steadiness s, byte[] b, int o)
        {
            LittleEndian.PutU32(b, o, Sat(s.SumMs));
            LittleEndian.PutU32(b, o + 4, Sat(s.WithinStrideSquaresMs2));
            LittleEndian.PutU32(b, o + 8, Sat(s.WeightedAsymmetryPermille));
        }

        private static void GetSteadiness(Steadiness s, int bouts, int steps, byte[] b, int o, int version)
        {
            s.Reset();
            s.Bouts = bouts;
            s.Steps = steps;
            s.SumMs = LittleEndian.GetU32(b, o);
            long squares = LittleEndian.GetU32(b, o + 4);
            if (version == StepSquaresVersion)
            {
                // CV² was squares / (steps − bouts); as strides it is squares' / (2 (steps − 2 bouts)).
                squares = steps - bouts > 0 && steps - 2 * bouts > 0 ? squares * 2 * (steps - 2 * bouts) / (steps - bouts) : 0;
            }

            s.WithinStrideSquaresMs2 = squares;
            s.WeightedAsymmetryPermille = LittleEndian.GetU32(b, o + 8);
        }

        private static uint Sat(long v)
        {
            return v < 0 ? 0 : (v > 0xFFFFFFFFL ? 0xFFFFFFFF : (uint)v);
        }
    }
}
