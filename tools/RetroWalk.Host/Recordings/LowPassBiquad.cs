namespace RetroWalk.Host.Recordings;

/// <summary>
/// Second-order Butterworth low-pass (bilinear transform), causal like the MPU6050's digital low-pass filter. It starts
/// in steady state at the first input so that a recording does not begin with a step from zero.
/// </summary>
public sealed class LowPassBiquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;
    private bool _started;

    public LowPassBiquad(double cutoffHz, double sampleRateHz)
    {
        if (!(cutoffHz > 0 && cutoffHz < sampleRateHz / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffHz), $"cutoff {cutoffHz} Hz must lie between 0 and half the rate {sampleRateHz} Hz");
        }
        var w = 2 * Math.PI * cutoffHz / sampleRateHz;
        var alpha = Math.Sin(w) / (2 * Math.Sqrt(0.5)); // Q = 1/√2: Butterworth
        var cos = Math.Cos(w);
        var a0 = 1 + alpha;
        _b0 = (1 - cos) / 2 / a0;
        _b1 = (1 - cos) / a0;
        _b2 = _b0;
        _a1 = -2 * cos / a0;
        _a2 = (1 - alpha) / a0;
    }

    public double Step(double x)
    {
        if (!_started)
        {
            _x1 = _x2 = _y1 = _y2 = x;
            _started = true;
        }
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        _x2 = _x1;
        _x1 = x;
        _y2 = _y1;
        _y1 = y;
        return y;
    }
}
