namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// One RSC Measurement (0x2A53) as the fields of the characteristic, in the specification's units. Preallocated by
    /// its owner and refilled; <see cref="RscMeasurementCodec"/> encodes and decodes it.
    /// </summary>
    public sealed class RscMeasurement
    {
        /// <summary>Instantaneous speed, 1/256 m/s (the specification's resolution).</summary>
        public ushort SpeedQ8MPerS;

        /// <summary>Instantaneous cadence, 1/min: the tracker's steps per minute (both feet).</summary>
        public byte CadencePerMin;

        /// <summary>Instantaneous stride length, 1/100 m: the distance covered per counted step (see docs/ble.md).</summary>
        public ushort StrideLengthCm;

        /// <summary>Total distance, 1/10 m. The tracker does not send it (no SC Control Point; see docs/ble.md).</summary>
        public uint TotalDistanceDm;

        public bool HasStrideLength;
        public bool HasTotalDistance;

        /// <summary>Flags bit 2: running (true) or walking (false).</summary>
        public bool Running;

        public void Clear()
        {
            SpeedQ8MPerS = 0;
            CadencePerMin = 0;
            StrideLengthCm = 0;
            TotalDistanceDm = 0;
            HasStrideLength = false;
            HasTotalDistance = false;
            Running = false;
        }
    }
}
