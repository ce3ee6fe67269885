using RetroWalk.Core.Dsp;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Health
{
    /// <summary>
    /// Gathers the device's health (docs/ble.md, "Health") once per loop iteration and decides when to publish it. A
    /// fault is published at once: the sensor's state changing, a save failing or succeeding again, the first
    /// publication after boot (which carries the restore outcome), and any fault count rising after
    /// <see cref="QuietBeforeAlertMs"/> without one (I2C errors starting, a FIFO overflow, a re-init). Counts that keep
    /// rising, and the uptime, go out with the periodic publication every <see cref="PublishIntervalMs"/>. Runs on
    /// the loop thread; no allocation.
    /// </summary>
    public sealed class HealthMonitor
    {
        public const int PublishIntervalMs = 60000;

        /// <summary>A fault count that rises after this long without a rise is notified at once (a burst's start).</summary>
        public const int QuietBeforeAlertMs = 60000;

        private readonly ISensorDiagnostics _sensor;
        private readonly StateStore _store;
        private readonly DeviceHealth _health = new DeviceHealth();
        private IHealthPublisher _publisher;
        private bool _publishNow;
        private long _lastPublishMs;
        private long _lastRiseMs;
        private bool _everRose;
        private uint _saveSequence;
        private int _storeFailures;
        private long _faultCount;

        /// <param name="sensor">The sensor driver's diagnostics.</param>
        /// <param name="store">The state store (its save sequence and failures give the last save's outcome).</param>
        /// <param name="restore">What the restore found at boot.</param>
        public HealthMonitor(ISensorDiagnostics sensor, StateStore store, RestoreOutcome restore)
        {
            _sensor = sensor;
            _store = store;
            _health.Restore = restore;
            _saveSequence = store.Sequence;
            _storeFailures = store.FailedSaves;
        }

        /// <summary>The health as of the last <see cref="Update"/>.</summary>
        public DeviceHealth Health
        {
            get { return _health; }
        }

        /// <summary>Connects the publisher; the next <see cref="Update"/> publishes.</summary>
        public void AttachPublisher(IHealthPublisher publisher)
        {
            _publisher = publisher;
            _publishNow = true;
        }

        /// <summary>Once per loop iteration. Returns true if it published.</summary>
        public bool Update(long nowMs)
        {
            DeviceHealth h = _health;
            bool fault = _publishNow;
            SensorHealth sensor = _sensor.SensorState;
            fault |= sensor != h.Sensor;
            h.Sensor = sensor;

            int failures = _store.FailedSaves;
            uint sequence = _store.Sequence;
            SaveOutcome save = h.LastSave;
            if (failures != _storeFailures)
            {
                save = SaveOutcome.Failed;
            }
            else if (sequence != _saveSequence)
            {
                save = SaveOutcome.Saved;
            }

            fault |= save != h.LastSave;
            h.LastSave = save;
            _storeFailures = failures;
            _saveSequence = sequence;

            h.UptimeS = Saturating.ToUInt32(nowMs / 1000);
            h.I2cErrors = Saturating.ToUInt32(_sensor.BusErrorCount);
            h.FifoResyncs = Saturating.ToUInt16(_sensor.ResyncCount);
            h.FifoOverflows = Saturating.ToUInt16(_sensor.OverflowCount);
            h.FailedSaves = Saturating.ToUInt16(failures);
            h.SensorReinits = Saturating.ToUInt16(_sensor.ReinitCount);
            long count = (long)_sensor.BusErrorCount + _sensor.ResyncCount + _sensor.OverflowCount + _sensor.ReinitCount + failures;
            if (count != _faultCount)
            {
                fault |= !_everRose || nowMs - _lastRiseMs >= QuietBeforeAlertMs;
                _everRose = true;
                _lastRiseMs = nowMs;
                _faultCount = count;
            }

            if (_publisher == null || !(fault || nowMs - _lastPublishMs >= PublishIntervalMs))
            {
                return false;
            }

            _publishNow = false;
            _lastPublishMs = nowMs;
            _publisher.PublishHealth(h);
            return true;
        }
    }
}
