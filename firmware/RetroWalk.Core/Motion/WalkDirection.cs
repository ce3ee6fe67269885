namespace RetroWalk.Core.Motion
{
    /// <summary>Current direction of travel; the numeric values are the ones sent over BLE.</summary>
    public enum WalkDirection : byte
    {
        Still = 0,
        Forward = 1,
        Backward = 2,
    }
}
