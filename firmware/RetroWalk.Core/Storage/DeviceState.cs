using RetroWalk.Core.Config;

namespace RetroWalk.Core.Storage
{
    /// <summary>Everything that survives a reboot: counters, reset time, session figures, daily totals, settings, history.</summary>
    public sealed class DeviceState
    {
        public const short MaxUtcOffsetMinutes = 14 * 60;

        public uint ForwardSteps;
        public uint BackwardSteps;

        /// <summary>UTC seconds of the last count reset; 0 when the clock was not set then.</summary>
        public uint ResetEpochS;

        /// <summary>Backward-walking time in whole seconds (milliseconds in a uint wrapped at 49.7 days).</summary>
        public uint BackwardWalkingS;
        public uint LongestBackwardStreakSteps;
        public uint BackwardIntervals;

        /// <summary>Local day (days since 1970-01-01 in local time) that <see cref="TodayForward"/> belongs to; 0 = not known yet.</summary>
        public int LocalDay;

        public uint TodayForward;
        public uint TodayBackward;
        public uint YesterdayForward;
        public uint YesterdayBackward;

        /// <summary>Local time minus UTC, in minutes (Current Time Service / Local Time Information).</summary>
        public short UtcOffsetMinutes;

        /// <summary>Zero the counters at local midnight (the daily totals roll over either way).</summary>
        public bool AutoDailyReset;

        /// <summary>Broadcast the BTHome advertisement (Home Assistant); on by default.</summary>
        public bool BtHomeAdvertising = true;

        public MountAxis ForwardAxis = MountAxis.PlusZ;
        public byte StepsToStartWalk = 6;
        public byte TiltWarnBackwardDeg = 30;
        public byte TiltWarnForwardDeg = 45;
        public byte TiltWarnSidewaysDeg = 30;
        public ushort TiltHoldMs = 1000;

        public readonly HourlyHistory History = new HourlyHistory();

        /// <summary>Copies the persisted settings into a tracker configuration (before the Tracker is built).</summary>
        public void ApplyTo(TrackerConfig config)
        {
            config.ForwardAxis = ForwardAxis;
            config.StepsToStartWalk = StepsToStartWalk;
            config.Alarm.TiltWarnBackwardDeg = TiltWarnBackwardDeg;
            config.Alarm.TiltWarnForwardDeg = TiltWarnForwardDeg;
            config.Alarm.TiltWarnSidewaysDeg = TiltWarnSidewaysDeg;
            config.Alarm.TiltHoldMs = TiltHoldMs;
        }

        /// <summary>Takes the persisted settings from a tracker configuration.</summary>
        public void TakeSettingsFrom(TrackerConfig config)
        {
            ForwardAxis = config.ForwardAxis;
            StepsToStartWalk = (byte)config.StepsToStartWalk;
            TiltWarnBackwardDeg = (byte)config.Alarm.TiltWarnBackwardDeg;
            TiltWarnForwardDeg = (byte)config.Alarm.TiltWarnForwardDeg;
            TiltWarnSidewaysDeg = (byte)config.Alarm.TiltWarnSidewaysDeg;
            TiltHoldMs = (ushort)config.Alarm.TiltHoldMs;
        }
    }
}
