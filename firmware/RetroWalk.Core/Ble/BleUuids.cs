namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The one registry of RetroWalk's BLE UUIDs (docs/ble.md). Custom UUIDs share the base
    /// <c>xxxxxxxx-2a3c-4304-b1d2-d9699b546a59</c>: the service is <c>00010000-…</c>, its characteristics
    /// <c>0001CCCC-…</c>. Never reuse a number: a phone that cached the old layout would misread the new one.
    /// On the device, <c>new System.Guid(string)</c> (nanoFramework mscorlib) turns these strings into GATT UUIDs.
    /// </summary>
    public static class BleUuids
    {
        public const string Service = "00010000-2a3c-4304-b1d2-d9699b546a59";
        public const string ForwardSteps = "00010001-2a3c-4304-b1d2-d9699b546a59";
        public const string BackwardSteps = "00010002-2a3c-4304-b1d2-d9699b546a59";
        public const string Snapshot = "00010003-2a3c-4304-b1d2-d9699b546a59";
        public const string TiltAlarm = "00010004-2a3c-4304-b1d2-d9699b546a59";
        public const string ControlPoint = "00010005-2a3c-4304-b1d2-d9699b546a59";
        public const string Config = "00010006-2a3c-4304-b1d2-d9699b546a59";
        public const string History = "00010007-2a3c-4304-b1d2-d9699b546a59";
        public const string BackwardSession = "00010008-2a3c-4304-b1d2-d9699b546a59";
        public const string Cadence = "00010009-2a3c-4304-b1d2-d9699b546a59";
        public const string Tilt = "0001000a-2a3c-4304-b1d2-d9699b546a59";

        /// <summary>Recording mode's raw sensor samples (RawSamplesCodec): notify while recording, read the format.</summary>
        public const string RawSamples = "0001000b-2a3c-4304-b1d2-d9699b546a59";

        /// <summary>Device health (HealthCodec): sensor state, bus and FIFO faults, saves, restore, uptime; read, notify.</summary>
        public const string Health = "0001000c-2a3c-4304-b1d2-d9699b546a59";

        /// <summary>The current or last walking session's summary (SessionCodec); read, notify.</summary>
        public const string Session = "0001000d-2a3c-4304-b1d2-d9699b546a59";

        /// <summary>Past sessions, streamed after Control Point 0x13 (SessionStream); notify only, like History.</summary>
        public const string SessionLog = "0001000e-2a3c-4304-b1d2-d9699b546a59";

        /// <summary>
        /// SIG-assigned 16-bit UUIDs of the services and characteristics the core's GATT table names (the adapter
        /// builds nanoFramework's GUIDs from them).
        /// </summary>
        public const ushort CurrentTimeService = 0x1805;
        public const ushort CurrentTimeCharacteristic = 0x2A2B;
        public const ushort RunningSpeedAndCadence = 0x1814;
        public const ushort RscMeasurementCharacteristic = 0x2A53;
        public const ushort RscFeatureCharacteristic = 0x2A54;
        public const ushort SensorLocationCharacteristic = 0x2A5D;
        public const ushort LocalTimeInformationCharacteristic = 0x2A0F;
        public const ushort ImmediateAlertService = 0x1802;
        public const ushort AlertLevelCharacteristic = 0x2A06;
        public const ushort BatteryService = 0x180F;
        public const ushort BatteryLevelCharacteristic = 0x2A19;

        /// <summary>BTHome's 16-bit service-data UUID (registered to Allterco Robotics for BTHome).</summary>
        public const ushort BtHome = 0xFCD2;

        /// <summary>
        /// Writes a 128-bit UUID string ("8-4-4-4-12" hex) in BLE's on-air order (least significant byte first) and
        /// returns 16, or 0 if the string is malformed. Used to put the service UUID into the scan response.
        /// </summary>
        public static int WriteUuid128(string uuid, byte[] dst, int offset)
        {
            if (uuid == null || uuid.Length != 36 || dst == null || offset < 0 || dst.Length - offset < 16)
            {
                return 0;
            }

            int written = 0;
            int high = -1;
            for (int i = 0; i < uuid.Length; i++)
            {
                char c = uuid[i];
                if (i == 8 || i == 13 || i == 18 || i == 23)
                {
                    if (c != '-')
                    {
                        return 0;
                    }

                    continue;
                }

                int nibble = HexValue(c);
                if (nibble < 0)
                {
                    return 0;
                }

                if (high < 0)
                {
                    high = nibble;
                }
                else
                {
                    // The string reads most significant byte first; the air carries it last.
                    dst[offset + 15 - written] = (byte)((high << 4) | nibble);
                    written++;
                    high = -1;
                }
            }

            return 16;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
