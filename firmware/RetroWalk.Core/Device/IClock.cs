namespace RetroWalk.Core.Device
{
    /// <summary>
    /// Time for the device loop: a monotonic millisecond clock for rate limits, patterns and periods, and the wall
    /// clock that a phone sets through the Current Time Service (the ESP32 has no battery-backed RTC).
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never jumps.</summary>
        long MonotonicMs { get; }

        /// <summary>UTC seconds since 1970; below <see cref="WallClock.MinValidUtcS"/> while it has not been set.</summary>
        long UtcSeconds { get; }

        /// <summary>Sets the wall clock (Rtc.SetSystemTime on the device).</summary>
        void SetUtcSeconds(long utcSeconds);
    }
}
