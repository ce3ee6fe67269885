namespace RetroWalk.Host.Synthesis;

/// <summary>
/// One bout of walking, forward or backward, from the mechanics of the trunk riding on the legs.
/// </summary>
/// <remarks>
/// <para><b>Vertical.</b> In single support the pelvis vaults over the stance leg like an inverted pendulum and is highest at
/// mid-stance; in double support the trailing leg's push-off and the leading leg's collision redirect it from falling
/// to rising (Kuo, Donelan and Ruina 2005). Per step, with phase ψ from one mid-stance (top) to the next,
/// z = A/2 (cos 2πψ − h cos 4πψ): the second harmonic flattens the arc and sharpens the trough at double support.
/// The excursion A is one of the profile's parameters.</para>
/// <para><b>Along the direction of travel.</b> The pendulum exchanges potential and kinetic energy (Cavagna et al. 1976):
/// with a recovered fraction R, ½ u² + R g z is constant, so u̇ = −(R g / ū) ż. The body slows in its direction of
/// travel while rising and speeds up while falling. The direction of travel is a parameter: walking backward, the same
/// law acts along −x of the body, so the front-back acceleration the sensor sees flips sign relative to the vertical
/// motion. Nothing is time-reversed: backward walking has its own cadence, step length, excursion, double support and
/// toe-first contacts.</para>
/// <para><b>Sideways and rotations.</b> The pelvis sways toward the stance leg (stride frequency), drops on the swing side
/// (roll), rotates forward on the side of the swinging leg (yaw; backward walking swings it backward, so the sign
/// follows the travel sign) and pitches forward when braking (pitch; braking a backward walk pitches it back).</para>
/// <para><b>Variability and start/stop.</b> Step times and amplitudes vary step to step by the profile's CVs; amplitudes
/// are interpolated across cycles with a minimum-jerk blend so that position and velocity stay continuous. Gait
/// initiation and termination ramp the speed and amplitudes over about a step.</para>
/// </remarks>
public sealed class WalkBout : MotionSegment
{
    private const double RampSteps = 1.2;
    private const double FirstContactSteps = 0.7;

    private readonly GaitProfile _p;
    private readonly double _meanStepS, _durationS, _rampS;
    private readonly bool _rampIn, _rampOut;
    private readonly double[] _contactS, _topS, _vertM, _latM;
    private readonly int[] _side;
    private readonly bool[] _regular;
    private readonly FootContact[] _contact;
    private readonly Stumble? _stumble;
    private readonly double[] _sigFrontBack, _sigLateral, _sigFrontBackPhase;
    private readonly BandNoise[] _wobbleAccel, _wobbleAttitude;
    private const int FirstSignatureHarmonic = 3, SignatureHarmonics = 4;

    /// <param name="profile">The gait.</param>
    /// <param name="approxDurationS">Wanted length; the bout ends on a whole step, so the real length differs a little.</param>
    /// <param name="rng">Seeded source of the step-to-step variability.</param>
    /// <param name="rampIn">Start from standing (gait initiation); false to start at full speed.</param>
    /// <param name="rampOut">Stop to standing at the end; false to end in full stride (e.g. into a fall).</param>
    /// <param name="stumbleAtS">Local time near which a trip happens and is recovered, or null.</param>
    public WalkBout(GaitProfile profile, double approxDurationS, Random rng, bool rampIn = true, bool rampOut = true, double? stumbleAtS = null)
    {
        double cadence = profile.CadenceStepsPerMin * (1 + profile.BoutCadenceCv * rng.Gaussian());
        _p = profile;
        _meanStepS = 60.0 / cadence;
        _rampS = RampSteps * _meanStepS;
        _rampIn = rampIn;
        _rampOut = rampOut;

        var contacts = new List<double>();
        var regular = new List<bool>();
        var kinds = new List<FootContact>();
        var gains = new List<double>();
        double c = rampIn ? FirstContactSteps * _meanStepS : 0.4 * _meanStepS;
        double end = approxDurationS - (rampOut ? FirstContactSteps * _meanStepS : 0.6 * _meanStepS);
        Stumble? stumble = null;
        while (c <= end || contacts.Count < 2)
        {
            if (stumbleAtS is { } at && stumble is null && c >= at && contacts.Count > 0)
            {
                // The swing foot is caught mid-swing; the recovery step lands a little later than a normal one
                // would, hard, and three quick short steps follow (elevating strategy: Eng et al. 1994).
                double landing = contacts[^1] + _meanStepS + 0.08;
                stumble = new Stumble(landing - Stumble.TripToLandingS, profile.TravelSign, rng);
                double[] quick = { 0.38, 0.42, 0.48 };
                contacts.Add(landing); regular.Add(false); kinds.Add(FootContact.RecoveryLanding); gains.Add(1.4);
                foreach (double gap in quick)
                {
                    c = contacts[^1] + gap;
                    contacts.Add(c); regular.Add(false); kinds.Add(profile.Contact); gains.Add(1.3);
                }
                c = contacts[^1] + _meanStepS;
                continue;
            }
            contacts.Add(c); regular.Add(true); kinds.Add(profile.Contact); gains.Add(1);
            c += _meanStepS * (1 + profile.StepTimeCv * rng.Gaussian());
        }
        _stumble = stumble;

        int n = contacts.Count;
        _contactS = contacts.ToArray();
        _regular = regular.ToArray();
        _contact = kinds.ToArray();
        _vertM = new double[n + 1];
        _latM = new double[n + 1];
        _side = new int[n + 1];
        _topS = new double[n + 1];
        int side = rng.NextDouble() < 0.5 ? 1 : -1;
        for (int k = 0; k <= n; k++)
        {
            int j = Math.Min(k, n - 1);
            _vertM[k] = profile.VerticalExcursionM * gains[j] * (1 + profile.AmplitudeCv * rng.Gaussian());
            _latM[k] = profile.LateralExcursionM * (1 + profile.AmplitudeCv * rng.Gaussian());
            _side[k] = side;
            side = -side;
        }
        // Each cycle runs from one mid-stance (top) to the next and holds one contact; the trough lies a half double
        // support after the contact, the top halfway between troughs.
        for (int k = 0; k <= n; k++)
            _topS[k] = k == 0 ? Trough(0) - StepS(0) / 2 : (Trough(k - 1) + (k < n ? Trough(k) : Trough(n - 1) + StepS(n - 1))) / 2;
        _durationS = rampOut ? _contactS[n - 1] + FirstContactSteps * _meanStepS : _topS[n];

        // The walker's signature for this bout (random harmonic amplitudes whose total spread is the profile's figure).
        _sigFrontBack = new double[SignatureHarmonics];
        _sigLateral = new double[SignatureHarmonics];
        _sigFrontBackPhase = new double[SignatureHarmonics];
        double perHarmonic = Math.Sqrt(2.0 / SignatureHarmonics);
        for (int i = 0; i < SignatureHarmonics; i++)
        {
            _sigFrontBack[i] = profile.SignatureFrontBackG * Shapes.Gravity * perHarmonic * rng.Gaussian();
            _sigLateral[i] = profile.SignatureLateralG * Shapes.Gravity * perHarmonic * rng.Gaussian();
            _sigFrontBackPhase[i] = 2 * Math.PI * rng.NextDouble();
        }
        double wobble = profile.WobbleG * Shapes.Gravity, wobbleRad = Shapes.DegToRad(profile.WobbleDeg);
        _wobbleAccel = new[] { new BandNoise(wobble, 1, 8, rng), new BandNoise(wobble, 1, 8, rng), new BandNoise(wobble, 1, 8, rng) };
        _wobbleAttitude = new[] { new BandNoise(wobbleRad, 1, 5, rng), new BandNoise(wobbleRad, 1, 5, rng), new BandNoise(wobbleRad, 1, 5, rng) };
    }

    public GaitProfile Profile => _p;

    public override double DurationS => _durationS;

    /// <summary>Local times of the foot contacts (each is one true step).</summary>
    public IReadOnlyList<double> ContactTimesS => _contactS;

    /// <summary>Speed over ground at the end of the bout, m/s (what a fall that follows starts with).</summary>
    public double FinalSpeedMps => _p.SpeedMps * Envelope(_durationS);

    /// <summary>Trunk pitch at the end of the bout, rad.</summary>
    public double FinalPitchRad => At(_durationS).Attitude.Pitch;

    private double StepS(int k) => k + 1 < _contactS.Length ? _contactS[k + 1] - _contactS[k] : _meanStepS;

    private double Trough(int k) => _contactS[k] + _p.DoubleSupportFraction * StepS(k) / 2;

    private double Envelope(double t) =>
        (_rampIn ? Shapes.MinimumJerk(t / _rampS) : 1) * (_rampOut ? Shapes.MinimumJerk((_durationS - t) / _rampS) : 1);

    /// <summary>Cycle holding t (clamped to the first and last) and the phase in it (outside [0,1] beyond the ends).</summary>
    private (int Cycle, double Phase) CycleAt(double t)
    {
        int n = _contactS.Length;
        int k = Array.BinarySearch(_topS, t);
        if (k < 0) k = ~k - 1;
        k = Math.Clamp(k, 0, n - 1);
        return (k, (t - _topS[k]) / (_topS[k + 1] - _topS[k]));
    }

    /// <summary>Per-cycle amplitude blended toward the next cycle's with a minimum-jerk weight (continuous position and velocity).</summary>
    private static double Blend(double[] perCycle, int k, double phase) =>
        perCycle[k] + (perCycle[k + 1] - perCycle[k]) * Shapes.MinimumJerk(phase);

    private double VerticalM(double t)
    {
        var (k, psi) = CycleAt(t);
        double h = _p.TroughSharpness;
        return Envelope(t) * Blend(_vertM, k, psi) / 2 * (Math.Cos(2 * Math.PI * psi) - h * Math.Cos(4 * Math.PI * psi));
    }

    private double LateralM(double t)
    {
        var (k, psi) = CycleAt(t);
        return Envelope(t) * Blend(_latM, k, psi) / 2 * _side[k] * Math.Cos(Math.PI * psi);
    }

    private double MeanSpeedMps(double t) =>
        _p.SpeedMps * Envelope(t) * (_stumble?.SpeedFactor(t) ?? 1);

    public override BodyState At(double t)
    {
        int d = _p.TravelSign;
        double g = Shapes.Gravity;
        double zDot = Shapes.FirstDerivative(VerticalM, t);
        // Pendular exchange linearised about the bout's mean speed (so it fades with the amplitude at start and stop).
        double travel = Shapes.FirstDerivative(MeanSpeedMps, t) - _p.PendularRecovery * g / _p.SpeedMps * zDot;
        double vertical = Shapes.SecondDerivative(VerticalM, t);
        double lateral = Shapes.SecondDerivative(LateralM, t);

        var (k, psi) = CycleAt(t);
        double e = Envelope(t);
        for (int i = 0; i < SignatureHarmonics; i++)
        {
            double w = 2 * Math.PI * (FirstSignatureHarmonic + i) * psi;
            travel += e * _sigFrontBack[i] * Math.Cos(w + _sigFrontBackPhase[i]) * d;
            lateral += e * _sigLateral[i] * _side[k] * Math.Sin(w); // zero at the cycle ends, where the side flips
        }
        travel += e * _wobbleAccel[0].At(t) * d;
        lateral += e * _wobbleAccel[1].At(t);
        vertical += e * _wobbleAccel[2].At(t);
        for (int j = Math.Max(0, k - 2); j <= Math.Min(_contactS.Length - 1, k + 1); j++)
        {
            var (v, against) = _contact[j].At(t - _contactS[j]);
            vertical += v;
            travel -= against;
        }
        if (_stumble is { } s)
        {
            var (v, against) = FootContact.TripJolt.At(t - s.TripS);
            vertical += v;
            travel -= against;
        }
        return new BodyState(new Vec3(d * travel, lateral, vertical), AttitudeAt(t));
    }

    public override Attitude AttitudeAt(double t)
    {
        var (k, psi) = CycleAt(t);
        double e = Envelope(t);
        int d = _p.TravelSign;
        double pitch = e * Shapes.DegToRad(_p.MeanTrunkPitchDeg + d * _p.PitchAmplitudeDeg * Math.Cos(2 * Math.PI * (psi - 0.75)));
        double roll = e * Shapes.DegToRad(_p.RollAmplitudeDeg) * _side[k] * Math.Cos(Math.PI * psi);
        double yaw = e * Shapes.DegToRad(_p.YawAmplitudeDeg) * d * _side[k] * Math.Sin(Math.PI * psi);
        var a = new Attitude(roll + e * _wobbleAttitude[0].At(t), pitch + e * _wobbleAttitude[1].At(t), yaw + e * _wobbleAttitude[2].At(t));
        return _stumble is { } s ? a + s.AttitudeAt(t) : a;
    }

    public override void AddTruth(GroundTruthBuilder truth, double startS)
    {
        truth.AddPhase(Activity.Walking, startS, startS + _durationS);
        truth.AddBout(_p.Direction, startS, startS + _durationS);
        for (int k = 0; k < _contactS.Length; k++)
            truth.AddStep(startS + _contactS[k], _p.Direction, _regular[k]);
        if (_stumble is { } s)
            truth.AddStumble(startS + s.TripS, startS + s.TripS + Stumble.TripToLandingS, startS + s.TripS + Stumble.RecoveredAfterS);
    }

    /// <summary>
    /// A trip recovered in a couple of steps. The caught foot brakes the body (a jolt against the direction of travel),
    /// the trunk pitches forward at ~100-150 °/s with some roll and twist (Pijnappels et al. 2005, "Tripping without
    /// falling"), speed dips by about a third, the recovery step lands hard (2-3 g at the belt) and the trunk is back
    /// upright in about 1.5 s.
    /// </summary>
    private sealed class Stumble
    {
        public const double TripToLandingS = 0.30;
        public const double RecoveredAfterS = 1.8;
        private readonly double _pitchRad, _rollRad, _yawRad;
        private readonly int _travelSign;

        public Stumble(double tripS, int travelSign, Random rng)
        {
            TripS = tripS;
            _travelSign = travelSign;
            _pitchRad = Shapes.DegToRad(20 + 5 * rng.NextDouble());
            _rollRad = Shapes.DegToRad(8 * rng.Symmetric());
            _yawRad = Shapes.DegToRad(10 * rng.Symmetric());
        }

        public double TripS { get; }

        /// <summary>A smooth bump that starts with zero slope, peaks (value 1) at peakS and decays over about 3·peakS.</summary>
        private static double Bump(double tau, double peakS) =>
            tau <= 0 ? 0 : (tau / peakS) * (tau / peakS) * Math.Exp(2 * (1 - tau / peakS));

        public double SpeedFactor(double t) => 1 - 0.35 * Bump(t - TripS, 0.35);

        public Attitude AttitudeAt(double t)
        {
            double tau = t - TripS;
            return new Attitude(_rollRad * Bump(tau, 0.4), _travelSign * _pitchRad * Bump(tau, 0.30), _yawRad * Bump(tau, 0.45));
        }
    }
}
