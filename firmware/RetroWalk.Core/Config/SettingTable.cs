namespace RetroWalk.Core.Config
{
    /// <summary>
    /// Every user setting, one row each, in record order: the BLE Config characteristic and the saved state both
    /// carry <see cref="SettingsCodec"/>'s record of these rows (docs/ble.md, "Config", is checked against them). A
    /// setting is added here, at the end, and nowhere else; <see cref="UserSettings"/> holds the values.
    /// <para>The first eight bytes are the original Config layout, so an 8-byte write from an older client still sets
    /// what it always set. The most used settings come first: a client at the default MTU that cannot do a long write
    /// can still write the first 20 bytes.</para>
    /// </summary>
    public static class SettingTable
    {
        public const int TiltWarnBackwardDeg = 0;
        public const int TiltWarnForwardDeg = 1;
        public const int TiltHoldMs = 2;
        public const int StepsToStartWalk = 3;
        public const int ForwardAxis = 4;
        public const int Flags = 5;
        public const int UtcOffsetQuarterHours = 6;
        public const int TiltWarnSidewaysDeg = 7;
        public const int HeightCm = 8;
        public const int ForwardStepCm = 9;
        public const int BackwardStepCm = 10;
        public const int BodyMassKg = 11;
        public const int TargetMin = 12;
        public const int GlanceEverySteps = 13;
        public const int BackwardIntervalS = 14;
        public const int ForwardIntervalS = 15;
        public const int IdleToStartS = 16;
        public const int RestToEndS = 17;
        public const int MinAutoSessionS = 18;

        /// <summary>Flags bit 0: broadcast the BTHome advertisement (Home Assistant).</summary>
        public const int FlagBtHomeAdvertising = 0x01;

        /// <summary>Flags bit 1: zero the counts at local midnight (the daily totals roll over either way).</summary>
        public const int FlagDailyReset = 0x02;

        /// <summary>Flags bit 2: the interval coach's direction and target cues (docs/coach.md).</summary>
        public const int FlagCoach = 0x04;

        /// <summary>Every defined flag; the others are reserved and must be 0.</summary>
        public const int KnownFlags = FlagBtHomeAdvertising | FlagDailyReset | FlagCoach;

        /// <summary>Name of flag bit i (mask 1 &lt;&lt; i), as the page and the CLI show it.</summary>
        public static readonly string[] FlagKeys = { "btHomeAdvertising", "dailyReset", "coach" };

        public static readonly string[] FlagLabels =
        {
            "BTHome advertising (Home Assistant)", "Reset counts at local midnight", "Coach cues (interval switch, target reached)",
        };

        private const int AngleMinDeg = 5;
        private const int AngleMaxDeg = 80;
        private const int StepMinCm = 10;
        private const int StepMaxCm = 250;
        private const int IntervalMinS = 10;
        private const int IntervalMaxS = 1800;

        /// <summary>
        /// The rows, index = id. Defaults: the tilt angles and hold are argued in docs/alarms.md, the session and
        /// coach values come from the retro-walking guides (docs/coach.md), the step lengths from the height
        /// (<see cref="StepLengths"/>), the UTC offset range is the SIG Time Zone characteristic's (UTC−12:00..+14:00).
        /// </summary>
        public static readonly SettingSpec[] Rows =
        {
            new SettingSpec(TiltWarnBackwardDeg, "tiltWarnBackwardDeg", "Tilt warning, leaning backward", "°", AngleMinDeg, AngleMaxDeg, 30, 1, false, null),
            new SettingSpec(TiltWarnForwardDeg, "tiltWarnForwardDeg", "Tilt warning, leaning forward", "°", AngleMinDeg, AngleMaxDeg, 45, 1, false, null),
            new SettingSpec(TiltHoldMs, "tiltHoldMs", "Lean held before the warning", "ms", 100, 10000, 1000, 2, false, null),
            new SettingSpec(StepsToStartWalk, "stepsToStartWalk", "Regular steps before a walk counts", "steps", 1, 20, 6, 1, false, null),
            new SettingSpec(ForwardAxis, "forwardAxis", "Device axis pointing forward", "", 0, (int)MountAxis.Unknown, (int)MountAxis.PlusZ, 1, false, null),
            new SettingSpec(Flags, "flags", "Flags", "", 0, KnownFlags, FlagBtHomeAdvertising | FlagCoach, 1, false, null),
            new SettingSpec(UtcOffsetQuarterHours, "utcOffsetQuarterHours", "Local time minus UTC", "15 min", -48, 56, 0, 1, true, null),
            new SettingSpec(TiltWarnSidewaysDeg, "tiltWarnSidewaysDeg", "Tilt warning, leaning sideways", "°", AngleMinDeg, AngleMaxDeg, 30, 1, false, null),
            new SettingSpec(HeightCm, "heightCm", "Wearer's height", "cm", 80, 250, 170, 1, false, null),
            new SettingSpec(ForwardStepCm, "forwardStepCm", "Step length walking forward", "cm", StepMinCm, StepMaxCm, 0, 1, false, "from the height"),
            new SettingSpec(BackwardStepCm, "backwardStepCm", "Step length walking backward", "cm", StepMinCm, StepMaxCm, 0, 1, false, "from the forward step"),
            new SettingSpec(BodyMassKg, "bodyMassKg", "Wearer's body mass", "kg", 20, 250, 70, 1, false, null),
            new SettingSpec(TargetMin, "targetMin", "Session target", "min", 1, 240, 15, 1, false, null),
            new SettingSpec(GlanceEverySteps, "glanceEverySteps", "Glance reminder every", "backward steps", 3, 200, 0, 1, false, "off"),
            new SettingSpec(BackwardIntervalS, "backwardIntervalS", "Backward interval before the switch cue", "s", IntervalMinS, IntervalMaxS, 60, 2, false, null),
            new SettingSpec(ForwardIntervalS, "forwardIntervalS", "Forward interval before the switch cue", "s", IntervalMinS, IntervalMaxS, 120, 2, false, null),
            new SettingSpec(IdleToStartS, "idleToStartS", "Idle time after which a walk starts a session", "s", 10, 3600, 300, 2, false, null),
            new SettingSpec(RestToEndS, "restToEndS", "Rest that ends a session", "s", 30, 3600, 300, 2, false, null),
            new SettingSpec(MinAutoSessionS, "minAutoSessionS", "Shortest walk-started session kept", "s", 0, 3600, 60, 2, false, null),
        };

        public static int Count
        {
            get { return Rows.Length; }
        }

        /// <summary>True for an id that names a setting.</summary>
        public static bool IsKnown(int id)
        {
            return id >= 0 && id < Rows.Length;
        }

        public static int DefaultOf(int id)
        {
            return Rows[id].Default;
        }
    }
}
