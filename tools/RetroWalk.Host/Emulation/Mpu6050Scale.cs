using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// MPU-6050 sensitivities by range field, from the product specification (PS-MPU-6000A-00 rev 3.4, tables 6.1 and
/// 6.2), kept apart from the core's <see cref="SensorConfig"/> so that the emulator does not share the core's mistakes.
/// </summary>
public static class Mpu6050Scale
{
    /// <summary>Accelerometer LSB per g for AFS_SEL 0..3 (±2, ±4, ±8, ±16 g).</summary>
    public static readonly double[] AccelLsbPerG = { 16384, 8192, 4096, 2048 };

    /// <summary>Gyroscope LSB per °/s for FS_SEL 0..3 (±250, ±500, ±1000, ±2000 °/s).</summary>
    public static readonly double[] GyroLsbPerDps = { 131, 65.5, 32.8, 16.4 };

    /// <summary>Rounds to the nearest count and saturates at the int16 output registers, as the chip does at full scale.</summary>
    public static short ToCounts(double counts) => SimulatedImu.ToCounts(counts);

    /// <summary>
    /// Counts recorded (or synthesized) at <paramref name="ranges"/> back to physical units: the input of the emulator
    /// for a raw-sample session. Exact: the emulator, set to the same ranges, reproduces every count.
    /// </summary>
    public static ImuSample ToPhysical(RawSample s, SensorConfig ranges)
    {
        double a = AccelLsbPerG[(int)ranges.AccelRange];
        double g = GyroLsbPerDps[(int)ranges.GyroRange];
        return new ImuSample(s.Ax / a, s.Ay / a, s.Az / a, s.Gx / g, s.Gy / g, s.Gz / g);
    }

    /// <summary>A raw-sample stream recorded at <paramref name="ranges"/>, in physical units.</summary>
    public static IEnumerable<ImuSample> ToPhysical(IEnumerable<RawSample> counts, SensorConfig ranges)
    {
        foreach (var s in counts)
        {
            yield return ToPhysical(s, ranges);
        }
    }
}
