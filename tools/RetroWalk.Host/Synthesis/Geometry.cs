using System.Numerics.Tensors;
namespace RetroWalk.Host.Synthesis;

/// <summary>A 3-vector in double precision (metres, m/s², rad/s as the context says).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static readonly Vec3 Zero = new(0, 0, 0);
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator *(double k, Vec3 a) => new(k * a.X, k * a.Y, k * a.Z);
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
}

/// <summary>A 3×3 rotation matrix, row-major. As a body→world rotation, its columns are the body axes in world coordinates.</summary>
public readonly record struct Rotation(double M00, double M01, double M02, double M10, double M11, double M12, double M20, double M21, double M22)
{
    public static readonly Rotation Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Rotation AboutX(double rad) { double c = Math.Cos(rad), s = Math.Sin(rad); return new(1, 0, 0, 0, c, -s, 0, s, c); }
    public static Rotation AboutY(double rad) { double c = Math.Cos(rad), s = Math.Sin(rad); return new(c, 0, s, 0, 1, 0, -s, 0, c); }
    public static Rotation AboutZ(double rad) { double c = Math.Cos(rad), s = Math.Sin(rad); return new(c, -s, 0, s, c, 0, 0, 0, 1); }

    public static Rotation operator *(Rotation a, Rotation b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20, a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21, a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20, a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21, a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20, a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21, a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    public static Vec3 operator *(Rotation r, Vec3 v) => new(
        r.M00 * v.X + r.M01 * v.Y + r.M02 * v.Z,
        r.M10 * v.X + r.M11 * v.Y + r.M12 * v.Z,
        r.M20 * v.X + r.M21 * v.Y + r.M22 * v.Z);

    public Rotation Transposed => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public double Determinant =>
        M00 * (M11 * M22 - M12 * M21) - M01 * (M10 * M22 - M12 * M20) + M02 * (M10 * M21 - M11 * M20);

    /// <summary>
    /// Body angular velocity (rad/s, body axes) of a body→world rotation sampled <paramref name="spanS"/> seconds apart
    /// (before, after): the skew part of R(before)ᵀ R(after) over the span. Second-order accurate at the midpoint, and
    /// valid at any attitude (no Euler-angle singularity).
    /// </summary>
    public static Vec3 BodyRate(Rotation before, Rotation after, double spanS)
    {
        var d = before.Transposed * after;
        return new Vec3((d.M21 - d.M12) / (2 * spanS), (d.M02 - d.M20) / (2 * spanS), (d.M10 - d.M01) / (2 * spanS));
    }
}

/// <summary>
/// Trunk attitude as yaw-pitch-roll (Z-Y-X) angles in radians, body axes x forward, y left, z up (right-handed).
/// Pitch is positive leaning forward (nose down), roll positive with the right side down, yaw positive turning left.
/// </summary>
public readonly record struct Attitude(double Roll, double Pitch, double Yaw)
{
    public static readonly Attitude Upright = new(0, 0, 0);

    /// <summary>Body→world rotation R = Rz(yaw)·Ry(pitch)·Rx(roll).</summary>
    public Rotation ToRotation() => Rotation.AboutZ(Yaw) * Rotation.AboutY(Pitch) * Rotation.AboutX(Roll);

    public static Attitude operator +(Attitude a, Attitude b) => new(a.Roll + b.Roll, a.Pitch + b.Pitch, a.Yaw + b.Yaw);
}

/// <summary>What a motion model says about the sensor site at one instant: its acceleration in the world frame
/// (m/s², x = the wearer's initial heading, y = left, z = up; gravity not included) and the trunk's attitude.</summary>
public readonly record struct BodyState(Vec3 Acceleration, Attitude Attitude);

/// <summary>Small numeric helpers shared by the motion models.</summary>
internal static class Shapes
{
    public const double Gravity = 9.80665;

    public static double DegToRad(double deg) => deg * Math.PI / 180.0;

    /// <summary>Minimum-jerk 0→1 transition (Flash and Hogan 1985), the profile of a smooth voluntary movement.</summary>
    public static double MinimumJerk(double u)
    {
        if (u <= 0) return 0;
        if (u >= 1) return 1;
        return u * u * u * (10 + u * (-15 + 6 * u));
    }

    /// <summary>Second derivative of a scalar function by central differences (h in seconds).</summary>
    public static double SecondDerivative(Func<double, double> f, double t, double h = 1e-3) =>
        (f(t + h) - 2 * f(t) + f(t - h)) / (h * h);

    public static double FirstDerivative(Func<double, double> f, double t, double h = 1e-3) =>
        (f(t + h) - f(t - h)) / (2 * h);

    /// <summary>Standard normal deviate from a seeded generator (Box-Muller), so every draw is reproducible.</summary>
    public static double Gaussian(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Uniform draw in [-1, 1).</summary>
    public static double Symmetric(this Random rng) => 2 * rng.NextDouble() - 1;
}

/// <summary>
/// A smooth stationary random signal: a sum of sinusoids at seeded frequencies and phases in a band, standard
/// deviation <c>std</c>. A continuous function of time, so it can be sampled anywhere and differentiated.
/// </summary>
internal sealed class BandNoise
{
    private const int Components = 10;
    private readonly double[] _omega = new double[Components], _phase = new double[Components];
    private readonly double _amplitude;

    public BandNoise(double std, double lowHz, double highHz, Random rng)
    {
        _amplitude = std * Math.Sqrt(2.0 / Components);
        for (int i = 0; i < Components; i++)
        {
            _omega[i] = 2 * Math.PI * (lowHz + (highHz - lowHz) * rng.NextDouble());
            _phase[i] = 2 * Math.PI * rng.NextDouble();
        }
    }

    public double At(double t)
    {
        // Vectorised (a dozen of these per sub-sample made the sines half of a synthesized session's cost); the same
        // values as summing Math.Sin term by term (a session's samples hash the same).
        Span<double> angle = stackalloc double[Components];
        TensorPrimitives.MultiplyAdd(_omega, t, _phase, angle);
        TensorPrimitives.Sin(angle, angle);
        return _amplitude * TensorPrimitives.Sum<double>(angle);
    }
}
