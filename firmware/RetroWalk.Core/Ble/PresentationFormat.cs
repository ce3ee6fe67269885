using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Characteristic Presentation Format descriptor 0x2904 (7 bytes: format u8 | exponent s8 | unit u16 |
    /// namespace u8 | description u16), which lets generic apps such as nRF Connect show a value with its unit.
    /// The device passes the same numbers to nanoFramework's <c>CreateGattPresentationFormat</c>.
    /// </summary>
    public static class PresentationFormat
    {
        public const int Length = 7;

        public const byte FormatUInt8 = 0x04;
        public const byte FormatUInt32 = 0x08;
        public const byte FormatSInt16 = 0x0E;

        /// <summary>Opaque structure: the layout is in the User Description and docs/ble.md.</summary>
        public const byte FormatStruct = 0x1B;

        /// <summary>Unitless: the SIG has no "step" unit, so counts are unitless (not 0x27B5, a concentration).</summary>
        public const ushort UnitUnitless = 0x2700;
        public const ushort UnitStepPerMinute = 0x27BA;
        public const ushort UnitPlaneAngleDegree = 0x2763;
        public const ushort UnitPercentage = 0x27AD;

        /// <summary>Namespace 0x01: Bluetooth SIG assigned numbers.</summary>
        public const byte NamespaceSig = 0x01;
        public const ushort DescriptionUnknown = 0x0000;

        public static int Encode(byte format, int exponent, ushort unit, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            dst[offset] = format;
            dst[offset + 1] = (byte)(sbyte)exponent;
            LittleEndian.PutU16(dst, offset + 2, unit);
            dst[offset + 4] = NamespaceSig;
            LittleEndian.PutU16(dst, offset + 5, DescriptionUnknown);
            return Length;
        }

        public static byte Decode(byte[] src, int offset, int length, out byte format, out int exponent, out ushort unit)
        {
            format = 0;
            exponent = 0;
            unit = 0;
            if (!StatusCodec.Exact(src, offset, length, Length))
            {
                return CodecStatus.BadLength;
            }

            format = src[offset];
            exponent = (sbyte)src[offset + 1];
            unit = LittleEndian.GetU16(src, offset + 2);
            return CodecStatus.Ok;
        }
    }
}
