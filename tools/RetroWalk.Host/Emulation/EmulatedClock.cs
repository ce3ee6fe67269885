using RetroWalk.Core.Device;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// Emulated time in microseconds since power-on. The wall clock reads 1970 (not set) until a phone sets it, as on an
/// ESP32 after a power cut. Nothing advances by itself: the harness moves time forward.
/// </summary>
public sealed class EmulatedClock : IClock
{
    private long _utcOffsetUs;

    public long Microseconds { get; private set; }

    public long MonotonicMs => Microseconds / 1000;

    public long UtcSeconds => (Microseconds + _utcOffsetUs) / 1_000_000;

    public void SetUtcSeconds(long utcSeconds) => _utcOffsetUs = utcSeconds * 1_000_000 - Microseconds;

    public void AdvanceMicroseconds(long us)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(us);
        Microseconds += us;
    }

    public void AdvanceMs(long ms) => AdvanceMicroseconds(ms * 1000);
}
