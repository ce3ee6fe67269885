using RetroWalk.Core.Config;

namespace RetroWalk.Host.Synthesis;

/// <summary>
/// How the board sits on the wearer: the rotation from body axes (x forward, y left, z up) to device axes, plus a
/// small misalignment (a clip is never perfectly square on a belt).
/// </summary>
/// <remarks>
/// The MPU6050's axes are right-handed (datasheet §7.1, "Orientation of Axes of Sensitivity"), so once two device
/// axes are fixed the third is not free: with device +Z forward and +X up, device +Y must point to the wearer's
/// RIGHT (Y = Z × X). A mounting that asks for +Y left with +Z forward and +X up is a mirror image no real board
/// can take, so <see cref="FromAxes"/> takes only the forward and up axes and derives the lateral one.
/// </remarks>
public sealed class Mounting
{
    /// <summary>Body→device rotation: device vector = BodyToDevice × body vector.</summary>
    public Rotation BodyToDevice { get; }

    /// <summary>Device axis that points forward (the tracker's ForwardAxis for this mounting).</summary>
    public MountAxis ForwardAxis { get; }

    /// <summary>Device axis that points up when the wearer stands upright (reads about +1 g standing).</summary>
    public MountAxis UpAxis { get; }

    private Mounting(Rotation bodyToDevice, MountAxis forward, MountAxis up)
    {
        BodyToDevice = bodyToDevice;
        ForwardAxis = forward;
        UpAxis = up;
    }

    /// <summary>The agreed belt clip: board vertical at the front of the waist, +Z forward, +X up (so +Y right).</summary>
    public static Mounting BeltClip { get; } = FromAxes(MountAxis.PlusZ, MountAxis.PlusX);

    /// <summary>Builds a mounting from the device axes that point forward and up; the lateral axis follows.</summary>
    public static Mounting FromAxes(MountAxis forward, MountAxis up)
    {
        var f = AxisVector(forward);
        var u = AxisVector(up);
        if (Math.Abs(f.X * u.X + f.Y * u.Y + f.Z * u.Z) > 0.5)
            throw new ArgumentException($"forward ({forward}) and up ({up}) must be different, perpendicular device axes");
        // Body axes expressed in device coordinates: forward = f, up = u, left = up × forward.
        var l = new Vec3(u.Y * f.Z - u.Z * f.Y, u.Z * f.X - u.X * f.Z, u.X * f.Y - u.Y * f.X);
        // Columns of the body→device matrix are the body axes in device coordinates.
        var r = new Rotation(f.X, l.X, u.X, f.Y, l.Y, u.Y, f.Z, l.Z, u.Z);
        return new Mounting(r, forward, up);
    }

    /// <summary>
    /// Any other mounting, from its body→device rotation (e.g. a clip worn at an angle). It must be a proper rotation;
    /// the forward and up axes are named when they coincide with a device axis, <see cref="MountAxis.Unknown"/> otherwise.
    /// </summary>
    public static Mounting FromRotation(Rotation bodyToDevice)
    {
        var rt = bodyToDevice.Transposed * bodyToDevice;
        bool orthonormal = Math.Abs(rt.M00 - 1) < 1e-6 && Math.Abs(rt.M11 - 1) < 1e-6 && Math.Abs(rt.M22 - 1) < 1e-6
            && Math.Abs(rt.M01) < 1e-6 && Math.Abs(rt.M02) < 1e-6 && Math.Abs(rt.M12) < 1e-6;
        if (!orthonormal || Math.Abs(bodyToDevice.Determinant - 1) > 1e-6)
            throw new ArgumentException("a mounting must be a proper rotation (orthonormal, determinant +1): a real board cannot be mirrored", nameof(bodyToDevice));
        return new Mounting(bodyToDevice, AxisOf(bodyToDevice * new Vec3(1, 0, 0)), AxisOf(bodyToDevice * new Vec3(0, 0, 1)));
    }

    /// <summary>The same mounting tilted by small angles (radians) about the device axes, as a real clip sits.</summary>
    public Rotation WithMisalignment(double aboutX, double aboutY, double aboutZ) =>
        Rotation.AboutX(aboutX) * Rotation.AboutY(aboutY) * Rotation.AboutZ(aboutZ) * BodyToDevice;

    private static MountAxis AxisOf(Vec3 v)
    {
        foreach (var axis in new[] { MountAxis.PlusX, MountAxis.MinusX, MountAxis.PlusY, MountAxis.MinusY, MountAxis.PlusZ, MountAxis.MinusZ })
            if ((AxisVector(axis) - v).Length < 1e-6) return axis;
        return MountAxis.Unknown;
    }

    private static Vec3 AxisVector(MountAxis axis) => axis switch
    {
        MountAxis.PlusX => new Vec3(1, 0, 0),
        MountAxis.MinusX => new Vec3(-1, 0, 0),
        MountAxis.PlusY => new Vec3(0, 1, 0),
        MountAxis.MinusY => new Vec3(0, -1, 0),
        MountAxis.PlusZ => new Vec3(0, 0, 1),
        MountAxis.MinusZ => new Vec3(0, 0, -1),
        _ => throw new ArgumentException($"a mounting needs a definite axis, not {axis}", nameof(axis)),
    };
}
