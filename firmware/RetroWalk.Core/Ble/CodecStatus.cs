namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Result of decoding bytes that came over the air. Decoders never throw on bad input: they return one of these
    /// and leave their output untouched unless the result is <see cref="Ok"/>.
    /// </summary>
    public static class CodecStatus
    {
        public const byte Ok = 0;

        /// <summary>The value is shorter or longer than its layout, or the buffer cannot hold it.</summary>
        public const byte BadLength = 1;

        /// <summary>A field is outside its documented range (or a reserved bit is set).</summary>
        public const byte OutOfRange = 2;

        /// <summary>Well-formed but not something this firmware does (e.g. an unknown Control Point op code).</summary>
        public const byte Unsupported = 3;

        /// <summary>ATT error "Invalid Attribute Value Length" (Core spec Vol 3 Part F 3.4.1.1).</summary>
        public const byte AttInvalidLength = 0x0D;

        /// <summary>ATT error "Out of Range" (Core Specification Supplement, common profile error codes).</summary>
        public const byte AttOutOfRange = 0xFF;

        /// <summary>ATT error "Client Characteristic Configuration Descriptor Improperly Configured" (CSS common
        /// profile error): a Control Point write from a client that has not subscribed to its responses.</summary>
        public const byte AttCccdImproperlyConfigured = 0xFD;

        /// <summary>First application error code: the value was valid but the device could not apply it.</summary>
        public const byte AttApplicationError = 0x80;

        /// <summary>ATT error "Request Not Supported".</summary>
        public const byte AttRequestNotSupported = 0x06;

        /// <summary>The ATT error a GATT write answers with when decoding failed with <paramref name="status"/>.</summary>
        public static byte ToAttError(byte status)
        {
            switch (status)
            {
                case BadLength: return AttInvalidLength;
                case Unsupported: return AttRequestNotSupported;
                default: return AttOutOfRange;
            }
        }
    }
}
