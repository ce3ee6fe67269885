using RetroWalk.Core.Config;

namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// The persisted user settings one by one, with their ranges (those of the BLE Config characteristic,
    /// <see cref="DeviceSettings"/>): the state codec restores each valid one and keeps the default for any other.
    /// </summary>
    public static class Settings
    {
        public const int TiltWarnBackwardDeg = 1;
        public const int TiltWarnForwardDeg = 2;
        public const int TiltWarnSidewaysDeg = 3;
        public const int TiltHoldMs = 4;
        public const int StepsToStartWalk = 5;

        /// <summary>1: zero the counts at local midnight; 0: keep them (the daily totals roll over either way).</summary>
        public const int AutoDailyReset = 6;

        /// <summary>A <see cref="MountAxis"/> value.</summary>
        public const int ForwardAxis = 7;

        /// <summary>1: broadcast the BTHome advertisement; 0: plain advertisement (read by the BLE adapter).</summary>
        public const int BtHomeAdvertising = 8;

        public static bool IsValid(int id, int value)
        {
            switch (id)
            {
                case TiltWarnBackwardDeg:
                case TiltWarnForwardDeg:
                case TiltWarnSidewaysDeg:
                    return value >= DeviceSettings.MinTiltWarningDeg && value <= DeviceSettings.MaxTiltWarningDeg;
                case TiltHoldMs:
                    return value >= DeviceSettings.MinTiltHoldMs && value <= DeviceSettings.MaxTiltHoldMs;
                case StepsToStartWalk:
                    return value >= DeviceSettings.MinStepsToStartWalk && value <= DeviceSettings.MaxStepsToStartWalk;
                case AutoDailyReset:
                case BtHomeAdvertising:
                    return value == 0 || value == 1;
                case ForwardAxis:
                    return value >= 0 && value <= (int)MountAxis.Unknown;
                default:
                    return false;
            }
        }

        /// <summary>Stores a valid setting in <paramref name="state"/>.</summary>
        public static void Apply(DeviceState state, int id, int value)
        {
            switch (id)
            {
                case TiltWarnBackwardDeg:
                    state.TiltWarnBackwardDeg = (byte)value;
                    return;
                case TiltWarnForwardDeg:
                    state.TiltWarnForwardDeg = (byte)value;
                    return;
                case TiltWarnSidewaysDeg:
                    state.TiltWarnSidewaysDeg = (byte)value;
                    return;
                case TiltHoldMs:
                    state.TiltHoldMs = (ushort)value;
                    return;
                case StepsToStartWalk:
                    state.StepsToStartWalk = (byte)value;
                    return;
                case ForwardAxis:
                    state.ForwardAxis = (MountAxis)value;
                    return;
                case BtHomeAdvertising:
                    state.BtHomeAdvertising = value != 0;
                    return;
                default:
                    state.AutoDailyReset = value != 0;
                    return;
            }
        }
    }
}
