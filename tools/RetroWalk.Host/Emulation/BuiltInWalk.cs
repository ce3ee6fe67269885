using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// A plain built-in signal for the simulator when no recording is given: standing, a forward walk, standing, a
/// backward walk, standing, at the configured rate and ranges. Gravity on +X, the walking axis on +Z (the default
/// mount), a vertical bounce and a fore-aft sway at the step frequency whose phase relative to the bounce flips with
/// the direction of travel, and a little seeded noise. It exercises the device loop; it is not a gait model (the
/// synthesizer in Synthesis/ is).
/// </summary>
public static class BuiltInWalk
{
    public const double StepHz = 1.8;

    public static IEnumerable<RawSample> Generate(SensorConfig sensor, double standS = 3, double walkS = 30, int seed = 7)
    {
        var random = new Random(seed);
        double g = sensor.AccelCountsPerG;
        double dps = sensor.GyroCountsPer10Dps / 10.0;
        int rate = sensor.SampleRateHz;
        (double seconds, int direction)[] phases = [(standS, 0), (walkS, 1), (standS, 0), (walkS, -1), (standS, 0)];
        foreach (var (seconds, direction) in phases)
        {
            int n = (int)(seconds * rate);
            for (int i = 0; i < n; i++)
            {
                double t = (double)i / rate;
                double w = 2 * Math.PI * StepHz * t;
                double walking = direction == 0 ? 0 : 1;
                double vertical = 1 + walking * 0.30 * Math.Sin(w);
                double foreAft = walking * 0.20 * Math.Sin(w + direction * Math.PI / 2);
                double pitchDps = walking * 15 * Math.Sin(w / 2);
                yield return Sample(random, g, dps, vertical, foreAft, pitchDps);
            }
        }
    }

    /// <summary>
    /// A forward fall after a short stand: half a second of near free fall while the trunk pitches forward, an impact
    /// of about 4 g, then lying face down (gravity along the walking axis) for <paramref name="lyingS"/>.
    /// </summary>
    public static IEnumerable<RawSample> GenerateFall(SensorConfig sensor, double lyingS = 20, int seed = 9)
    {
        var random = new Random(seed);
        double g = sensor.AccelCountsPerG;
        double dps = sensor.GyroCountsPer10Dps / 10.0;
        int rate = sensor.SampleRateHz;
        for (int i = 0; i < 3 * rate; i++)
        {
            yield return Sample(random, g, dps, 1, 0, 0);
        }

        int fall = rate / 2;
        for (int i = 0; i < fall; i++)
        {
            double angle = Math.PI / 2 * i / fall;
            double load = 0.3; // near free fall
            yield return Sample(random, g, dps, load * Math.Cos(angle), load * Math.Sin(angle), 180);
        }

        for (int i = 0; i < Math.Max(1, rate / 20); i++)
        {
            yield return Sample(random, g, dps, 0.5, 4, -100);
        }

        for (int i = 0; i < (int)(lyingS * rate); i++)
        {
            yield return Sample(random, g, dps, 0, 1, 0);
        }
    }

    private static RawSample Sample(Random r, double g, double dps, double verticalG, double forwardG, double pitchDps) => new(
        Clamp(verticalG * g + Noise(r, 0.01 * g)),
        Clamp(Noise(r, 0.01 * g)),
        Clamp(forwardG * g + Noise(r, 0.01 * g)),
        Clamp(Noise(r, 0.5 * dps)),
        Clamp(pitchDps * dps + Noise(r, 0.5 * dps)),
        Clamp(Noise(r, 0.5 * dps)));

    private static double Noise(Random r, double sigma) => (r.NextDouble() + r.NextDouble() + r.NextDouble() - 1.5) * 2 * sigma;

    private static short Clamp(double v) => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
}
