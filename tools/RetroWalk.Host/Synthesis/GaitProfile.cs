using System;
using RetroWalk.Core.Motion;

namespace RetroWalk.Host.Synthesis;

/// <summary>
/// The parameters of one kind of walking for the gait model (<see cref="WalkBout"/>). Values are typical healthy adults;
/// each carries its source or the reasoning behind it. Every length is at the belt, close to the centre of mass.
/// </summary>
public sealed record GaitProfile
{
    /// <summary>Direction of travel relative to where the wearer faces.</summary>
    public WalkDirection Direction { get; init; } = WalkDirection.Forward;

    /// <summary>Steps per minute (forward: ~105-115, e.g. Perry and Burnfield, Gait Analysis, 2010; backward: ~85-100, slower
    /// than forward at the preferred pace: Thorstensson 1986, Laufer 2005).</summary>
    public double CadenceStepsPerMin { get; init; } = 110;

    /// <summary>Step length, m (forward ~0.65-0.75 m; backward about 60-70% of forward: Laufer 2005, Grasso et al. 1998).</summary>
    public double StepLengthM { get; init; } = 0.68;

    /// <summary>Peak-to-peak vertical excursion of the pelvis, m. It grows with speed: ~2.7 cm at 0.7 m/s to ~4.8 cm at
    /// 1.6 m/s (Orendurff et al. 2004); 4 cm at 1.25 m/s forward.</summary>
    public double VerticalExcursionM { get; init; } = 0.040;

    /// <summary>Peak-to-peak side-to-side excursion of the pelvis at stride frequency, m. It shrinks with speed: ~7 cm at
    /// 0.7 m/s to ~4 cm at 1.6 m/s (Orendurff et al. 2004).</summary>
    public double LateralExcursionM { get; init; } = 0.045;

    /// <summary>Double support as a fraction of one step. Stance is ~60% of the gait cycle forward, so each of the two
    /// double-support periods is ~10% of the cycle = 0.2 of a step (Perry). Backward stance is longer (~65%: Grasso et al.
    /// 1998, Laufer 2005), giving ~0.3 of a step.</summary>
    public double DoubleSupportFraction { get; init; } = 0.20;

    /// <summary>
    /// Second-harmonic share of the vertical path, h in z ∝ cos 2πψ − h·cos 4πψ. A stiff inverted pendulum traces arcs that
    /// meet in sharp troughs at double support (the step-to-step redirection, Kuo, Donelan and Ruina 2005); knee flexion
    /// rounds them. h &gt; 0 flattens the single-support arc and sharpens the double-support trough; a longer double
    /// support spreads the redirection and calls for a smaller h.
    /// </summary>
    public double TroughSharpness { get; init; } = 0.15;

    /// <summary>
    /// Fraction of the potential-energy swing exchanged with forward kinetic energy (pendular recovery, ~60-65% at normal
    /// speed: Cavagna, Thys and Zamboni 1976). This is what makes the trunk slow down (in its direction of travel) while
    /// rising and speed up while falling.
    /// </summary>
    public double PendularRecovery { get; init; } = 0.62;

    /// <summary>Mean forward lean of the trunk while walking, degrees (a few degrees of flexion is usual).</summary>
    public double MeanTrunkPitchDeg { get; init; } = 3;

    /// <summary>Pelvic tilt (pitch) oscillation at step frequency, ± degrees (±1-2°: Perry). The clip rides on the belt,
    /// so it follows the pelvis rather than the upper trunk.</summary>
    public double PitchAmplitudeDeg { get; init; } = 2;

    /// <summary>Pelvic obliquity at stride frequency, ± degrees (~±4-5°: Perry).</summary>
    public double RollAmplitudeDeg { get; init; } = 4.5;

    /// <summary>Pelvic rotation about the vertical at stride frequency, ± degrees (~±4-5°: Saunders, Inman and Eberhart 1953).</summary>
    public double YawAmplitudeDeg { get; init; } = 5;

    /// <summary>
    /// Personal gait signature, front-back, g (standard deviation): step-locked harmonics 3-6 of the step frequency with
    /// amplitudes and phases drawn per bout. They stand for the detail of heel strike, loading and push-off that differs
    /// from person to person and that the pendulum leaves out. Harmonics 1-2, which carry the pendulum's vertical
    /// motion, are left alone so that this term neither helps nor hides the direction cue on average, only blurs it.
    /// The size (with <see cref="WobbleG"/>) brings the belt's front-back and side-to-side spread into the range of
    /// the SisFall waist recordings of walking (D01/D02: 0.15-0.25 g front-back, 0.14-0.2 g side-to-side).
    /// </summary>
    public double SignatureFrontBackG { get; init; } = 0.09;

    /// <summary>Personal gait signature, side to side, g (standard deviation); alternates with the stance side.</summary>
    public double SignatureLateralG { get; init; } = 0.11;

    /// <summary>Unlocked wobble of the belt and soft tissue, 1-8 Hz, g per axis (standard deviation).</summary>
    public double WobbleG { get; init; } = 0.04;

    /// <summary>Unlocked wobble of the pelvis attitude, 1-5 Hz, degrees per axis (standard deviation).</summary>
    public double WobbleDeg { get; init; } = 0.6;

    /// <summary>Step-to-step coefficient of variation of step time (stride time CV ~2-3% in healthy adults: Hausdorff 2005;
    /// backward gait is less practised and more variable).</summary>
    public double StepTimeCv { get; init; } = 0.025;

    /// <summary>Step-to-step coefficient of variation of the vertical and lateral amplitudes.</summary>
    public double AmplitudeCv { get; init; } = 0.06;

    /// <summary>Bout-to-bout spread of the cadence (a person does not walk every bout at the same pace).</summary>
    public double BoutCadenceCv { get; init; } = 0.03;

    /// <summary>How the foot meets the ground.</summary>
    public FootContact Contact { get; init; } = FootContact.HeelStrike;

    /// <summary>Forward walking at a normal pace: ~110 steps/min, 0.68 m steps (1.25 m/s).</summary>
    public static GaitProfile Forward { get; } = new();

    /// <summary>
    /// Backward walking at a preferred pace: ~92 steps/min, 0.42 m steps (~0.65 m/s), longer double support, toe-first
    /// landing. The slower speed gives the vertical and lateral excursions Orendurff et al. measured at slow speed; the
    /// longer double support spreads the redirection (smaller h). The pendular recovery is assumed a little lower
    /// than forward (an unpractised gait and a shorter, flatter arc); no direct measurement was found.
    /// </summary>
    public static GaitProfile Backward { get; } = new()
    {
        Direction = WalkDirection.Backward,
        CadenceStepsPerMin = 92,
        StepLengthM = 0.42,
        VerticalExcursionM = 0.027,
        LateralExcursionM = 0.060,
        DoubleSupportFraction = 0.30,
        TroughSharpness = 0.08,
        PendularRecovery = 0.55,
        MeanTrunkPitchDeg = 5,
        YawAmplitudeDeg = 4,
        StepTimeCv = 0.04,
        AmplitudeCv = 0.08,
        Contact = FootContact.ToeFirst,
    };

    /// <summary>
    /// An older or rehabilitating walker at a slow pace, forward: ~52 steps/min (the 45-60), 0.38 m steps
    /// (~0.33 m/s, the gait speed of frail older adults, below the 0.6 m/s that marks limited community ambulation:
    /// Perry et al. 1995). Little bounce: the vertical excursion falls with speed (Orendurff et al. 2004: ~2.7 cm at
    /// 0.7 m/s, ~2.3 cm less per m/s), 1.8 cm at this speed; the side-to-side sway grows as
    /// speed falls (Orendurff: ~7 cm at 0.7 m/s), 8 cm. Long double support (older adults at slow speed spend ~30-40 % of
    /// the cycle in double support, each period ~0.35-0.4 of a step: Winter et al. 1990), which spreads the redirection
    /// (small h). Pendular recovery falls off at slow speed (Cavagna, Thys and Zamboni 1976: well under half below
    /// ~0.5 m/s), 0.35. A more flexed trunk (8°) with smaller pelvic motion, and more variable step times (older and
    /// slow walkers: step-time CV ~3-6 %, Hausdorff 2001).
    /// </summary>
    public static GaitProfile SlowForward { get; } = new()
    {
        CadenceStepsPerMin = 52,
        StepLengthM = 0.38,
        VerticalExcursionM = 0.018,
        LateralExcursionM = 0.080,
        DoubleSupportFraction = 0.38,
        TroughSharpness = 0.04,
        PendularRecovery = 0.35,
        MeanTrunkPitchDeg = 8,
        PitchAmplitudeDeg = 1.5,
        RollAmplitudeDeg = 3,
        YawAmplitudeDeg = 3,
        StepTimeCv = 0.045,
        AmplitudeCv = 0.10,
        BoutCadenceCv = 0.05,
    };

    /// <summary>
    /// The same walker backward: slower and shorter still (~46 steps/min, 0.24 m steps, ~0.18 m/s; backward steps are
    /// ~60-70 % of forward ones, Laufer 2005), less bounce (Orendurff's slope again: 1.5 cm), longer double support (0.45 of a step),
    /// toe-first contacts, more variable (CV 5.5 %).
    /// </summary>
    public static GaitProfile SlowBackward { get; } = SlowForward with
    {
        Direction = WalkDirection.Backward,
        CadenceStepsPerMin = 46,
        StepLengthM = 0.24,
        VerticalExcursionM = 0.015,
        DoubleSupportFraction = 0.45,
        TroughSharpness = 0.03,
        PendularRecovery = 0.30,
        MeanTrunkPitchDeg = 6,
        StepTimeCv = 0.055,
        Contact = FootContact.ToeFirst,
    };

    /// <summary>
    /// Backward on a treadmill at 1.0 mph (0.447 m/s) holding the rails, as the retro-walking guides set it. The belt
    /// fixes the speed and the walker picks the cadence: ~80 steps/min, so 0.335 m steps. Walking on a belt at a constant
    /// speed is, mechanically, walking over ground in the belt's frame, so the pendulum model holds with ū = belt speed;
    /// what changes is the hands: holding the rails carries part of the body weight and steadies the trunk, which
    /// damps the centre of mass's vertical excursion and side-to-side sway (here to about half of the unsupported
    /// backward gait: 1.3 cm and 2.5 cm), the pelvic rotations, and the pendular exchange (0.35). The belt paces the
    /// steps, so step times vary less than over ground (treadmill walking lowers stride-time variability: Dingwell et
    /// al. 2001): CV 3 %.
    /// </summary>
    public static GaitProfile TreadmillBackward { get; } = OnTheRails(Backward) with
    {
        CadenceStepsPerMin = 80,
        StepLengthM = 0.335,
        VerticalExcursionM = 0.013,
        PendularRecovery = 0.35,
        StepTimeCv = 0.03,
    };

    /// <summary>
    /// Forward on the same treadmill between the backward intervals, at 1.5 mph (0.67 m/s) holding the rails: ~90
    /// steps/min, 0.45 m steps, the bounce and sway damped as backward (1.8 cm, 2.5 cm), heel strikes.
    /// </summary>
    public static GaitProfile TreadmillForward { get; } = OnTheRails(Forward) with
    {
        CadenceStepsPerMin = 90,
        StepLengthM = 0.447,
        VerticalExcursionM = 0.018,
        PendularRecovery = 0.40,
        StepTimeCv = 0.02,
    };

    /// <summary>
    /// What the hands on a treadmill's rails do to the trunk, in either direction: the side-to-side sway down to 2.5 cm
    /// and the pelvic rotations to ±1° tilt, ±2° obliquity and rotation (the arms hold the pelvis), and the belt keeps
    /// the pace from bout to bout (1 %).
    /// </summary>
    private static GaitProfile OnTheRails(GaitProfile p) => p with
    {
        LateralExcursionM = 0.025,
        PitchAmplitudeDeg = 1,
        RollAmplitudeDeg = 2,
        YawAmplitudeDeg = 2,
        BoutCadenceCv = 0.01,
    };

    /// <summary>
    /// This gait at another cadence, as people change pace: the walk ratio (step length / cadence) stays about constant
    /// over the self-selected range (Sekiya and Nagasaki 1998), so the step length scales with cadence; the vertical
    /// excursion of the centre of mass rises with speed by about 2.3 cm per m/s (Orendurff et al. 2004: ~2.7 cm at
    /// 0.7 m/s to ~4.8 cm at 1.6 m/s), applied from this profile's own speed and excursion, never below 1 cm.
    /// </summary>
    public GaitProfile AtCadence(double cadenceStepsPerMin)
    {
        double stepLengthM = StepLengthM * cadenceStepsPerMin / CadenceStepsPerMin;
        double speedMps = stepLengthM * cadenceStepsPerMin / 60.0;
        double excursionM = Math.Max(0.01, VerticalExcursionM + 0.023 * (speedMps - SpeedMps));
        return this with { CadenceStepsPerMin = cadenceStepsPerMin, StepLengthM = stepLengthM, VerticalExcursionM = excursionM };
    }

    /// <summary>Mean speed over ground, m/s.</summary>
    public double SpeedMps => StepLengthM * CadenceStepsPerMin / 60.0;

    /// <summary>+1 when travelling the way the wearer faces, −1 when travelling backward.</summary>
    public int TravelSign => Direction == WalkDirection.Backward ? -1 : 1;
}
