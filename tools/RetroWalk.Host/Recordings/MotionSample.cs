namespace RetroWalk.Host.Recordings;

/// <summary>
/// One sample of a recording in physical units and already in the device frame (+X up, +Y the wearer's right,
/// +Z forward for the default belt clip): time in seconds from the start, specific force in g, angular rate in °/s.
/// </summary>
public readonly record struct MotionSample(double TimeS, double Ax, double Ay, double Az, double Gx, double Gy, double Gz)
{
    /// <summary>Magnitude of the specific force in g.</summary>
    public double AccelMagnitudeG => Math.Sqrt(Ax * Ax + Ay * Ay + Az * Az);
}
