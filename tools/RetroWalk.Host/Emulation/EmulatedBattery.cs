using RetroWalk.Core.Power;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// The battery divider as the ADC sees it, for the emulated device: a 500 mAh cell starting at
/// <see cref="StartMv"/> and falling linearly to 3.5 V over the ~10 h the power budget gives (hardware/power.md),
/// halved by the divider and converted to raw counts with the nominal full scale. A simplification (a real LiPo
/// curve is not linear in time); it exists so the emulated phone sees a Battery Level move as the device would send it.
/// </summary>
public sealed class EmulatedBattery : IBatteryAdc
{
    public const int StartMv = 4150;
    public const long HoursToEmpty = 10;

    private readonly Func<long> _clockMs;

    public EmulatedBattery(Func<long> clockMs)
    {
        _clockMs = clockMs;
    }

    public int CellMv => (int)Math.Max(3300, StartMv - _clockMs() * (StartMv - LipoCurve.EmptyMv) / (HoursToEmpty * 3_600_000));

    public int ReadRawSum(int count)
    {
        int pinMv = CellMv * BatteryDivider.CellPerPinDenominator / BatteryDivider.CellPerPinNumerator;
        int raw = pinMv * BatteryDivider.MaxRaw / BatteryDivider.FullScaleMv;
        return raw * count;
    }
}
