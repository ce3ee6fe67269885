namespace RetroWalk.Core.Health
{
    /// <summary>How the last save of the device state to flash went.</summary>
    public enum SaveOutcome : byte
    {
        /// <summary>No save since boot.</summary>
        None = 0,
        Saved = 1,
        Failed = 2,
    }
}
