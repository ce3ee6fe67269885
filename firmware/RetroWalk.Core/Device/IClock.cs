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

    /// <summary>Calendar arithmetic on UTC seconds, integer only.</summary>
    public static class WallClock
    {
        /// <summary>2024-01-01T00:00:00Z: anything earlier means the clock was never set (the ESP32 boots at 1970).</summary>
        public const long MinValidUtcS = 1704067200;

        public const int SecondsPerHour = 3600;
        public const int SecondsPerDay = 86400;

        public static bool IsSet(long utcSeconds)
        {
            return utcSeconds >= MinValidUtcS;
        }

        /// <summary>Days since 1970-01-01 in local time.</summary>
        public static int LocalDay(long utcSeconds, int utcOffsetMinutes)
        {
            return (int)((utcSeconds + utcOffsetMinutes * 60L) / SecondsPerDay);
        }

        /// <summary>UTC start of the hour containing <paramref name="utcSeconds"/>.</summary>
        public static uint HourStart(long utcSeconds)
        {
            return (uint)(utcSeconds - utcSeconds % SecondsPerHour);
        }
    }
}
