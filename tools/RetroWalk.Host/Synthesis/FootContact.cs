namespace RetroWalk.Host.Synthesis;

/// <summary>
/// One transient at the belt when a foot meets the ground: a vertical and a front-back component (the latter always
/// opposes the direction of travel: the landing foot brakes the body whichever way it travels). Each pulse carries
/// no net impulse: a slow opposite lobe (80 ms) returns what the sharp part took, because the gross change of
/// momentum over a step is already in the pendulum model and the transient only reshapes it.
/// </summary>
public sealed record ContactPulse(double DelayS, double VerticalG, double AgainstTravelG, double RiseS, double RingHz)
{
    private const double BalanceTimeS = 0.08;

    /// <summary>Shape at time tau after the foot contact, peak about 1 (before the balancing lobe).</summary>
    private double Shape(double tau)
    {
        double u = tau - DelayS;
        if (u <= 0) return 0;
        double sharp = RingHz > 0
            ? Math.Exp(-u / RiseS) * Math.Sin(2 * Math.PI * RingHz * u) / RingPeak
            : u / RiseS * Math.Exp(1 - u / RiseS);
        double balancing = Area * u / (BalanceTimeS * BalanceTimeS) * Math.Exp(-u / BalanceTimeS);
        return sharp - balancing;
    }

    // The damped sine's own peak and each sharp part's area, for normalising and for the balancing lobe.
    private double RingPeak => Math.Exp(-Math.Atan(2 * Math.PI * RingHz * RiseS) / (2 * Math.PI * RingHz * RiseS))
        * Math.Sin(Math.Atan(2 * Math.PI * RingHz * RiseS));

    private double Area => RingHz > 0
        ? 2 * Math.PI * RingHz / ((2 * Math.PI * RingHz) * (2 * Math.PI * RingHz) + 1 / (RiseS * RiseS)) / RingPeak
        : RiseS * Math.E;

    /// <summary>(vertical, against-travel) acceleration in m/s² at tau seconds after the contact.</summary>
    public (double Vertical, double AgainstTravel) At(double tau)
    {
        double s = Shape(tau) * Shapes.Gravity;
        return (VerticalG * s, AgainstTravelG * s);
    }
}

/// <summary>
/// The transients of one kind of foot contact. Forward walking lands on the heel: a stiff, brief impact (10-20 ms rise,
/// ringing near 20 Hz) that the leg, pelvis and soft tissue attenuate to a few tenths of a g at the belt (Whittle 1999,
/// "Generation and attenuation of transient impulsive forces beneath the foot"). Backward walking lands on the toes with
/// the ankle plantar-flexed (Vilensky et al. 1987; Grasso et al. 1998): the calf muscles absorb the landing eccentrically,
/// so the first contact is soft and slow, followed by a second small bump when the heel comes down. These values are
/// assumptions of this model, chosen to that physical reasoning; none is fitted to a recording.
/// </summary>
public sealed record FootContact(IReadOnlyList<ContactPulse> Pulses)
{
    /// <summary>How long after the contact the transients still matter.</summary>
    public const double SettleS = 0.5;

    public static FootContact HeelStrike { get; } = new(new[]
    {
        new ContactPulse(DelayS: 0, VerticalG: 0.45, AgainstTravelG: 0.25, RiseS: 0.012, RingHz: 18),
    });

    public static FootContact ToeFirst { get; } = new(new[]
    {
        new ContactPulse(DelayS: 0, VerticalG: 0.15, AgainstTravelG: 0.08, RiseS: 0.030, RingHz: 0),
        new ContactPulse(DelayS: 0.09, VerticalG: 0.12, AgainstTravelG: 0.03, RiseS: 0.025, RingHz: 0),
    });

    /// <summary>A hard landing after a trip (the recovery step): a heel strike several times the usual.</summary>
    public static FootContact RecoveryLanding { get; } = new(new[]
    {
        new ContactPulse(DelayS: 0, VerticalG: 2.0, AgainstTravelG: 1.0, RiseS: 0.015, RingHz: 15),
    });

    /// <summary>The swing foot caught by an obstacle: a sharp braking jolt of the whole body.</summary>
    public static FootContact TripJolt { get; } = new(new[]
    {
        new ContactPulse(DelayS: 0, VerticalG: 0.4, AgainstTravelG: 1.2, RiseS: 0.015, RingHz: 12),
    });

    public (double Vertical, double AgainstTravel) At(double tau)
    {
        if (tau <= 0 || tau > SettleS) return (0, 0);
        double v = 0, a = 0;
        foreach (var p in Pulses)
        {
            var (pv, pa) = p.At(tau);
            v += pv;
            a += pa;
        }
        return (v, a);
    }
}
