namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Every GATT characteristic the tracker serves, by an explicit id, with what the stack needs to create it: its
    /// service, UUID, properties, write protection, User Description and Presentation Format. The device's service
    /// builder creates exactly this table, <see cref="GattSessionState"/> decides what each id does, and the host's
    /// emulated GATT server and the docs test read the same table. The first <see cref="StatusCharacteristics.Count"/>
    /// ids are the value characteristics of <see cref="StatusCharacteristics"/>, with the same numbers.
    /// </summary>
    public static class GattTable
    {
        public const int ForwardSteps = StatusCharacteristics.ForwardSteps;
        public const int BackwardSteps = StatusCharacteristics.BackwardSteps;
        public const int Snapshot = StatusCharacteristics.Snapshot;
        public const int TiltAlarm = StatusCharacteristics.TiltAlarm;
        public const int BackwardSession = StatusCharacteristics.BackwardSession;
        public const int Cadence = StatusCharacteristics.Cadence;
        public const int Tilt = StatusCharacteristics.Tilt;
        public const int ControlPoint = StatusCharacteristics.Count;
        public const int Config = ControlPoint + 1;
        public const int History = ControlPoint + 2;
        public const int CurrentTime = ControlPoint + 3;
        public const int LocalTimeInformation = ControlPoint + 4;
        public const int RscMeasurement = ControlPoint + 5;
        public const int RscFeature = ControlPoint + 6;
        public const int SensorLocation = ControlPoint + 7;
        public const int BatteryLevel = ControlPoint + 8;
        public const int AlertLevel = ControlPoint + 9;
        public const int RawSamples = ControlPoint + 10;
        public const int Health = ControlPoint + 11;
        public const int Session = ControlPoint + 12;
        public const int SessionLog = ControlPoint + 13;
        public const int Count = ControlPoint + 14;

        /// <summary>Not a characteristic of this table (an adapter's lookup that found nothing).</summary>
        public const int None = -1;

        /// <summary>Services, in the order the device creates them (the custom one first: see the builder).</summary>
        public const int ServiceRetroWalk = 0;
        public const int ServiceCurrentTime = 1;
        public const int ServiceRunningSpeedAndCadence = 2;
        public const int ServiceBattery = 3;
        public const int ServiceImmediateAlert = 4;
        public const int ServiceCount = 5;

        /// <summary>Characteristic properties, with nanoFramework's GattCharacteristicProperties values (pinned by a test).</summary>
        public const int PropertyRead = 2;
        public const int PropertyWriteWithoutResponse = 4;
        public const int PropertyWrite = 8;
        public const int PropertyNotify = 16;
        public const int PropertyIndicate = 32;

        /// <summary>Largest value any characteristic holds (a History notification at the largest MTU).</summary>
        public const int MaxValueLength = HistoryCodec.MaxPayloadLength;

        public static bool IsValid(int id)
        {
            return id >= 0 && id < Count;
        }

        public static int Service(int id)
        {
            switch (id)
            {
                case CurrentTime:
                case LocalTimeInformation:
                    return ServiceCurrentTime;
                case RscMeasurement:
                case RscFeature:
                case SensorLocation:
                    return ServiceRunningSpeedAndCadence;
                case BatteryLevel: return ServiceBattery;
                case AlertLevel: return ServiceImmediateAlert;
                default: return ServiceRetroWalk;
            }
        }

        /// <summary>The service's SIG 16-bit UUID, or 0 for the custom service (<see cref="BleUuids.Service"/>).</summary>
        public static ushort ServiceUuid16(int service)
        {
            switch (service)
            {
                case ServiceCurrentTime: return BleUuids.CurrentTimeService;
                case ServiceRunningSpeedAndCadence: return BleUuids.RunningSpeedAndCadence;
                case ServiceBattery: return BleUuids.BatteryService;
                case ServiceImmediateAlert: return BleUuids.ImmediateAlertService;
                default: return 0;
            }
        }

        /// <summary>The characteristic's SIG 16-bit UUID, or 0 for a custom one (then see <see cref="CustomUuid"/>).</summary>
        public static ushort Uuid16(int id)
        {
            switch (id)
            {
                case CurrentTime: return BleUuids.CurrentTimeCharacteristic;
                case LocalTimeInformation: return BleUuids.LocalTimeInformationCharacteristic;
                case RscMeasurement: return BleUuids.RscMeasurementCharacteristic;
                case RscFeature: return BleUuids.RscFeatureCharacteristic;
                case SensorLocation: return BleUuids.SensorLocationCharacteristic;
                case BatteryLevel: return BleUuids.BatteryLevelCharacteristic;
                case AlertLevel: return BleUuids.AlertLevelCharacteristic;
                default: return 0;
            }
        }

        /// <summary>The 128-bit UUID of a custom characteristic, or null for a SIG one.</summary>
        public static string CustomUuid(int id)
        {
            if (id >= 0 && id < StatusCharacteristics.Count)
            {
                return StatusCharacteristics.Uuid(id);
            }

            switch (id)
            {
                case ControlPoint: return BleUuids.ControlPoint;
                case Config: return BleUuids.Config;
                case History: return BleUuids.History;
                case RawSamples: return BleUuids.RawSamples;
                case Health: return BleUuids.Health;
                case Session: return BleUuids.Session;
                case SessionLog: return BleUuids.SessionLog;
                default: return null;
            }
        }

        public static int Properties(int id)
        {
            if (id >= 0 && id < StatusCharacteristics.Count)
            {
                return PropertyRead | PropertyNotify;
            }

            switch (id)
            {
                // Notify, not Indicate: nanoFramework 1.x sends every NotifyValue as a notification (docs/ble.md).
                case ControlPoint: return PropertyWrite | PropertyNotify;
                case Config: return PropertyRead | PropertyWrite;
                case History: return PropertyNotify;
                case CurrentTime: return PropertyRead | PropertyWrite | PropertyNotify;
                case LocalTimeInformation: return PropertyRead | PropertyWrite;
                case RscMeasurement: return PropertyNotify;
                case RscFeature:
                case SensorLocation:
                    return PropertyRead;
                case BatteryLevel: return PropertyRead | PropertyNotify;
                case AlertLevel: return PropertyWriteWithoutResponse;
                case RawSamples: return PropertyRead | PropertyNotify;
                case Health: return PropertyRead | PropertyNotify;
                case Session: return PropertyRead | PropertyNotify;
                case SessionLog: return PropertyNotify;
                default: return 0;
            }
        }

        public static bool Can(int id, int property)
        {
            return (Properties(id) & property) != 0;
        }

        /// <summary>
        /// True if a write needs a paired link: every writable characteristic, Alert Level too (a stranger in range
        /// must not be able to make the wearer's tracker beep). The stack's protection level asks for an encrypted,
        /// authenticated link; <see cref="LinkSecurity"/> checks the same in the write handler (docs/ble.md, Pairing).
        /// </summary>
        public static bool WriteEncrypted(int id)
        {
            return Can(id, PropertyWrite | PropertyWriteWithoutResponse);
        }

        /// <summary>User Description (0x2901) for the custom characteristics; null for the SIG ones (their UUID says it).</summary>
        public static string Description(int id)
        {
            if (id >= 0 && id < StatusCharacteristics.Count)
            {
                return StatusCharacteristics.Description(id);
            }

            switch (id)
            {
                case ControlPoint: return "Control point: write op [+params], notified 0x80 op status";
                case Config: return "Config: tilt back/fwd deg u8, hold ms u16, start steps u8, axis u8, flags u8, UTC offset s8 x15min";
                case History: return "History: hour epoch u32, fwd u16, bwd u16 records; FFFFFFFF ends";
                case RawSamples: return "Raw samples: seq u16, flags u8, n x ax ay az gx gy gz s16; read: format";
                case Health: return "Health: sensor, save, restore, flags u8, uptime s, I2C errors u32, resyncs, overflows, failed saves, re-inits u16";
                case Session: return "Session: current or last session summary, 48 B (docs/ble.md)";
                case SessionLog: return "Session log: seq u8 + sessions (summary, intervals); FFFFFFFF ends";
                default: return null;
            }
        }

        /// <summary>True if the characteristic carries a Presentation Format (0x2904) descriptor.</summary>
        public static bool HasPresentationFormat(int id)
        {
            return (id >= 0 && id < StatusCharacteristics.Count) || id == BatteryLevel;
        }

        public static byte Format(int id)
        {
            return id == BatteryLevel ? PresentationFormat.FormatUInt8 : StatusCharacteristics.Format(id);
        }

        public static int Exponent(int id)
        {
            return id == BatteryLevel ? 0 : StatusCharacteristics.Exponent(id);
        }

        public static ushort Unit(int id)
        {
            return id == BatteryLevel ? PresentationFormat.UnitPercentage : StatusCharacteristics.Unit(id);
        }

        /// <summary>A short name for logs and the host tools.</summary>
        public static string Name(int id)
        {
            if (id >= 0 && id < StatusCharacteristics.Count)
            {
                string description = StatusCharacteristics.Description(id);
                int colon = description.IndexOf(':');
                return colon < 0 ? description : description.Substring(0, colon);
            }

            switch (id)
            {
                case ControlPoint: return "Control point";
                case Config: return "Config";
                case History: return "History";
                case CurrentTime: return "Current Time";
                case LocalTimeInformation: return "Local Time Information";
                case RscMeasurement: return "RSC Measurement";
                case RscFeature: return "RSC Feature";
                case SensorLocation: return "Sensor Location";
                case BatteryLevel: return "Battery Level";
                case AlertLevel: return "Alert Level";
                case RawSamples: return "Raw samples";
                case Health: return "Health";
                case Session: return "Session";
                case SessionLog: return "Session log";
                default: return "none";
            }
        }
    }
}
