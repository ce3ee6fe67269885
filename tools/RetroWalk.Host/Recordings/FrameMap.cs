namespace RetroWalk.Host.Recordings;

/// <summary>
/// Maps a source sensor's axes onto the device frame: each device axis is one source axis with a sign. The same map
/// applies to specific force and to angular rate (both are read as projections on the device axes), so a recording keeps
/// its physics. Written as "X Y Z" = three signed source axes, e.g. "-y +x +z". Only proper rotations are accepted:
/// sensors are right-handed, and a mirror image would turn every angular rate the wrong way round.
/// </summary>
public sealed class FrameMap
{
    private readonly int[] _index = new int[3];
    private readonly double[] _sign = new double[3];

    public FrameMap(string spec)
    {
        Spec = spec;
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            throw new ArgumentException($"frame map '{spec}' must name three signed axes", nameof(spec));
        }
        var seen = 0;
        for (var i = 0; i < 3; i++)
        {
            var p = parts[i];
            if (p.Length != 2 || (p[0] != '+' && p[0] != '-') || p[1] < 'x' || p[1] > 'z')
            {
                throw new ArgumentException($"frame map '{spec}': '{p}' is not one of +x -x +y -y +z -z", nameof(spec));
            }
            _sign[i] = p[0] == '-' ? -1 : 1;
            _index[i] = p[1] - 'x';
            seen |= 1 << _index[i];
        }
        if (seen != 7)
        {
            throw new ArgumentException($"frame map '{spec}' must use each source axis once", nameof(spec));
        }
        if (Determinant() < 0)
        {
            throw new ArgumentException($"frame map '{spec}' is a mirror image; right-handed axes need a proper rotation", nameof(spec));
        }
    }

    public static FrameMap Identity { get; } = new("+x +y +z");

    public string Spec { get; }

    /// <summary>The device-frame vector of a source-frame vector.</summary>
    public (double X, double Y, double Z) Apply(double sx, double sy, double sz)
    {
        Span<double> s = stackalloc double[] { sx, sy, sz };
        return (_sign[0] * s[_index[0]], _sign[1] * s[_index[1]], _sign[2] * s[_index[2]]);
    }

    public override string ToString() => Spec;

    /// <summary>+1 for a rotation, -1 for a mirror image: the parity of the axis permutation times the signs.</summary>
    private double Determinant()
    {
        var swaps = (_index[0] > _index[1] ? 1 : 0) + (_index[0] > _index[2] ? 1 : 0) + (_index[1] > _index[2] ? 1 : 0);
        return (swaps % 2 == 0 ? 1 : -1) * _sign[0] * _sign[1] * _sign[2];
    }
}
