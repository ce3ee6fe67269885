using RetroWalk.Core.Status;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The table of read/notify value characteristics of the RetroWalk service: UUID, the <see cref="StatusFields"/>
    /// bit that makes it notify, its 0x2901 text and 0x2904 format, and its codec. The device adapter builds its GATT
    /// service from this table and the host recording publisher decodes with it, so both always agree.
    /// </summary>
    public static class StatusCharacteristics
    {
        public const int ForwardSteps = 0;
        public const int BackwardSteps = 1;
        public const int Snapshot = 2;
        public const int TiltAlarm = 3;
        public const int BackwardSession = 4;
        public const int Cadence = 5;
        public const int Tilt = 6;
        public const int Count = 7;

        /// <summary>Largest payload among them (the Snapshot).</summary>
        public const int MaxLength = StatusCodec.SnapshotLength;

        public static string Uuid(int characteristic)
        {
            switch (characteristic)
            {
                case ForwardSteps: return BleUuids.ForwardSteps;
                case BackwardSteps: return BleUuids.BackwardSteps;
                case Snapshot: return BleUuids.Snapshot;
                case TiltAlarm: return BleUuids.TiltAlarm;
                case BackwardSession: return BleUuids.BackwardSession;
                case Cadence: return BleUuids.Cadence;
                default: return BleUuids.Tilt;
            }
        }

        /// <summary>
        /// The change bit that triggers a notification. The session figures and the cadence change only when a
        /// step is credited, like the Snapshot, so they share its bit; the tilt angle shares the Tilt/Alarm bit.
        /// </summary>
        public static int Field(int characteristic)
        {
            switch (characteristic)
            {
                case ForwardSteps: return StatusFields.ForwardSteps;
                case BackwardSteps: return StatusFields.BackwardSteps;
                case TiltAlarm:
                case Tilt:
                    return StatusFields.TiltAlarm;
                default: return StatusFields.Snapshot;
            }
        }

        /// <summary>User Description (0x2901): the name, and the byte layout for structured values.</summary>
        public static string Description(int characteristic)
        {
            switch (characteristic)
            {
                case ForwardSteps: return "Forward steps";
                case BackwardSteps: return "Backward steps";
                case Snapshot: return "Snapshot: fwd u32, bwd u32, reset epoch u32, cadence u8, direction u8";
                case TiltAlarm: return "Tilt/alarm: tilt s16 0.1deg, tilt dir u8, alarm u8, flags u8";
                case BackwardSession: return "Backward session: time s u32, longest streak u16, intervals u16";
                case Cadence: return "Cadence";
                default: return "Tilt from upright";
            }
        }

        /// <summary>Presentation Format (0x2904) format code.</summary>
        public static byte Format(int characteristic)
        {
            switch (characteristic)
            {
                case ForwardSteps:
                case BackwardSteps:
                    return PresentationFormat.FormatUInt32;
                case Cadence: return PresentationFormat.FormatUInt8;
                case Tilt: return PresentationFormat.FormatSInt16;
                default: return PresentationFormat.FormatStruct;
            }
        }

        /// <summary>Presentation Format exponent: the value is raw × 10^exponent.</summary>
        public static int Exponent(int characteristic)
        {
            return characteristic == Tilt ? -1 : 0;
        }

        /// <summary>Presentation Format unit (SIG assigned number).</summary>
        public static ushort Unit(int characteristic)
        {
            switch (characteristic)
            {
                case Cadence: return PresentationFormat.UnitStepPerMinute;
                case Tilt: return PresentationFormat.UnitPlaneAngleDegree;
                default: return PresentationFormat.UnitUnitless;
            }
        }

        /// <summary>Payload length in bytes (every value is fixed-length).</summary>
        public static int Length(int characteristic)
        {
            switch (characteristic)
            {
                case ForwardSteps:
                case BackwardSteps:
                    return StatusCodec.StepsLength;
                case Snapshot: return StatusCodec.SnapshotLength;
                case TiltAlarm: return StatusCodec.TiltAlarmLength;
                case BackwardSession: return StatusCodec.SessionLength;
                case Cadence: return StatusCodec.CadenceLength;
                default: return StatusCodec.TiltLength;
            }
        }

        public static int Encode(int characteristic, TrackerStatus status, byte[] dst, int offset)
        {
            switch (characteristic)
            {
                case ForwardSteps: return StatusCodec.EncodeSteps(status.ForwardSteps, dst, offset);
                case BackwardSteps: return StatusCodec.EncodeSteps(status.BackwardSteps, dst, offset);
                case Snapshot: return StatusCodec.EncodeSnapshot(status, dst, offset);
                case TiltAlarm: return StatusCodec.EncodeTiltAlarm(status, dst, offset);
                case BackwardSession: return StatusCodec.EncodeSession(status, dst, offset);
                case Cadence: return StatusCodec.EncodeCadence(status, dst, offset);
                default: return StatusCodec.EncodeTilt(status, dst, offset);
            }
        }

        /// <summary>Decodes a read or notification of <paramref name="characteristic"/> as a phone does.</summary>
        public static byte Decode(int characteristic, byte[] src, int offset, int length, TrackerStatus into)
        {
            uint steps;
            byte result;
            switch (characteristic)
            {
                case ForwardSteps:
                    result = StatusCodec.DecodeSteps(src, offset, length, out steps);
                    if (result == CodecStatus.Ok)
                    {
                        into.ForwardSteps = steps;
                    }

                    return result;
                case BackwardSteps:
                    result = StatusCodec.DecodeSteps(src, offset, length, out steps);
                    if (result == CodecStatus.Ok)
                    {
                        into.BackwardSteps = steps;
                    }

                    return result;
                case Snapshot: return StatusCodec.DecodeSnapshot(src, offset, length, into);
                case TiltAlarm: return StatusCodec.DecodeTiltAlarm(src, offset, length, into);
                case BackwardSession: return StatusCodec.DecodeSession(src, offset, length, into);
                case Cadence: return StatusCodec.DecodeCadence(src, offset, length, into);
                default: return StatusCodec.DecodeTilt(src, offset, length, into);
            }
        }
    }
}
