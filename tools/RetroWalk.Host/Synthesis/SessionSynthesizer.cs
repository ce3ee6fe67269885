using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Synthesis;

/// <summary>Options beyond scenario, sensor and seed.</summary>
public sealed record SynthesisOptions
{
    public Mounting Mounting { get; init; } = Mounting.BeltClip;

    public ImuErrorModel Errors { get; init; } = new();

    /// <summary>Sub-samples averaged into each output sample: the chip's digital low-pass filter, roughly (a 10 ms boxcar at 100 Hz
    /// is −3 dB near 44 Hz, like DLPF_CFG = 3), and what keeps 20 Hz contact ringing from aliasing.</summary>
    public int SubSamples { get; init; } = 4;

    public static SynthesisOptions Default { get; } = new();
}

/// <summary>A generated session: raw samples as the MPU6050 would give them, and what truly happened.</summary>
public sealed record SynthesizedSession(string Scenario, int Seed, SensorConfig Sensor, RawSample[] Samples, GroundTruth Truth, Rotation BodyToDevice);

/// <summary>
/// A planned session: its truth is known up front and its samples can be streamed (a long session need not sit in memory).
/// Enumerating <see cref="Samples"/> twice gives the same samples.
/// </summary>
public sealed class SessionPlan
{
    private const double RateSpanS = 0.001;
    private readonly IReadOnlyList<MotionSegment> _segments;
    private readonly double[] _startS;
    private readonly SensorConfig _sensor;
    private readonly SynthesisOptions _options;
    private readonly int _imuSeed;

    internal SessionPlan(Action<SessionScript> script, SensorConfig sensor, int seed, SynthesisOptions options)
    {
        var master = new Random(seed);
        var built = new SessionScript(new Random(master.Next()));
        _imuSeed = master.Next();
        script(built);
        _segments = built.Segments;
        if (_segments.Count == 0) throw new ArgumentException("a session needs at least one segment");
        _sensor = sensor;
        _options = options;
        _startS = new double[_segments.Count + 1];
        for (int i = 0; i < _segments.Count; i++) _startS[i + 1] = _startS[i] + _segments[i].DurationS;
        SampleCount = (int)Math.Ceiling(_startS[^1] * sensor.SampleRateHz);
        var truth = new GroundTruthBuilder(sensor.SampleRateHz);
        for (int i = 0; i < _segments.Count; i++) _segments[i].AddTruth(truth, _startS[i]);
        Truth = truth.Build(SampleCount);
        BodyToDevice = NewImu().BodyToDevice;
    }

    public int SampleCount { get; }

    public GroundTruth Truth { get; }

    /// <summary>The body→device rotation with this session's misalignment.</summary>
    public Rotation BodyToDevice { get; }

    private SimulatedImu NewImu() => new(_sensor, _options.Mounting, _options.Errors, new Random(_imuSeed));

    public IEnumerable<RawSample> Samples()
    {
        var imu = NewImu();
        double periodS = 1.0 / _sensor.SampleRateHz;
        int m = Math.Max(1, _options.SubSamples);
        for (int i = 0; i < SampleCount; i++)
        {
            var force = Vec3.Zero;
            var rate = Vec3.Zero;
            for (int j = 0; j < m; j++)
            {
                var (f, w) = Physics(i * periodS - (j + 0.5) * periodS / m);
                force += f;
                rate += w;
            }
            yield return imu.Read((1.0 / m) * force, (1.0 / m) * rate);
        }
    }

    /// <summary>Specific force and angular rate in body axes at session time t.</summary>
    private (Vec3 SpecificForce, Vec3 BodyRate) Physics(double t)
    {
        int k = Array.BinarySearch(_startS, t);
        if (k < 0) k = ~k - 1;
        k = Math.Clamp(k, 0, _segments.Count - 1);
        var segment = _segments[k];
        double local = t - _startS[k];
        var state = segment.At(local);
        var r = state.Attitude.ToRotation();
        // What an accelerometer measures: the acceleration minus gravity, i.e. plus 1 g upward when at rest.
        var specificForce = r.Transposed * (state.Acceleration + new Vec3(0, 0, Shapes.Gravity));
        var before = segment.AttitudeAt(local - RateSpanS / 2).ToRotation();
        var after = segment.AttitudeAt(local + RateSpanS / 2).ToRotation();
        return (specificForce, Rotation.BodyRate(before, after, RateSpanS));
    }
}

/// <summary>
/// The gait synthesizer: raw MPU6050 samples with exact ground truth for scripted sessions, from a physical model of
/// walking forward and backward (see docs/gait-synthesizer.md). Everything is deterministic from the seed.
/// </summary>
public static class SessionSynthesizer
{
    /// <summary>Plans a session (truth now, samples on demand).</summary>
    public static SessionPlan Plan(string scenario = Scenarios.Default, SensorConfig? sensor = null, int seed = 1, SynthesisOptions? options = null) =>
        Plan(Scenarios.Script(scenario), sensor, seed, options);

    /// <summary>Plans a session of one's own, e.g. <c>s =&gt; s.Stand(5).Walk(GaitProfile.Backward, 20).LeanBack(35, 1, 3)</c>.</summary>
    public static SessionPlan Plan(Action<SessionScript> script, SensorConfig? sensor = null, int seed = 1, SynthesisOptions? options = null) =>
        new(script, sensor ?? new SensorConfig(), seed, options ?? SynthesisOptions.Default);

    /// <summary>Generates a whole session in memory (a 12-minute session at 100 Hz is ~72k samples, under 1 MB).</summary>
    public static SynthesizedSession Generate(string scenario = Scenarios.Default, SensorConfig? sensor = null, int seed = 1, SynthesisOptions? options = null)
    {
        var config = sensor ?? new SensorConfig();
        var plan = Plan(scenario, config, seed, options);
        return new SynthesizedSession(scenario, seed, config, plan.Samples().ToArray(), plan.Truth, plan.BodyToDevice);
    }
}
