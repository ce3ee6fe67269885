namespace RetroWalk.Core.Config
{
    /// <summary>
    /// How the MPU6050 is configured: output rate and full-scale ranges. The defaults serve both walking (about 1.5 g
    /// peaks at the waist) and fall impacts (the largest ones clip at 8 g, which the fall detector tolerates), and
    /// 500 °/s covers trunk rotation in a fall.
    /// </summary>
    public sealed class SensorConfig
    {
        public const int DefaultSampleRateHz = 100;

        /// <summary>Output data rate in Hz (sample-rate divider applied to the 1 kHz gyro rate with the DLPF on).</summary>
        public int SampleRateHz = DefaultSampleRateHz;

        public AccelRange AccelRange = AccelRange.Range8G;

        public GyroRange GyroRange = GyroRange.Range500Dps;

        /// <summary>Accelerometer sensitivity in counts per g (datasheet: 16384, 8192, 4096, 2048).</summary>
        public int AccelCountsPerG
        {
            get { return 16384 >> (int)AccelRange; }
        }

        /// <summary>Gyroscope sensitivity in counts per 10 °/s (datasheet: 131, 65.5, 32.8, 16.4 LSB per °/s).</summary>
        public int GyroCountsPer10Dps
        {
            get
            {
                switch (GyroRange)
                {
                    case GyroRange.Range250Dps: return 1310;
                    case GyroRange.Range500Dps: return 655;
                    case GyroRange.Range1000Dps: return 328;
                    default: return 164;
                }
            }
        }

        /// <summary>Converts a duration in milliseconds to a whole number of samples at the configured rate (at least 1).</summary>
        public int MsToSamples(int ms)
        {
            int n = (ms * SampleRateHz + 500) / 1000;
            return n < 1 ? 1 : n;
        }

        /// <summary>Converts a sample count to milliseconds at the configured rate.</summary>
        public long SamplesToMs(long samples)
        {
            return samples * 1000 / SampleRateHz;
        }
    }
}
