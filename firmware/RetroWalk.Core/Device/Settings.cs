using RetroWalk.Core.Config;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// The user settings that <see cref="ControlOp.SetSetting"/> changes and the state store keeps, with their ranges.
    /// The command's argument packs the setting id in bits 16-23 and the value in bits 0-15 (<see cref="Pack"/>).
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

        // Ranges as the BLE Config characteristic documents them (docs/ble.md).
        public const int MinTiltWarningDeg = 5;
        public const int MaxTiltWarningDeg = 80;
        public const int MinTiltHoldMs = 100;
        public const int MaxTiltHoldMs = 10000;
        public const int MaxStepsToStartWalk = 20;

        public static uint Pack(int id, int value)
        {
            return (uint)((id << 16) | (value & 0xFFFF));
        }

        public static bool IsValid(int id, int value)
        {
            switch (id)
            {
                case TiltWarnBackwardDeg:
                case TiltWarnForwardDeg:
                case TiltWarnSidewaysDeg:
                    return value >= MinTiltWarningDeg && value <= MaxTiltWarningDeg;
                case TiltHoldMs:
                    return value >= MinTiltHoldMs && value <= MaxTiltHoldMs;
                case StepsToStartWalk:
                    return value >= 1 && value <= MaxStepsToStartWalk;
                case AutoDailyReset:
                case BtHomeAdvertising:
                    return value == 0 || value == 1;
                case ForwardAxis:
                    return value >= 0 && value <= (int)MountAxis.Unknown;
                default:
                    return false;
            }
        }

        /// <summary>Stores a valid setting in <paramref name="state"/>; true when the tracker must be rebuilt to use it.</summary>
        public static bool Apply(DeviceState state, int id, int value)
        {
            switch (id)
            {
                case TiltWarnBackwardDeg:
                    state.TiltWarnBackwardDeg = (byte)value;
                    return true;
                case TiltWarnForwardDeg:
                    state.TiltWarnForwardDeg = (byte)value;
                    return true;
                case TiltWarnSidewaysDeg:
                    state.TiltWarnSidewaysDeg = (byte)value;
                    return true;
                case TiltHoldMs:
                    state.TiltHoldMs = (ushort)value;
                    return true;
                case StepsToStartWalk:
                    state.StepsToStartWalk = (byte)value;
                    return true;
                case ForwardAxis:
                    state.ForwardAxis = (MountAxis)value;
                    return true;
                case BtHomeAdvertising:
                    state.BtHomeAdvertising = value != 0;
                    return false;
                default:
                    state.AutoDailyReset = value != 0;
                    return false;
            }
        }
    }
}
