using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// Binary layout of the persisted state, little-endian, fixed size (<see cref="Size"/> bytes):
    /// <code>
    ///  0 u32 magic "RWST"      4 u16 version (1)     6 u16 total size      8 u32 sequence (newest slot wins)
    /// 12 u32 forward steps    16 u32 backward steps 20 u32 reset epoch (UTC s, 0 = clock unset)
    /// 24 u32 backward walking ms   28 u32 longest backward streak   32 u32 backward intervals
    /// 36 u32 local day        40 u32 today fwd      44 u32 today bwd      48 u32 yesterday fwd   52 u32 yesterday bwd
    /// 56 s16 UTC offset min   58 u8 flags (b0 auto daily reset, b1 BTHome)         59 u8 forward axis     60 u8 steps to start
    /// 61 u8 tilt warn backward deg   62 u8 tilt warn forward deg   63 u8 tilt warn sideways deg
    /// 64 u16 history count    66 u16 tilt hold ms
    /// 68 168 x { u32 hour start (UTC s), u16 fwd, u16 bwd }, oldest first, unused ones zero
    /// 1412 u32 CRC-32 of bytes 0..1411
    /// </code>
    /// </summary>
    public static class StateCodec
    {
        public const uint Magic = 0x54535752; // "RWST" read as little-endian
        /// <summary>2: offset 24 holds backward-walking seconds (1 held milliseconds, wrapping at 49.7 days).</summary>
        public const ushort Version = 2;
        public const int HistoryOffset = 68;
        public const int HistoryRecordBytes = 8;
        public const int CrcOffset = HistoryOffset + HourlyHistory.Capacity * HistoryRecordBytes;
        public const int Size = CrcOffset + 4;

        private const byte FlagAutoDailyReset = 1;
        private const byte FlagBtHome = 2;

        public static void Encode(DeviceState s, uint sequence, byte[] b)
        {
            System.Array.Clear(b, 0, Size);
            LittleEndian.PutU32(b, 0, Magic);
            LittleEndian.PutU16(b, 4, Version);
            LittleEndian.PutU16(b, 6, Size);
            LittleEndian.PutU32(b, 8, sequence);
            LittleEndian.PutU32(b, 12, s.ForwardSteps);
            LittleEndian.PutU32(b, 16, s.BackwardSteps);
            LittleEndian.PutU32(b, 20, s.ResetEpochS);
            LittleEndian.PutU32(b, 24, s.BackwardWalkingS);
            LittleEndian.PutU32(b, 28, s.LongestBackwardStreakSteps);
            LittleEndian.PutU32(b, 32, s.BackwardIntervals);
            LittleEndian.PutU32(b, 36, (uint)s.LocalDay);
            LittleEndian.PutU32(b, 40, s.TodayForward);
            LittleEndian.PutU32(b, 44, s.TodayBackward);
            LittleEndian.PutU32(b, 48, s.YesterdayForward);
            LittleEndian.PutU32(b, 52, s.YesterdayBackward);
            LittleEndian.PutU16(b, 56, s.UtcOffsetMinutes);
            b[58] = (byte)((s.AutoDailyReset ? FlagAutoDailyReset : 0) | (s.BtHomeAdvertising ? FlagBtHome : 0));
            b[59] = (byte)s.ForwardAxis;
            b[60] = s.StepsToStartWalk;
            b[61] = s.TiltWarnBackwardDeg;
            b[62] = s.TiltWarnForwardDeg;
            b[63] = s.TiltWarnSidewaysDeg;
            LittleEndian.PutU16(b, 66, s.TiltHoldMs);

            int count = s.History.Count;
            LittleEndian.PutU16(b, 64, count);
            for (int i = 0; i < count; i++)
            {
                uint hour;
                ushort fwd;
                ushort bwd;
                s.History.GetRecord(i, out hour, out fwd, out bwd);
                int o = HistoryOffset + i * HistoryRecordBytes;
                LittleEndian.PutU32(b, o, hour);
                LittleEndian.PutU16(b, o + 4, fwd);
                LittleEndian.PutU16(b, o + 6, bwd);
            }

            LittleEndian.PutU32(b, CrcOffset, Crc32.Compute(b, 0, CrcOffset));
        }

        /// <summary>Checks a record's size, magic, version and checksum; gives its sequence number.</summary>
        public static StateError Check(byte[] b, int length, out uint sequence)
        {
            return SlotRecordCheck.Check(b, length, Magic, Version, Size, CrcOffset, out sequence);
        }

        /// <summary>
        /// Decodes a record that passed <see cref="Check"/>. A setting out of range (e.g. written under other limits)
        /// keeps the value already in <paramref name="s"/> (the default) and sets <paramref name="settingsDefaulted"/>:
        /// a setting never costs the counts. An inconsistent record leaves <paramref name="s"/> untouched (BadValue).
        /// </summary>
        public static StateError Decode(byte[] b, DeviceState s, out bool settingsDefaulted)
        {
            settingsDefaulted = false;
            int historyCount = LittleEndian.GetU16(b, 64);
            if (historyCount > HourlyHistory.Capacity)
            {
                return StateError.BadValue;
            }

            s.ForwardSteps = LittleEndian.GetU32(b, 12);
            s.BackwardSteps = LittleEndian.GetU32(b, 16);
            s.ResetEpochS = LittleEndian.GetU32(b, 20);
            uint backwardWalking = LittleEndian.GetU32(b, 24);
            s.BackwardWalkingS = LittleEndian.GetU16(b, 4) < 2 ? backwardWalking / 1000 : backwardWalking;
            s.LongestBackwardStreakSteps = LittleEndian.GetU32(b, 28);
            s.BackwardIntervals = LittleEndian.GetU32(b, 32);
            s.LocalDay = (int)LittleEndian.GetU32(b, 36);
            s.TodayForward = LittleEndian.GetU32(b, 40);
            s.TodayBackward = LittleEndian.GetU32(b, 44);
            s.YesterdayForward = LittleEndian.GetU32(b, 48);
            s.YesterdayBackward = LittleEndian.GetU32(b, 52);
            short offset = (short)LittleEndian.GetU16(b, 56);
            if (offset >= -DeviceState.MaxUtcOffsetMinutes && offset <= DeviceState.MaxUtcOffsetMinutes)
            {
                s.UtcOffsetMinutes = offset;
            }
            else
            {
                settingsDefaulted = true;
            }

            s.AutoDailyReset = (b[58] & FlagAutoDailyReset) != 0;
            s.BtHomeAdvertising = (b[58] & FlagBtHome) != 0;
            settingsDefaulted |= !RestoreSetting(s, Settings.ForwardAxis, b[59]);
            settingsDefaulted |= !RestoreSetting(s, Settings.StepsToStartWalk, b[60]);
            settingsDefaulted |= !RestoreSetting(s, Settings.TiltWarnBackwardDeg, b[61]);
            settingsDefaulted |= !RestoreSetting(s, Settings.TiltWarnForwardDeg, b[62]);
            settingsDefaulted |= !RestoreSetting(s, Settings.TiltWarnSidewaysDeg, b[63]);
            settingsDefaulted |= !RestoreSetting(s, Settings.TiltHoldMs, LittleEndian.GetU16(b, 66));
            s.History.Clear();
            for (int i = 0; i < historyCount; i++)
            {
                int o = HistoryOffset + i * HistoryRecordBytes;
                s.History.Append(LittleEndian.GetU32(b, o), LittleEndian.GetU16(b, o + 4), LittleEndian.GetU16(b, o + 6));
            }

            return StateError.None;
        }

        private static bool RestoreSetting(DeviceState s, int id, int value)
        {
            if (!Settings.IsValid(id, value))
            {
                return false;
            }

            Settings.Apply(s, id, value);
            return true;
        }

        /// <summary>A sentence for a log or the CLI.</summary>
        public static string Describe(StateError error)
        {
            switch (error)
            {
                case StateError.None: return "valid";
                case StateError.Empty: return "empty (never written)";
                case StateError.ReadFailed: return "could not be read";
                case StateError.WrongSize: return "wrong size (truncated write or foreign file)";
                case StateError.BadMagic: return "not a RetroWalk state record";
                case StateError.NewerVersion: return "written by a newer firmware";
                case StateError.BadChecksum: return "checksum mismatch (interrupted write or flash corruption)";
                default: return "inconsistent content (more history records than fit)";
            }
        }
    }
}
