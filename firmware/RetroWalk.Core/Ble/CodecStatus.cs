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

        /// <summary>
        /// ATT error "Write Request Rejected" (CSS Part B, common profile and service error codes): the value was valid
        /// but the device could not apply it now (its command queue was full, or the settings could not be stored).
        /// Not the application range 0x80-0x9F, whose meaning each service defines (CTS: 0x80 "Data field ignored").
        /// </summary>
        public const byte AttWriteRequestRejected = 0xFC;

        /// <summary>ATT error "Read Not Permitted" (Core spec Vol 3 Part F 3.4.1.1).</summary>
        public const byte AttReadNotPermitted = 0x02;

        /// <summary>ATT error "Write Not Permitted".</summary>
        public const byte AttWriteNotPermitted = 0x03;

        /// <summary>ATT error "Invalid Offset": a long (prepared) write; no value here needs one.</summary>
        public const byte AttInvalidOffset = 0x07;

        /// <summary>
        /// ATT error "Insufficient Authentication" (Core spec Vol 3 Part F 3.4.1.1; when to use it: Vol 3 Part C 10.3.1):
        /// the answer to any write on a link that is not encrypted with an approved bond (<see cref="LinkSecurity"/>).
        /// </summary>
        public const byte AttInsufficientAuthentication = 0x05;

        /// <summary>
        /// ATT error "Insufficient Encryption": the stack's answer to a protected write on an unencrypted link from a
        /// peer it holds a key for (a bonded phone that has not started encryption yet).
        /// </summary>
        public const byte AttInsufficientEncryption = 0x0F;

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
