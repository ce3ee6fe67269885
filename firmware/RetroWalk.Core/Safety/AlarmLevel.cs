namespace RetroWalk.Core.Safety
{
    /// <summary>Alarm state as the wearer and BLE see it; the numeric values are the ones sent over BLE.</summary>
    public enum AlarmLevel : byte
    {
        None = 0,

        /// <summary>The trunk leans beyond the warning angle for the hold time: a fall risk, not a fall.</summary>
        TiltWarning = 1,

        /// <summary>A fall was detected; latched until acknowledged.</summary>
        FallAlarm = 2,
    }
}
