namespace RetroWalk.Host.Synthesis;

/// <summary>
/// One stretch of a scripted session (standing, a walking bout, a lean, a fall). It describes the body as continuous
/// functions of local time so that the sensor model can sample, low-pass and differentiate them as it needs; it may be
/// asked slightly outside [0, DurationS] and must answer smoothly there.
/// </summary>
public abstract class MotionSegment
{
    public abstract double DurationS { get; }

    /// <summary>State of the sensor site at local time t (seconds from the segment's start).</summary>
    public abstract BodyState At(double t);

    /// <summary>Attitude alone at local time t (the sensor model differentiates it for the angular rate); a segment
    /// whose <see cref="At"/> is costly answers it without computing the accelerations. Must equal At(t).Attitude.</summary>
    public virtual Attitude AttitudeAt(double t) => At(t).Attitude;

    /// <summary>Adds what truly happened in this segment, shifted to the session's clock.</summary>
    public abstract void AddTruth(GroundTruthBuilder truth, double startS);
}

/// <summary>
/// Quiet-standing postural sway: the body is an inverted pendulum balanced about the ankles, drifting a few mm at
/// 0.1-0.5 Hz (Winter 1995, "Human balance and posture control during standing and walking") with a fraction of a degree of
/// trunk tilt. A sum of a few sinusoids with seeded phases is enough: the tracker only needs to see a living, not a
/// frozen, still signal.
/// </summary>
internal sealed class PosturalSway
{
    private const double SwayAmplitudeM = 0.004;
    private const double TiltAmplitudeRad = 0.004;
    private readonly double[] _freqHz = new double[3], _phaseAp = new double[3], _phaseMl = new double[3];

    public PosturalSway(Random rng)
    {
        for (int i = 0; i < 3; i++)
        {
            _freqHz[i] = 0.1 + 0.4 * rng.NextDouble();
            _phaseAp[i] = 2 * Math.PI * rng.NextDouble();
            _phaseMl[i] = 2 * Math.PI * rng.NextDouble();
        }
    }

    public BodyState At(double t)
    {
        double ax = 0, ay = 0, pitch = 0, roll = 0;
        for (int i = 0; i < 3; i++)
        {
            double w = 2 * Math.PI * _freqHz[i];
            const double share = 1.0 / 3;
            ax -= share * SwayAmplitudeM * w * w * Math.Sin(w * t + _phaseAp[i]);
            ay -= share * 0.6 * SwayAmplitudeM * w * w * Math.Sin(w * t + _phaseMl[i]);
            // Pivoting about the ankles, the trunk tilts with the sway (about 1 m above the pivot).
            pitch += share * TiltAmplitudeRad * Math.Sin(w * t + _phaseAp[i]);
            roll -= share * 0.6 * TiltAmplitudeRad * Math.Sin(w * t + _phaseMl[i]);
        }
        return new BodyState(new Vec3(ax, ay, 0), new Attitude(roll, pitch, 0));
    }
}

/// <summary>Standing still and upright (the tracker captures its upright reference here).</summary>
public sealed class StandSegment : MotionSegment
{
    private readonly double _durationS;
    private readonly PosturalSway _sway;

    public StandSegment(double durationS, Random rng)
    {
        _durationS = durationS;
        _sway = new PosturalSway(rng);
    }

    public override double DurationS => _durationS;

    public override BodyState At(double t) => _sway.At(t);

    public override void AddTruth(GroundTruthBuilder truth, double startS) =>
        truth.AddPhase(Activity.Standing, startS, startS + _durationS);
}

/// <summary>
/// Standing and leaning the trunk back (as a retro-walker does when looking over a shoulder or losing balance
/// slowly), holding, and returning upright. Both movements follow a minimum-jerk profile (Flash and Hogan 1985), the
/// shape of a smooth voluntary movement.
/// </summary>
public sealed class LeanBackSegment : MotionSegment
{
    private readonly double _leanRad, _moveS, _holdS, _beforeS, _afterS;
    private readonly PosturalSway _sway;

    public LeanBackSegment(double leanDeg, double moveS, double holdS, Random rng, double beforeS = 1, double afterS = 1)
    {
        _leanRad = Shapes.DegToRad(leanDeg);
        _moveS = moveS;
        _holdS = holdS;
        _beforeS = beforeS;
        _afterS = afterS;
        _sway = new PosturalSway(rng);
    }

    public override double DurationS => _beforeS + 2 * _moveS + _holdS + _afterS;

    public override BodyState At(double t)
    {
        double down = Shapes.MinimumJerk((t - _beforeS) / _moveS);
        double up = Shapes.MinimumJerk((t - _beforeS - _moveS - _holdS) / _moveS);
        var sway = _sway.At(t);
        return sway with { Attitude = sway.Attitude + new Attitude(0, -_leanRad * (down - up), 0) };
    }

    public override void AddTruth(GroundTruthBuilder truth, double startS)
    {
        double s = startS + _beforeS;
        truth.AddPhase(Activity.Standing, startS, s);
        truth.AddPhase(Activity.Leaning, s, s + 2 * _moveS + _holdS);
        truth.AddPhase(Activity.Standing, s + 2 * _moveS + _holdS, startS + DurationS);
        truth.AddLean(s, s + _moveS, s + _moveS + _holdS, s + 2 * _moveS + _holdS, _leanRad * 180 / Math.PI);
    }
}
