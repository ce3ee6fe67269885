namespace RetroWalk.Core.Device
{
    /// <summary>Control Point operation codes (first byte of a Control Point write); see docs/ble.md.</summary>
    public static class ControlOp
    {
        public const byte ResetCounts = 0x01;
        public const byte AcknowledgeAlarm = 0x02;
        public const byte Identify = 0x03;
        public const byte RecaptureUpright = 0x04;
        public const byte RequestHistory = 0x10;

        /// <summary>
        /// Sets the wall clock; argument = UTC seconds since 1970. Submitted by the BLE adapter when a phone writes the
        /// Current Time characteristic (also accepted as a Control Point op).
        /// </summary>
        public const byte SetCurrentTime = 0x20;

        /// <summary>
        /// Sets local time minus UTC; argument = signed minutes as a two's-complement uint (Local Time Information:
        /// time zone in 15-minute units plus DST offset), a multiple of 15 within ±14 h.
        /// </summary>
        public const byte SetUtcOffset = 0x21;

        /// <summary>Changes a user setting; argument = <see cref="Settings.Pack"/>(id, value). Kept across reboots.</summary>
        public const byte SetSetting = 0x22;
    }

    /// <summary>Control Point result codes (third byte of the indicated response).</summary>
    public static class ControlStatus
    {
        public const byte Ok = 1;
        public const byte Unsupported = 2;
        public const byte BadParameter = 3;
        public const byte Failed = 4;
    }
}
