namespace RetroWalk.Host.Synthesis;

/// <summary>
/// Losing balance while walking backward and falling onto the back, then lying still. Simulated in the sagittal plane,
/// not drawn: the pelvis is a point mass on a leg pivoting at the feet that topples backward under gravity from the
/// walking speed, while the knees buckle and shorten the leg (most backward falls end sitting first: Hsiao and
/// Robinovitch 1998, who measured ~0.7 s from loss of balance to impact and hip impact speeds of 2-3 m/s). The trunk
/// rotates with the leg and then pivots about the pelvis until the back meets the floor. When the pelvis meets the
/// floor, a spring-damper stands for soft tissue and floor (natural frequency ~6-7 Hz, heavily damped as soft tissue is), which gives the
/// several-g impact a belt sensor records; at ±8 g full scale the real chip clips it, and so does the model.
/// </summary>
public sealed class FallBackwardSegment : MotionSegment
{
    private const double StepS = 0.0005;
    private const double BeltHeightM = 0.95;
    private const double CrouchedLegM = 0.65;
    private const double BuckleS = 0.7;
    private const double InitialTiltRad = 0.05;
    private const double SeatHeightM = 0.15;
    private const double ContactOmega = 40;      // rad/s: √(k/m) of tissue and floor
    private const double ContactDamping = 0.7;
    private const double SlideStopS = 0.05;
    private const double TrunkGravityGain = 24;   // 3g/2L for a 0.6 m trunk pivoting at the pelvis, 1/s²
    private const double BackOmega = 45;          // rad/s: the back meeting the floor
    private const double SettleAfterS = 1.5;

    private readonly double _lieS, _initialPitchRad;
    private readonly double[] _ax, _az, _pitch;
    private readonly int _impactIndex;

    /// <param name="initialSpeedMps">Backward speed when balance is lost (the walk's speed).</param>
    /// <param name="initialPitchRad">Trunk pitch at that moment (walking posture).</param>
    /// <param name="lieS">How long the wearer then lies still.</param>
    public FallBackwardSegment(double initialSpeedMps, double initialPitchRad, double lieS)
    {
        _lieS = lieS;
        _initialPitchRad = initialPitchRad;
        var ax = new List<double>();
        var az = new List<double>();
        var pitch = new List<double>();
        double g = Shapes.Gravity;

        // Toppling: polar coordinates (r, α) about the feet, α the backward tilt. r(t) is prescribed (buckling knees),
        // α follows r α̈ + 2 ṙ α̇ = g sin α. The leg can only push: its force per unit mass N = r̈ − r α̇² + g cos α is what
        // the accelerometer feels (along the leg). Once N would turn negative the pelvis leaves the circle and flies
        // (the free-fall phase falls show just before impact) with the trunk spinning on at its angular velocity.
        double alpha = InitialTiltRad, alphaDot = initialSpeedMps / BeltHeightM, t = 0;
        double x = 0, z = BeltHeightM, vx = 0, vz = 0;
        bool flying = false;
        while (z > SeatHeightM)
        {
            if (!flying)
            {
                double u = t / BuckleS;
                double r = BeltHeightM - (BeltHeightM - CrouchedLegM) * Shapes.MinimumJerk(u);
                double rDot = u < 1 ? -(BeltHeightM - CrouchedLegM) * 30 * u * u * (1 - u) * (1 - u) / BuckleS : 0;
                double rDdot = u < 1 ? -(BeltHeightM - CrouchedLegM) * 60 * u * (1 - u) * (1 - 2 * u) / (BuckleS * BuckleS) : 0;
                double legPush = rDdot - r * alphaDot * alphaDot + g * Math.Cos(alpha);
                x = -r * Math.Sin(alpha);
                z = r * Math.Cos(alpha);
                vx = -rDot * Math.Sin(alpha) - r * alphaDot * Math.Cos(alpha);
                vz = rDot * Math.Cos(alpha) - r * alphaDot * Math.Sin(alpha);
                if (legPush > 0)
                {
                    double alphaDdot = (g * Math.Sin(alpha) - 2 * rDot * alphaDot) / r;
                    // Acceleration = gravity + leg push along e_r = (−sin α, cos α) (backward is −x).
                    ax.Add(-legPush * Math.Sin(alpha));
                    az.Add(legPush * Math.Cos(alpha) - g);
                    pitch.Add(-alpha);
                    alphaDot += alphaDdot * StepS;
                    alpha += alphaDot * StepS;
                    t += StepS;
                    continue;
                }
                flying = true;
            }
            ax.Add(0);
            az.Add(-g);
            pitch.Add(-alpha);
            vz -= g * StepS;
            x += vx * StepS;
            z += vz * StepS;
            alpha += alphaDot * StepS;
            t += StepS;
        }

        // Impact and settling: the pelvis on a tissue-and-floor spring-damper, sliding to a stop; the trunk keeps
        // rotating under gravity about the pelvis until the back lands (a stiff rotational spring-damper at 90°).
        double impactEnd = t + SettleAfterS;
        int impact = ax.Count;
        double peak = 0;
        while (t < impactEnd)
        {
            double penetration = SeatHeightM - z;
            double azNow = -g + (penetration > 0 ? Math.Max(0, ContactOmega * ContactOmega * penetration - 2 * ContactDamping * ContactOmega * vz) : 0);
            double axNow = -vx / SlideStopS;
            double alphaDdot = alpha < Math.PI / 2
                ? TrunkGravityGain * Math.Sin(alpha)
                : -BackOmega * BackOmega * (alpha - Math.PI / 2) - 2 * 0.5 * BackOmega * alphaDot;
            ax.Add(axNow);
            az.Add(azNow);
            pitch.Add(-alpha);
            if (Math.Abs(azNow + g) > peak) { peak = Math.Abs(azNow + g); impact = ax.Count - 1; }
            vx += axNow * StepS; vz += azNow * StepS;
            x += vx * StepS; z += vz * StepS;
            alphaDot += alphaDdot * StepS;
            alpha += alphaDot * StepS;
            t += StepS;
        }
        _ax = ax.ToArray();
        _az = az.ToArray();
        _pitch = pitch.ToArray();
        _impactIndex = impact;
    }

    /// <summary>Seconds from losing balance to the impact's peak.</summary>
    public double ImpactS => _impactIndex * StepS;

    /// <summary>Seconds of simulated motion (fall and settling) before lying still.</summary>
    public double MotionS => (_ax.Length - 1) * StepS;

    public override double DurationS => MotionS + _lieS;

    public override BodyState At(double t)
    {
        // Linear interpolation of the simulated series; beyond it the wearer lies still on the back.
        double pos = Math.Clamp(t / StepS, 0, _ax.Length - 1);
        int i = Math.Min((int)pos, _ax.Length - 2);
        double w = pos - i;
        double Lerp(double[] a) => a[i] + (a[i + 1] - a[i]) * w;
        bool lying = t > MotionS;
        double walkPitch = _initialPitchRad * (1 - Shapes.MinimumJerk(t / 0.3));
        return new BodyState(
            lying ? Vec3.Zero : new Vec3(Lerp(_ax), 0, Lerp(_az)),
            new Attitude(0, Lerp(_pitch) + walkPitch, 0));
    }

    public override void AddTruth(GroundTruthBuilder truth, double startS)
    {
        truth.AddPhase(Activity.Falling, startS, startS + MotionS);
        truth.AddPhase(Activity.Lying, startS + MotionS, startS + DurationS);
        truth.AddFall(startS, startS + ImpactS);
    }
}
