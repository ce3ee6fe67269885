using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;

namespace RetroWalk.Core
{
    /// <summary>
    /// The whole per-sample pipeline of the tracker: one call per raw MPU6050 sample. Everything that decides anything
    /// happens here or in the objects it owns; the device layer only moves bytes.
    /// </summary>
    public sealed class Tracker
    {
        private readonly TrackerConfig _config;
        private readonly SessionStats _session = new SessionStats();
        private long _sampleIndex;
        private uint _forwardSteps;
        private uint _backwardSteps;
        private WalkDirection _direction;
        private int _cadenceSpm;

        public Tracker(TrackerConfig config)
        {
            _config = config ?? new TrackerConfig();
        }

        public TrackerConfig Config { get { return _config; } }

        /// <summary>Samples processed since construction.</summary>
        public long SampleIndex { get { return _sampleIndex; } }

        public uint ForwardSteps { get { return _forwardSteps; } }

        public uint BackwardSteps { get { return _backwardSteps; } }

        public uint TotalSteps { get { return _forwardSteps + _backwardSteps; } }

        public WalkDirection Direction { get { return _direction; } }

        /// <summary>Steps per minute over the last few steps; 0 when not walking.</summary>
        public int CadenceSpm { get { return _cadenceSpm; } }

        public SessionStats Session { get { return _session; } }

        /// <summary>Current alarm state (none, tilt warning, fall alarm latched).</summary>
        public AlarmLevel Alarm { get { return AlarmLevel.None; } }

        /// <summary>Sample index of the first fall alarm since construction, or -1.</summary>
        public long FirstFallAlarmSample { get { return -1; } }

        /// <summary>Tilt warnings raised since construction.</summary>
        public int TiltWarningCount { get { return 0; } }

        /// <summary>Trunk angle from the upright reference in tenths of a degree (0 until the reference is captured).</summary>
        public int TiltDeciDeg { get { return 0; } }

        public TiltDirection TiltDirection { get { return TiltDirection.Upright; } }

        /// <summary>Acknowledges a latched fall alarm (button or BLE Control Point).</summary>
        public void AcknowledgeAlarm()
        {
        }

        /// <summary>Captures the upright reference again at the next moment the wearer stands still.</summary>
        public void RecaptureUpright()
        {
        }

        /// <summary>Feeds one raw sample (MPU6050 counts at the configured ranges).</summary>
        [PerSample]
        public void Process(short ax, short ay, short az, short gx, short gy, short gz)
        {
            _sampleIndex++;
        }

        /// <summary>Sets the counters, e.g. when restoring them from flash at boot.</summary>
        public void RestoreCounts(uint forwardSteps, uint backwardSteps)
        {
            _forwardSteps = forwardSteps;
            _backwardSteps = backwardSteps;
        }

        /// <summary>Zeroes the step counters and the session figures.</summary>
        public void ResetCounts()
        {
            _forwardSteps = 0;
            _backwardSteps = 0;
            _direction = WalkDirection.Still;
            _cadenceSpm = 0;
            _session.Reset();
        }
    }
}
