using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Synthesis;

/// <summary>
/// The MPU6050's imperfections as figures from its datasheet (PS-MPU-6000A-00 rev 3.4), drawn once per session from a
/// seed: white noise, constant biases, sensitivity errors, a few degrees of mounting misalignment, quantisation and
/// saturation at the configured full scale.
/// </summary>
public sealed record ImuErrorModel
{
    /// <summary>Accelerometer noise density, µg/√Hz (datasheet: 400 µg/√Hz).</summary>
    public double AccelNoiseUgPerRootHz { get; init; } = 400;

    /// <summary>Gyroscope rate noise density, °/s/√Hz (datasheet: 0.005 °/s/√Hz).</summary>
    public double GyroNoiseDpsPerRootHz { get; init; } = 0.005;

    /// <summary>Noise bandwidth in Hz: the DLPF setting that suits 100 Hz output (DLPF_CFG = 3, 44 Hz accel / 42 Hz gyro),
    /// capped at Nyquist for lower output rates.</summary>
    public double NoiseBandwidthHz { get; init; } = 44;

    /// <summary>Largest accelerometer bias per axis, mg. The datasheet allows ±50 mg (X, Y) and ±80 mg (Z) zero-g offset;
    /// tens of mg is what boards show after soldering.</summary>
    public double AccelBiasMaxMg { get; init; } = 40;

    /// <summary>Gyro bias magnitude range per axis, °/s (room-temperature zero-rate output of trimmed parts: ~1-3 °/s).</summary>
    public double GyroBiasMinDps { get; init; } = 1;
    public double GyroBiasMaxDps { get; init; } = 3;

    /// <summary>Largest sensitivity error per axis (datasheet initial tolerance ±3%).</summary>
    public double SensitivityErrorMax { get; init; } = 0.02;

    /// <summary>Largest misalignment of the clip about each device axis, degrees.</summary>
    public double MisalignmentMaxDeg { get; init; } = 3;

    /// <summary>An ideal sensor: no noise, bias, sensitivity error or misalignment (quantisation and clipping remain).</summary>
    public static ImuErrorModel Ideal { get; } = new()
    {
        AccelNoiseUgPerRootHz = 0, GyroNoiseDpsPerRootHz = 0, AccelBiasMaxMg = 0, GyroBiasMinDps = 0, GyroBiasMaxDps = 0,
        SensitivityErrorMax = 0, MisalignmentMaxDeg = 0,
    };
}

/// <summary>
/// One simulated MPU6050 on one wearer: turns the specific force and angular rate of the body (body axes, SI units)
/// into raw counts, applying the mounting, the errors drawn for this session, quantisation and saturation.
/// </summary>
public sealed class SimulatedImu
{
    private readonly SensorConfig _sensor;
    private readonly Rotation _bodyToDevice;
    private readonly Vec3 _accelBiasG, _gyroBiasDps, _accelScale, _gyroScale;
    private readonly double _accelSigmaG, _gyroSigmaDps;
    private readonly Random _noise;

    public SimulatedImu(SensorConfig sensor, Mounting mounting, ImuErrorModel errors, Random rng)
    {
        _sensor = sensor;
        double mis = Shapes.DegToRad(errors.MisalignmentMaxDeg);
        _bodyToDevice = mounting.WithMisalignment(mis * rng.Symmetric(), mis * rng.Symmetric(), mis * rng.Symmetric());
        double ab = errors.AccelBiasMaxMg / 1000.0;
        _accelBiasG = new Vec3(ab * rng.Symmetric(), ab * rng.Symmetric(), ab * rng.Symmetric());
        _gyroBiasDps = new Vec3(GyroBias(errors, rng), GyroBias(errors, rng), GyroBias(errors, rng));
        double se = errors.SensitivityErrorMax;
        _accelScale = new Vec3(1 + se * rng.Symmetric(), 1 + se * rng.Symmetric(), 1 + se * rng.Symmetric());
        _gyroScale = new Vec3(1 + se * rng.Symmetric(), 1 + se * rng.Symmetric(), 1 + se * rng.Symmetric());
        double bandwidth = Math.Min(errors.NoiseBandwidthHz, sensor.SampleRateHz / 2.0);
        _accelSigmaG = errors.AccelNoiseUgPerRootHz * 1e-6 * Math.Sqrt(bandwidth);
        _gyroSigmaDps = errors.GyroNoiseDpsPerRootHz * Math.Sqrt(bandwidth);
        _noise = new Random(rng.Next());
    }

    /// <summary>The body→device rotation actually used, misalignment included.</summary>
    public Rotation BodyToDevice => _bodyToDevice;

    /// <summary>Encodes one sample. specificForce: what an ideal accelerometer measures (a − g), m/s², body axes;
    /// bodyRate: angular velocity, rad/s, body axes.</summary>
    public RawSample Read(Vec3 specificForce, Vec3 bodyRate)
    {
        var f = _bodyToDevice * specificForce;
        var w = _bodyToDevice * bodyRate;
        double accelCounts = _sensor.AccelCountsPerG;
        double gyroCountsPerDps = _sensor.GyroCountsPer10Dps / 10.0;
        double toDps = 180.0 / Math.PI;
        return new RawSample(
            Accel(f.X, _accelScale.X, _accelBiasG.X, accelCounts),
            Accel(f.Y, _accelScale.Y, _accelBiasG.Y, accelCounts),
            Accel(f.Z, _accelScale.Z, _accelBiasG.Z, accelCounts),
            Gyro(w.X * toDps, _gyroScale.X, _gyroBiasDps.X, gyroCountsPerDps),
            Gyro(w.Y * toDps, _gyroScale.Y, _gyroBiasDps.Y, gyroCountsPerDps),
            Gyro(w.Z * toDps, _gyroScale.Z, _gyroBiasDps.Z, gyroCountsPerDps));
    }

    private short Accel(double ms2, double scale, double biasG, double countsPerG) =>
        ToCounts((ms2 / Shapes.Gravity * scale + biasG + _accelSigmaG * _noise.Gaussian()) * countsPerG);

    private short Gyro(double dps, double scale, double biasDps, double countsPerDps) =>
        ToCounts((dps * scale + biasDps + _gyroSigmaDps * _noise.Gaussian()) * countsPerDps);

    /// <summary>Rounds to the nearest count and saturates at the int16 output registers, as the chip does at full scale.</summary>
    public static short ToCounts(double counts)
    {
        double r = Math.Round(counts);
        if (r > short.MaxValue) return short.MaxValue;
        if (r < short.MinValue) return short.MinValue;
        return (short)r;
    }

    private static double GyroBias(ImuErrorModel e, Random rng)
    {
        double magnitude = e.GyroBiasMinDps + (e.GyroBiasMaxDps - e.GyroBiasMinDps) * rng.NextDouble();
        return rng.NextDouble() < 0.5 ? -magnitude : magnitude;
    }
}
