using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// RSC Feature 0x2A54 (RSCS v1.0 section 3.2), u16: bit 0 instantaneous stride length, bit 1 total distance, bit 2
    /// walking or running status, bit 3 calibration procedure, bit 4 multiple sensor locations; and Sensor Location
    /// 0x2A5D (section 3.3), u8 (0 other, 1 top of shoe, 2 in shoe, 3 hip, ...).
    /// <para>The tracker declares stride length and walking/running status only. Total distance is left out because
    /// the specification ties it to the SC Control Point's Set Cumulative Value procedure, whose responses are
    /// indications, and nanoFramework 1.x can only notify (its native NotifyClient calls NimBLE's
    /// ble_gattc_notify_custom, never the indicate call). Calibration and multiple locations need that control point
    /// too. So there is no SC Control Point 0x2A55: a half-implemented one would be worse than none.</para>
    /// </summary>
    public static class RscFeatureCodec
    {
        public const ushort StrideLengthSupported = 0x0001;
        public const ushort TotalDistanceSupported = 0x0002;
        public const ushort WalkingOrRunningSupported = 0x0004;
        public const ushort CalibrationSupported = 0x0008;
        public const ushort MultipleLocationsSupported = 0x0010;

        /// <summary>What the tracker supports: 0x0005.</summary>
        public const ushort Supported = StrideLengthSupported | WalkingOrRunningSupported;

        public const int FeatureLength = 2;

        public const byte LocationOther = 0;
        public const byte LocationTopOfShoe = 1;
        public const byte LocationInShoe = 2;
        public const byte LocationHip = 3;

        public const int LocationLength = 1;

        public static int EncodeFeature(ushort features, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, FeatureLength))
            {
                return 0;
            }

            LittleEndian.PutU16(dst, offset, features);
            return FeatureLength;
        }

        public static byte DecodeFeature(byte[] src, int offset, int length, out ushort features)
        {
            features = 0;
            if (!StatusCodec.Exact(src, offset, length, FeatureLength))
            {
                return CodecStatus.BadLength;
            }

            features = LittleEndian.GetU16(src, offset);
            return CodecStatus.Ok;
        }
    }
}
