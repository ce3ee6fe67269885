namespace RetroWalk.Core.Safety
{
    /// <summary>
    /// The alarm states the wearer, the buzzer/LED and BLE see: none, tilt warning, fall alarm (latched until
    /// acknowledged). Every transition is stamped with the sample index it happened at, so the device layer can
    /// drive outputs and BLE without polling history.
    /// </summary>
    public sealed class AlarmStateMachine
    {
        private AlarmLevel _level;
        private bool _tiltActive;

        /// <summary>Sample index of the last transition (-1 before any).</summary>
        public long LastTransitionSample = -1;

        /// <summary>Sample index at which the first fall alarm was raised (-1 if none).</summary>
        public long FirstFallAlarmSample = -1;

        /// <summary>Sample index at which the current (or last) fall alarm was raised (-1 if none).</summary>
        public long FallAlarmSample = -1;

        /// <summary>Tilt warnings raised (each entry into the warning counts once).</summary>
        public int TiltWarningCount;

        /// <summary>Fall alarms raised.</summary>
        public int FallAlarmCount;

        /// <summary>Incremented on every transition: a cheap "something changed" for the device loop (compared for inequality, so it may wrap).</summary>
        public int TransitionCount;

        public AlarmLevel Level
        {
            get { return _level; }
        }

        /// <summary>The trunk has leaned beyond its warning angle for the hold time.</summary>
        public void TiltStarted(long sample)
        {
            if (_tiltActive)
            {
                return;
            }

            _tiltActive = true;
            TiltWarningCount = Dsp.Saturating.Increment(TiltWarningCount);
            if (_level == AlarmLevel.None)
            {
                Enter(AlarmLevel.TiltWarning, sample);
            }
        }

        /// <summary>The lean is back inside the hysteresis band (or the wearer stopped walking).</summary>
        public void TiltEnded(long sample)
        {
            if (!_tiltActive)
            {
                return;
            }

            _tiltActive = false;
            if (_level == AlarmLevel.TiltWarning)
            {
                Enter(AlarmLevel.None, sample);
            }
        }

        /// <summary>A fall was detected: latch the alarm (a second fall while latched changes nothing).</summary>
        public void FallDetected(long sample)
        {
            if (_level == AlarmLevel.FallAlarm)
            {
                return;
            }

            FallAlarmCount = Dsp.Saturating.Increment(FallAlarmCount);
            FallAlarmSample = sample;
            if (FirstFallAlarmSample < 0)
            {
                FirstFallAlarmSample = sample;
            }

            Enter(AlarmLevel.FallAlarm, sample);
        }

        /// <summary>
        /// A fall alarm nobody acknowledged before a reboot, restored from the saved state: latched again (it sounds
        /// until acknowledged), not counted as a new fall.
        /// </summary>
        public void RestoreLatchedFall(long sample)
        {
            if (_level == AlarmLevel.FallAlarm)
            {
                return;
            }

            FallAlarmSample = sample;
            Enter(AlarmLevel.FallAlarm, sample);
        }

        /// <summary>
        /// The wearer (button) or a phone (Control Point) acknowledged. Only a latched fall alarm needs it; the state
        /// falls back to the tilt warning if the lean is still there. Returns false when there was nothing to acknowledge.
        /// </summary>
        public bool Acknowledge(long sample)
        {
            if (_level != AlarmLevel.FallAlarm)
            {
                return false;
            }

            Enter(_tiltActive ? AlarmLevel.TiltWarning : AlarmLevel.None, sample);
            return true;
        }

        private void Enter(AlarmLevel level, long sample)
        {
            _level = level;
            LastTransitionSample = sample;
            TransitionCount++;
        }
    }
}
