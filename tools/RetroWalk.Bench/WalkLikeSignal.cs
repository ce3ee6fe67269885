using RetroWalk.Host.Recordings;

namespace RetroWalk.Bench;

/// <summary>
/// A deterministic walking-like raw stream for timing only (not a gait model): the device upright with gravity on
/// +X, a vertical bounce at the step frequency, fore-aft sway on the forward axis (+Z, the default mount) whose phase
/// flips between forward and backward bouts, lateral sway at half the step frequency, trunk rotation on the gyro,
/// still pauses between bouts, and seeded noise. MPU6050 counts at ±8 g (4096 counts/g) and ±500 °/s (65.5 counts
/// per °/s), the core's default ranges.
/// </summary>
public static class WalkLikeSignal
{
    public const int SampleRateHz = 100;
    private const double AccelCountsPerG = 4096;
    private const double GyroCountsPerDps = 65.5;
    private const double StepHz = 1.8;
    private const int BoutSeconds = 40;
    private const int PauseSeconds = 5;
    private const double NoiseG = 0.02;
    private const double NoiseDps = 2;

    public static RawSample[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var samples = new RawSample[count];
        const int boutSamples = BoutSeconds * SampleRateHz, cycleSamples = (BoutSeconds + PauseSeconds) * SampleRateHz;
        for (int i = 0; i < count; i++)
        {
            int inCycle = i % cycleSamples;
            bool walking = inCycle < boutSamples;
            double direction = (i / cycleSamples) % 2 == 0 ? 1 : -1; // forward bout, then backward bout
            double phase = 2 * Math.PI * StepHz * i / SampleRateHz;
            double amplitude = walking ? 1 : 0;

            double verticalG = 1 + amplitude * 0.25 * Math.Sin(phase);
            double foreAftG = amplitude * 0.15 * Math.Sin(phase + direction * Math.PI / 2);
            double lateralG = amplitude * 0.08 * Math.Sin(phase / 2);
            double pitchDps = amplitude * 20 * direction * Math.Cos(phase);
            double yawDps = amplitude * 10 * Math.Sin(phase / 2);

            samples[i] = new RawSample(
                Accel(verticalG, random), Accel(lateralG, random), Accel(foreAftG, random),
                Gyro(yawDps, random), Gyro(pitchDps, random), Gyro(0, random));
        }
        return samples;
    }

    private static short Accel(double g, Random random) => Counts((g + NoiseG * Gaussian(random)) * AccelCountsPerG);

    private static short Gyro(double dps, Random random) => Counts((dps + NoiseDps * Gaussian(random)) * GyroCountsPerDps);

    private static short Counts(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);

    /// <summary>Approximately standard normal: the sum of 12 uniforms minus 6.</summary>
    private static double Gaussian(Random random)
    {
        double sum = 0;
        for (int k = 0; k < 12; k++)
        {
            sum += random.NextDouble();
        }
        return sum - 6;
    }
}
