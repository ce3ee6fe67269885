namespace RetroWalk.Core.Safety
{
    /// <summary>Which way the trunk leans from the upright reference; the numeric values are the ones sent over BLE.</summary>
    public enum TiltDirection : byte
    {
        Upright = 0,
        Forward = 1,
        Backward = 2,
        Sideways = 3,
    }
}
