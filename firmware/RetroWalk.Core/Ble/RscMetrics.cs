using RetroWalk.Core.Motion;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Fills an RSC Measurement from what the tracker knows: cadence (steps per minute), direction and gait of the
    /// last steps, and a step length per direction. Speed = cadence × step length, sent as a magnitude (RSC has no
    /// direction: walking backward at 0.5 m/s is 0.5 m/s). The stride length field carries the distance per counted
    /// step, so that speed = cadence × stride length holds with the cadence in steps per minute (see docs/ble.md).
    /// Standing still sends speed 0 and cadence 0 (the specification makes speed mandatory).
    /// </summary>
    public static class RscMetrics
    {
        /// <summary>cm/min to 1/256 m/s: × 256 / (100 cm × 60 s).</summary>
        private const int CmPerMinDivisor = 6000;

        /// <summary>Speed in 1/256 m/s for a cadence and a step length, rounded, saturated to the u16 field.</summary>
        public static ushort SpeedQ8MPerS(int cadencePerMin, int stepCm)
        {
            if (cadencePerMin <= 0 || stepCm <= 0)
            {
                return 0;
            }

            int q8 = (cadencePerMin * stepCm * 256 + CmPerMinDivisor / 2) / CmPerMinDivisor;
            return (ushort)(q8 > ushort.MaxValue ? ushort.MaxValue : q8);
        }

        /// <summary>
        /// Refills <paramref name="into"/>: the step length of the current direction (forward while the direction is
        /// unknown), speed from it, walking/running from the gait, no total distance.
        /// </summary>
        public static void Fill(int cadencePerMin, WalkDirection direction, bool running,
            int forwardStepCm, int backwardStepCm, RscMeasurement into)
        {
            into.Clear();
            bool moving = cadencePerMin > 0 && direction != WalkDirection.Still;
            int stepCm = direction == WalkDirection.Backward ? backwardStepCm : forwardStepCm;
            into.CadencePerMin = moving ? (byte)(cadencePerMin > 255 ? 255 : cadencePerMin) : (byte)0;
            into.SpeedQ8MPerS = moving ? SpeedQ8MPerS(cadencePerMin, stepCm) : (ushort)0;
            into.HasStrideLength = true;
            into.StrideLengthCm = (ushort)(stepCm < 0 ? 0 : stepCm);
            into.Running = running;
        }
    }
}
