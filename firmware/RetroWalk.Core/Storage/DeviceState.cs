using RetroWalk.Core.Config;

namespace RetroWalk.Core.Storage
{
    /// <summary>Everything that survives a reboot: counters, reset time, session figures, daily totals, settings, history.</summary>
    public sealed class DeviceState
    {
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

        /// <summary>A fall alarm is latched and not acknowledged: restored at boot, it sounds again until acknowledged.</summary>
        public bool FallAlarmLatched;

        /// <summary>UTC seconds when that fall alarm was raised; 0 when the clock was not set then (or no alarm).</summary>
        public uint FallAlarmEpochS;

        /// <summary>The user's settings (BLE Config), saved with the counts.</summary>
        public readonly UserSettings Settings = new UserSettings();

        public readonly HourlyHistory History = new HourlyHistory();
    }
}
