namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Alert Level 0x2A06 of the Immediate Alert Service 0x1802 (what key-finder apps write), u8: 0 No Alert, 1 Mild
    /// Alert, 2 High Alert; 3-255 reserved. The service declares it Write Without Response, so a bad value cannot be
    /// answered with an error: the device ignores it. The tracker maps Mild and High to its Identify signal (LED and
    /// buzzer beeps) and No Alert to stopping it.
    /// </summary>
    public static class AlertLevelCodec
    {
        public const byte NoAlert = 0;
        public const byte MildAlert = 1;
        public const byte HighAlert = 2;

        public const int Length = 1;

        public static byte Decode(byte[] src, int offset, int length, out byte level)
        {
            level = NoAlert;
            if (!StatusCodec.Exact(src, offset, length, Length))
            {
                return CodecStatus.BadLength;
            }

            if (src[offset] > HighAlert)
            {
                return CodecStatus.OutOfRange;
            }

            level = src[offset];
            return CodecStatus.Ok;
        }

        /// <summary>True if the level asks the device to signal (Mild or High).</summary>
        public static bool Signals(byte level)
        {
            return level == MildAlert || level == HighAlert;
        }
    }
}
