namespace RetroWalk.Core.Device
{
    /// <summary>Calendar arithmetic on UTC seconds, integer only.</summary>
    public static class WallClock
    {
        /// <summary>2024-01-01T00:00:00Z: anything earlier means the clock was never set (the ESP32 boots at 1970).</summary>
        public const long MinValidUtcS = 1704067200;

        /// <summary>
        /// 2106-02-07T06:00:00Z, the last whole hour a u32 holds (the history and the reset time are saved as u32 seconds):
        /// anything later cannot be stored, so it counts as a clock not set.
        /// </summary>
        public const long MaxValidUtcS = 4294965600;

        public const int SecondsPerHour = 3600;
        public const int SecondsPerDay = 86400;

        public static bool IsSet(long utcSeconds)
        {
            return utcSeconds >= MinValidUtcS && utcSeconds <= MaxValidUtcS;
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
