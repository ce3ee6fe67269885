using System;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using RetroWalk.Core.Device;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>
    /// Monotonic time from the ESP32's esp_timer (HighResTimer, µs since boot: Environment.TickCount64 only has the
    /// FreeRTOS tick's 10 ms); wall time from the system clock, which a phone sets through the Current Time Service
    /// (Rtc.SetSystemTime). The system clock survives a soft reset but not a power cut; the core treats anything
    /// before 2024 as "not set".
    /// </summary>
    public sealed class DeviceClock : IClock
    {
        public long MonotonicMs
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000); }
        }

        public long UtcSeconds
        {
            get { return (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond; }
        }

        public void SetUtcSeconds(long utcSeconds)
        {
            Rtc.SetSystemTime(new DateTime(DateTime.UnixEpoch.Ticks + utcSeconds * TimeSpan.TicksPerSecond));
        }
    }
}
