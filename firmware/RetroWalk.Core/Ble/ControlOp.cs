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

        /// <summary>Recording mode on: Raw Samples notifies the sensor's samples (needs a Raw Samples subscription).</summary>
        public const byte StartRecording = 0x11;

        /// <summary>Recording mode off (also when the phone unsubscribes or the link drops).</summary>
        public const byte StopRecording = 0x12;

        /// <summary>
        /// Download the kept sessions numbered from the u32 argument on (0 = all) on the Session characteristic
        /// (SessionStream; needs a Session subscription, one transfer at a time, like Request History).
        /// </summary>
        public const byte RequestSessions = 0x13;

        /// <summary>
        /// Device-internal (not a Control Point op; the Control Point codec refuses it): sets the wall clock, argument =
        /// UTC seconds since 1970. The loop queues Current Time writes (IConfigSink.SetClock) with it.
        /// </summary>
        public const byte SetCurrentTime = 0x20;
    }
}
