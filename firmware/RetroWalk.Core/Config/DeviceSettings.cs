namespace RetroWalk.Core.Config
{
    /// <summary>
    /// The settings a phone reads and writes through the BLE Config characteristic (docs/ble.md, "Config"). A plain
    /// transfer object: the device loop copies it from and to <see cref="TrackerConfig"/>; the ranges below are the
    /// ones a write is validated against (a value outside them is rejected whole and changes nothing).
    /// </summary>
    public sealed class DeviceSettings
    {
        public const int MinTiltWarningDeg = 5;
        public const int MaxTiltWarningDeg = 80;
        public const int MinTiltHoldMs = 100;
        public const int MaxTiltHoldMs = 10000;
        public const int MinStepsToStartWalk = 1;
        public const int MaxStepsToStartWalk = 20;

        /// <summary>UTC-12:00 .. UTC+14:00 in 15-minute units, as the SIG's Time Zone characteristic (0x2A0E).</summary>
        public const int MinUtcOffsetQuarterHours = -48;
        public const int MaxUtcOffsetQuarterHours = 56;

        /// <summary>Flags bit 0: broadcast the BTHome advertisement (Home Assistant).</summary>
        public const byte FlagBtHomeAdvertising = 0x01;

        /// <summary>Flags bit 1: reset the counts at local midnight (needs the clock set).</summary>
        public const byte FlagDailyReset = 0x02;

        public const byte KnownFlags = FlagBtHomeAdvertising | FlagDailyReset;

        /// <summary>Trunk lean backward from upright that starts a tilt warning, in degrees.</summary>
        public int TiltWarningBackwardDeg;

        /// <summary>Trunk lean forward from upright that starts a tilt warning, in degrees.</summary>
        public int TiltWarningForwardDeg;

        /// <summary>How long the lean must last before the warning, in milliseconds.</summary>
        public int TiltHoldMs;

        public int StepsToStartWalk;

        public MountAxis ForwardAxis;

        /// <summary>Bit set of <see cref="FlagBtHomeAdvertising"/> and <see cref="FlagDailyReset"/>.</summary>
        public byte Flags;

        /// <summary>Local time minus UTC in 15-minute units.</summary>
        public int UtcOffsetQuarterHours;

        public bool BtHomeAdvertising
        {
            get { return (Flags & FlagBtHomeAdvertising) != 0; }
        }

        public bool DailyReset
        {
            get { return (Flags & FlagDailyReset) != 0; }
        }

        /// <summary>True if every field lies in its documented range and no unknown flag is set.</summary>
        public bool IsValid()
        {
            return InRange(TiltWarningBackwardDeg, MinTiltWarningDeg, MaxTiltWarningDeg)
                && InRange(TiltWarningForwardDeg, MinTiltWarningDeg, MaxTiltWarningDeg)
                && InRange(TiltHoldMs, MinTiltHoldMs, MaxTiltHoldMs)
                && InRange(StepsToStartWalk, MinStepsToStartWalk, MaxStepsToStartWalk)
                && (byte)ForwardAxis <= (byte)MountAxis.Unknown
                && (Flags & ~KnownFlags) == 0
                && InRange(UtcOffsetQuarterHours, MinUtcOffsetQuarterHours, MaxUtcOffsetQuarterHours);
        }

        public void CopyFrom(DeviceSettings other)
        {
            TiltWarningBackwardDeg = other.TiltWarningBackwardDeg;
            TiltWarningForwardDeg = other.TiltWarningForwardDeg;
            TiltHoldMs = other.TiltHoldMs;
            StepsToStartWalk = other.StepsToStartWalk;
            ForwardAxis = other.ForwardAxis;
            Flags = other.Flags;
            UtcOffsetQuarterHours = other.UtcOffsetQuarterHours;
        }

        private static bool InRange(int value, int min, int max)
        {
            return value >= min && value <= max;
        }
    }
}
