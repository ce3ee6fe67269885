namespace RetroWalk.Core.Ble
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
        /// Device-internal (not a Control Point op; the Control Point codec refuses it): sets the wall clock, argument =
        /// UTC seconds since 1970. The loop queues Current Time writes (IConfigSink.SetClock) with it.
        /// </summary>
        public const byte SetCurrentTime = 0x20;
    }
}
