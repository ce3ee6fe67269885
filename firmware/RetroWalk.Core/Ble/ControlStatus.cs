namespace RetroWalk.Core.Ble
{
    /// <summary>Control Point result codes (third byte of the indicated response).</summary>
    public static class ControlStatus
    {
        public const byte Ok = 1;
        public const byte Unsupported = 2;
        public const byte BadParameter = 3;
        public const byte Failed = 4;
    }
}
