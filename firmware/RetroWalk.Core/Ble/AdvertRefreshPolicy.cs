using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// When the device may rebuild its advertisement. nanoFramework 1.x cannot change advertising data in place: it
    /// stops advertising (which disposes the native GATT configuration) and starts again, and restarting often has
    /// crashed the stack before (nanoframework/Home#1102). So: never while a phone is connected (the controller is not
    /// advertising then anyway), at most once a minute for new counts, and within 5 s when the alarm level changes
    /// (raised, escalated from tilt warning to fall alarm, or cleared) or a device fault appears or clears.
    /// </summary>
    public sealed class AdvertRefreshPolicy
    {
        public const long RefreshIntervalMs = 60000;
        public const long AlarmRefreshIntervalMs = 5000;

        private bool _advertised;
        private bool _forced;
        private long _lastMs;
        private uint _forward;
        private uint _backward;
        private short _tilt;
        private AlarmLevel _alarm;
        private int _battery;
        private bool _healthFault;

        /// <summary>True if the advertisement should be rebuilt for <paramref name="status"/> now.</summary>
        public bool IsDue(TrackerStatus status, long nowMs, bool clientConnected)
        {
            if (clientConnected)
            {
                return false;
            }

            if (!_advertised)
            {
                return true;
            }

            long elapsed = nowMs - _lastMs;
            // Fall alarm, tilt warning and device fault are separate Home Assistant entities: any change is urgent.
            if (status.Alarm != _alarm || status.HealthFault != _healthFault || _forced)
            {
                return elapsed >= AlarmRefreshIntervalMs;
            }

            bool changed = status.ForwardSteps != _forward || status.BackwardSteps != _backward
                || status.TiltDeciDeg != _tilt || status.BatteryPercent != _battery;
            return changed && elapsed >= RefreshIntervalMs;
        }

        /// <summary>Records that the advertisement now carries <paramref name="status"/>.</summary>
        public void MarkAdvertised(TrackerStatus status, long nowMs)
        {
            _advertised = true;
            _forced = false;
            _lastMs = nowMs;
            _forward = status.ForwardSteps;
            _backward = status.BackwardSteps;
            _tilt = status.TiltDeciDeg;
            _alarm = status.Alarm;
            _battery = status.BatteryPercent;
            _healthFault = status.HealthFault;
        }

        /// <summary>Rebuild soon whatever the counts (e.g. BTHome advertising was switched on or off).</summary>
        public void Invalidate()
        {
            _forced = true;
        }
    }
}
