using RetroWalk.Core.Config;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// Turns a recording into what the device would read from its MPU6050: samples at the device rate (linear interpolation
/// by timestamp; when decimating, a low-pass first like the sensor's DLPF), counts at the configured ranges, clipped
/// where the real sensor saturates.
/// </summary>
public static class DeviceConverter
{
    /// <summary>DLPF bandwidth as a fraction of the output rate: 40 Hz at 100 Hz (MPU6050 DLPF_CFG=3 is 44/42 Hz).</summary>
    public const double DlpfBandwidthPerRate = 0.4;

    public static RawSample[] ToRaw(Recording recording, SensorConfig sensor) => StreamRaw(recording, sensor).ToArray();

    /// <summary>
    /// <see cref="ToRaw"/> one sample at a time, as it is enumerated: nothing of the length of the recording is held,
    /// so a recording of any length is converted (and evaluated) in constant memory.
    /// </summary>
    public static IEnumerable<RawSample> StreamRaw(Recording recording, SensorConfig sensor) =>
        StreamCounts(StreamResample(recording.Samples, sensor.SampleRateHz), sensor);

    /// <summary><see cref="StreamResample"/> into an array.</summary>
    public static MotionSample[] Resample(IReadOnlyList<MotionSample> source, int rateHz, double? lowPassHz = null) =>
        StreamResample(source, rateHz, lowPassHz).ToArray();

    /// <summary>
    /// Resamples to <paramref name="rateHz"/> on the grid t = i / rate from 0 to the last sample. A source faster than
    /// the target (by 1.5× or more) is first interpolated onto a uniform grid at an integer multiple of the rate,
    /// low-passed there at <paramref name="lowPassHz"/> (default <see cref="DlpfBandwidthPerRate"/> × rate) and decimated.
    /// Lazy: the source is read in order as the output is enumerated.
    /// </summary>
    public static IEnumerable<MotionSample> StreamResample(IReadOnlyList<MotionSample> source, int rateHz, double? lowPassHz = null)
    {
        if (source.Count == 0)
        {
            yield break;
        }
        var duration = source[source.Count - 1].TimeS;
        var sourceRate = duration > 0 ? (source.Count - 1) / duration : rateHz;
        var factor = Math.Max(1, (int)Math.Round(sourceRate / rateHz));
        var fine = StreamInterpolate(source, rateHz * factor);
        if (factor == 1)
        {
            foreach (var s in fine)
            {
                yield return s;
            }
            yield break;
        }
        var filters = new LowPassBiquad[6];
        for (var c = 0; c < filters.Length; c++)
        {
            filters[c] = new LowPassBiquad(lowPassHz ?? DlpfBandwidthPerRate * rateHz, rateHz * factor);
        }
        var i = 0;
        foreach (var s in fine)
        {
            var f = new MotionSample(s.TimeS, filters[0].Step(s.Ax), filters[1].Step(s.Ay), filters[2].Step(s.Az),
                filters[3].Step(s.Gx), filters[4].Step(s.Gy), filters[5].Step(s.Gz));
            if (i++ % factor == 0)
            {
                yield return f;
            }
        }
    }

    /// <summary><see cref="StreamInterpolate"/> into an array.</summary>
    public static MotionSample[] Interpolate(IReadOnlyList<MotionSample> source, double rateHz) => StreamInterpolate(source, rateHz).ToArray();

    /// <summary>Linear interpolation onto t = i / rate (samples strictly increasing in time, starting at 0), lazily.</summary>
    public static IEnumerable<MotionSample> StreamInterpolate(IReadOnlyList<MotionSample> source, double rateHz)
    {
        var duration = source[source.Count - 1].TimeS;
        // The small tolerance keeps the last grid point when floating-point time lands a hair short of it.
        var count = (long)Math.Floor(duration * rateHz + 1e-6) + 1;
        var j = 0;
        var a = source[0];
        var b = source.Count > 1 ? source[1] : a;
        for (long i = 0; i < count; i++)
        {
            var t = i / rateHz;
            while (j + 1 < source.Count - 1 && b.TimeS <= t)
            {
                j++;
                a = b;
                b = source[j + 1];
            }
            var w = b.TimeS > a.TimeS ? Math.Clamp((t - a.TimeS) / (b.TimeS - a.TimeS), 0, 1) : 0;
            yield return new MotionSample(t, Lerp(a.Ax, b.Ax, w), Lerp(a.Ay, b.Ay, w), Lerp(a.Az, b.Az, w),
                Lerp(a.Gx, b.Gx, w), Lerp(a.Gy, b.Gy, w), Lerp(a.Gz, b.Gz, w));
        }
    }

    /// <summary>Physical units to MPU6050 counts at the configured ranges, rounded and clipped to the 16-bit output (as the synthesizer does).</summary>
    public static RawSample[] ToCounts(IReadOnlyList<MotionSample> samples, SensorConfig sensor) => StreamCounts(samples, sensor).ToArray();

    /// <summary><see cref="ToCounts"/>, lazily.</summary>
    public static IEnumerable<RawSample> StreamCounts(IEnumerable<MotionSample> samples, SensorConfig sensor)
    {
        double accel = sensor.AccelCountsPerG;
        var gyro = sensor.GyroCountsPer10Dps / 10.0;
        foreach (var s in samples)
        {
            yield return new RawSample(SimulatedImu.ToCounts(s.Ax * accel), SimulatedImu.ToCounts(s.Ay * accel), SimulatedImu.ToCounts(s.Az * accel),
                SimulatedImu.ToCounts(s.Gx * gyro), SimulatedImu.ToCounts(s.Gy * gyro), SimulatedImu.ToCounts(s.Gz * gyro));
        }
    }

    private static double Lerp(double a, double b, double w) => a + (b - a) * w;
}
