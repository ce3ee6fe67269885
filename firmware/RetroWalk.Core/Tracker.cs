using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Dsp;
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
        private readonly StepLog _stepLog = new StepLog();
        private readonly MotionFrame _frame;
        private readonly StepDetector _steps;
        private readonly SafetyMonitor _safety;
        private long _sampleIndex;
        private uint _forwardSteps;
        private uint _backwardSteps;
        private WalkDirection _direction;
        private int _cadenceSpm;

        public Tracker(TrackerConfig config)
            : this(config, null)
        {
        }

        /// <summary>A tracker whose step detector uses other bout thresholds (host evaluation; null: the defaults).</summary>
        public Tracker(TrackerConfig config, StepTuning stepTuning)
        {
            _config = config ?? new TrackerConfig();
            _frame = new MotionFrame(_config.Sensor, _config.ForwardAxis);
            _steps = new StepDetector(_config, _frame, stepTuning);
            _safety = new SafetyMonitor(_config, _frame);
        }

        public TrackerConfig Config { get { return _config; } }

        /// <summary>Samples processed since construction.</summary>
        public long SampleIndex { get { return _sampleIndex; } }

        public uint ForwardSteps { get { return _forwardSteps; } }

        public uint BackwardSteps { get { return _backwardSteps; } }

        public uint TotalSteps { get { return Saturating.Add(_forwardSteps, _backwardSteps); } }

        public WalkDirection Direction { get { return _direction; } }

        /// <summary>Steps per minute over the last few steps; 0 when not walking.</summary>
        public int CadenceSpm { get { return _cadenceSpm; } }

        /// <summary>True while the current walk is classified as running (jogging).</summary>
        public bool Running { get { return _steps.Walking && _steps.Running; } }

        public SessionStats Session { get { return _session; } }

        /// <summary>The last credited steps with their times, read once per loop by the session recorder.</summary>
        public StepLog StepLog { get { return _stepLog; } }

        /// <summary>The gravity and forward-axis tracker (read-only use: diagnostics, tilt).</summary>
        public MotionFrame Frame { get { return _frame; } }

        /// <summary>Current alarm state (none, tilt warning, fall alarm latched).</summary>
        public AlarmLevel Alarm { get { return _safety.Alarm.Level; } }

        /// <summary>Sample index of the first fall alarm since construction, or -1.</summary>
        public long FirstFallAlarmSample { get { return _safety.Alarm.FirstFallAlarmSample; } }

        /// <summary>Tilt warnings raised since construction.</summary>
        public int TiltWarningCount { get { return _safety.Alarm.TiltWarningCount; } }

        /// <summary>Trunk angle from the upright reference in tenths of a degree (0 until the reference is captured).</summary>
        public int TiltDeciDeg { get { return _safety.TiltDeciDeg; } }

        public TiltDirection TiltDirection { get { return _safety.TiltDirection; } }

        /// <summary>True once the upright reference has been captured.</summary>
        public bool HasUprightReference { get { return _safety.HasReference; } }

        /// <summary>Feeds one raw sample (MPU6050 counts at the configured ranges).</summary>
        [PerSample]
        public void Process(short ax, short ay, short az, short gx, short gy, short gz)
        {
            _sampleIndex++;
            _frame.Update(ax, ay, az);
            // |a|^2, and |a| - g linearised as (|a|^2 - g^2) / 2g: rotation-invariant and free of square roots.
            long squared = (long)(ax * ax) + ay * ay + az * az;
            int twiceG = _frame.TwiceGravityCounts;
            int magnitude = twiceG == 0 ? 0 : (int)((squared - _frame.GravitySquared) / twiceG);
            // Angular rate about the vertical (the turn cue), gyro counts.
            int yaw = (gx * _frame.UpX + gy * _frame.UpY + gz * _frame.UpZ) >> 14;
            int credited = _steps.Update(ax, ay, az, magnitude, yaw);
            _safety.Update(ax, ay, az, gx, gy, gz, squared, _sampleIndex);
            if (credited > 0)
            {
                Credit(credited, _steps.CreditedDirection, _steps.CreditedSamples);
            }
            else if (_direction != WalkDirection.Still && !_steps.Walking)
            {
                _direction = WalkDirection.Still;
                _cadenceSpm = 0;
                _session.CurrentBackwardStreakSteps = 0;
            }
        }

        private void Credit(int steps, WalkDirection direction, int samples)
        {
            SessionStats s = _session;
            if (direction == WalkDirection.Backward)
            {
                _backwardSteps = Saturating.Add(_backwardSteps, (uint)steps);
                if (s.CurrentBackwardStreakSteps == 0)
                {
                    s.BackwardIntervals = Saturating.Increment(s.BackwardIntervals);
                }

                s.CurrentBackwardStreakSteps = Saturating.Add(s.CurrentBackwardStreakSteps, steps);
                if (s.CurrentBackwardStreakSteps > s.LongestBackwardStreakSteps)
                {
                    s.LongestBackwardStreakSteps = s.CurrentBackwardStreakSteps;
                }

                s.BackwardWalkingMs += _config.Sensor.SamplesToMs(samples);
            }
            else
            {
                _forwardSteps = Saturating.Add(_forwardSteps, (uint)steps);
                s.CurrentBackwardStreakSteps = 0;
            }

            _direction = direction;
            if (_steps.CreditedAtBoutEnd)
            {
                // Steps credited at a bout's end were taken before the pause, and the wearer stands now: they are logged
                // at the bout's last step, and the tilt warning's arming and the upright capture after a walk keep going
                // by the walk's last step.
                _stepLog.Add(_steps.CreditedStepSample, steps, samples, direction);
            }
            else
            {
                _stepLog.Add(_sampleIndex, steps, samples, direction);
                _safety.OnStep(_sampleIndex);
            }
            int mean = _steps.MeanIntervalSamples;
            _cadenceSpm = mean > 0 ? 60 * _config.Sensor.SampleRateHz / mean : 0;
        }

        /// <summary>Acknowledges a latched fall alarm (button or BLE Control Point).</summary>
        public void AcknowledgeAlarm()
        {
            _safety.Alarm.Acknowledge(_sampleIndex);
        }

        /// <summary>Latches the fall alarm a reboot interrupted (saved state): it sounds again until acknowledged.</summary>
        public void RestoreFallAlarm()
        {
            _safety.Alarm.RestoreLatchedFall(_sampleIndex);
        }

        /// <summary>Captures the upright reference again at the next moment the wearer stands still.</summary>
        public void RecaptureUpright()
        {
            _safety.RequestRecapture();
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
