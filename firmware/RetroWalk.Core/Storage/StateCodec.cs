using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;

namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// Binary layout of the persisted state, little-endian, fixed size (<see cref="Size"/> bytes), version 3:
    /// <code>
    ///  0 u32 magic "RWST"      4 u16 version (3)     6 u16 total size      8 u32 sequence (newest slot wins)
    /// 12 u32 forward steps    16 u32 backward steps 20 u32 reset epoch (UTC s, 0 = clock unset)
    /// 24 u32 backward walking s    28 u32 longest backward streak   32 u32 backward intervals
    /// 36 u32 local day        40 u32 today fwd      44 u32 today bwd      48 u32 yesterday fwd   52 u32 yesterday bwd
    /// 56 u16 history count    58 u8 settings bytes n   59 u8 alarm flags (b0 fall alarm latched, not acknowledged)
    /// 60 u32 when that fall alarm was raised (UTC s, 0 = clock unset)
    /// 64 settings record (SettingsCodec, n bytes: the same bytes as the BLE Config characteristic), zero up to 124
    /// 124 168 x { u32 hour start (UTC s), u16 fwd, u16 bwd }, oldest first, unused ones zero
    /// 1468 u32 CRC-32 of bytes 0..1467
    /// </code>
    /// Versions 1 and 2 (1416 bytes) kept the settings one by one at 56-63 and 66 and are still read: their settings
    /// are taken over, every setting they did not have gets its default. The settings area has room for settings
    /// added later: a record with fewer settings bytes than the table restores the missing ones with their defaults.
    /// </summary>
    public static class StateCodec
    {
        public const uint Magic = 0x54535752; // "RWST" read as little-endian

        /// <summary>
        /// 3: the settings record of <see cref="SettingsCodec"/> at 64 and the latched fall alarm. 2: offset 24 holds backward-walking seconds
        /// (1 held milliseconds, wrapping at 49.7 days).
        /// </summary>
        public const ushort Version = 3;
        public const int HistoryCountOffset = 56;
        public const int SettingsLengthOffset = 58;
        public const int AlarmFlagsOffset = 59;
        public const int FallAlarmEpochOffset = 60;
        public const int SettingsOffset = 64;
        public const int SettingsAreaBytes = 60;
        public const int HistoryOffset = SettingsOffset + SettingsAreaBytes;
        public const int HistoryRecordBytes = 8;
        public const int CrcOffset = HistoryOffset + HourlyHistory.Capacity * HistoryRecordBytes;
        public const int Size = CrcOffset + 4;

        /// <summary>Versions 1 and 2: the history at 68, the CRC at 1412.</summary>
        public const int V2HistoryOffset = 68;
        public const int V2CrcOffset = V2HistoryOffset + HourlyHistory.Capacity * HistoryRecordBytes;
        public const int V2Size = V2CrcOffset + 4;

        private const byte V2FlagAutoDailyReset = 1;
        private const byte V2FlagBtHome = 2;
        private const byte AlarmFlagFallLatched = 1;

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
            b[SettingsLengthOffset] = (byte)SettingsCodec.Encode(s.Settings, b, SettingsOffset);
            b[AlarmFlagsOffset] = s.FallAlarmLatched ? AlarmFlagFallLatched : (byte)0;
            LittleEndian.PutU32(b, FallAlarmEpochOffset, s.FallAlarmLatched ? s.FallAlarmEpochS : 0);

            int count = s.History.Count;
            LittleEndian.PutU16(b, HistoryCountOffset, count);
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
            bool older = length >= 6 && LittleEndian.GetU16(b, 4) < 3;
            return SlotRecordCheck.Check(b, length, Magic, Version, older ? V2Size : Size, older ? V2CrcOffset : CrcOffset,
                out sequence);
        }

        /// <summary>
        /// Decodes a record that passed <see cref="Check"/>, of any version. A setting out of range (e.g. written under
        /// other limits) gets its default and sets <paramref name="settingsDefaulted"/>: a setting never costs the
        /// counts. An inconsistent record leaves <paramref name="s"/> untouched (BadValue).
        /// </summary>
        public static StateError Decode(byte[] b, DeviceState s, out bool settingsDefaulted)
        {
            settingsDefaulted = false;
            int version = LittleEndian.GetU16(b, 4);
            int historyOffset = version < 3 ? V2HistoryOffset : HistoryOffset;
            int historyCount = LittleEndian.GetU16(b, version < 3 ? 64 : HistoryCountOffset);
            if (historyCount > HourlyHistory.Capacity)
            {
                return StateError.BadValue;
            }

            s.ForwardSteps = LittleEndian.GetU32(b, 12);
            s.BackwardSteps = LittleEndian.GetU32(b, 16);
            s.ResetEpochS = LittleEndian.GetU32(b, 20);
            uint backwardWalking = LittleEndian.GetU32(b, 24);
            s.BackwardWalkingS = version < 2 ? backwardWalking / 1000 : backwardWalking;
            s.LongestBackwardStreakSteps = LittleEndian.GetU32(b, 28);
            s.BackwardIntervals = LittleEndian.GetU32(b, 32);
            s.LocalDay = (int)LittleEndian.GetU32(b, 36);
            s.TodayForward = LittleEndian.GetU32(b, 40);
            s.TodayBackward = LittleEndian.GetU32(b, 44);
            s.YesterdayForward = LittleEndian.GetU32(b, 48);
            s.YesterdayBackward = LittleEndian.GetU32(b, 52);
            // Versions 1 and 2 did not keep the alarm: nothing latched.
            s.FallAlarmLatched = version >= 3 && (b[AlarmFlagsOffset] & AlarmFlagFallLatched) != 0;
            s.FallAlarmEpochS = s.FallAlarmLatched ? LittleEndian.GetU32(b, FallAlarmEpochOffset) : 0;
            UserSettings settings = s.Settings;
            if (version < 3)
            {
                settingsDefaulted = DecodeV2Settings(b, settings);
            }
            else
            {
                int length = b[SettingsLengthOffset];
                SettingsCodec.Decode(b, SettingsOffset, length > SettingsAreaBytes ? SettingsAreaBytes : length, settings);
            }

            settingsDefaulted |= settings.ResetInvalid();
            s.History.Clear();
            for (int i = 0; i < historyCount; i++)
            {
                int o = historyOffset + i * HistoryRecordBytes;
                s.History.Append(LittleEndian.GetU32(b, o), LittleEndian.GetU16(b, o + 4), LittleEndian.GetU16(b, o + 6));
            }

            return StateError.None;
        }

        /// <summary>Versions 1 and 2: the settings one by one; true if the UTC offset was not a whole quarter hour.</summary>
        private static bool DecodeV2Settings(byte[] b, UserSettings settings)
        {
            int offsetMinutes = (short)LittleEndian.GetU16(b, 56);
            bool defaulted = offsetMinutes % 15 != 0;
            if (!defaulted)
            {
                settings.UtcOffsetQuarterHours = offsetMinutes / 15;
            }

            settings.DailyReset = (b[58] & V2FlagAutoDailyReset) != 0;
            settings.BtHomeAdvertising = (b[58] & V2FlagBtHome) != 0;
            settings.Put(SettingTable.ForwardAxis, b[59]);
            settings.StepsToStartWalk = b[60];
            settings.TiltWarnBackwardDeg = b[61];
            settings.TiltWarnForwardDeg = b[62];
            settings.TiltWarnSidewaysDeg = b[63];
            settings.TiltHoldMs = LittleEndian.GetU16(b, 66);
            return defaulted;
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
