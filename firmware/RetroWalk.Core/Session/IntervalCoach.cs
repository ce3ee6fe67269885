using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Decides the coach's cues once per loop from the session recorder (docs/coach.md): switch direction when the
    /// interval in progress has lasted its set time (once per interval), target reached (once per session), and
    /// every N backward steps a glance reminder. Interval and target cues come only in a session that has had backward
    /// walking, so an ordinary forward walk is never coached. No cue is decided while an alarm is up; one that was
    /// playing is cancelled (see <see cref="CoachedBuzzer"/>): the coach never masks or delays an alarm.
    /// </summary>
    public sealed class IntervalCoach
    {
        private readonly UserSettings _settings;
        private long _cuedIntervalStartMs = long.MinValue;
        private uint _targetCuedFor;
        private long _sessionStartMs = long.MinValue;
        private int _glanceAtBackwardSteps;

        public IntervalCoach(UserSettings settings)
        {
            _settings = settings ?? new UserSettings();
        }

        /// <summary>Cues decided since construction (diagnostics, tests).</summary>
        public int CueCount;

        /// <summary>The cue to play now, or None.</summary>
        public CoachCue Update(SessionRecorder recorder, AlarmLevel alarm)
        {
            if (!recorder.Active)
            {
                return CoachCue.None;
            }

            SessionRecord s = recorder.Current;
            if (s.StartMs != _sessionStartMs)
            {
                _sessionStartMs = s.StartMs;
                _targetCuedFor = 0;
                _cuedIntervalStartMs = long.MinValue;
                _glanceAtBackwardSteps = _settings.GlanceEverySteps;
            }

            if (alarm != AlarmLevel.None)
            {
                return CoachCue.None;
            }

            long now = recorder.NowMs;
            bool retro = s.BackwardSteps > 0;
            if (_settings.CoachEnabled && retro && _targetCuedFor == 0 && now - s.StartMs >= _settings.TargetMin * 60000L)
            {
                _targetCuedFor = 1;
                return Cue(CoachCue.TargetReached);
            }

            if (_settings.CoachEnabled && retro && recorder.Walking && recorder.IntervalStartMs != _cuedIntervalStartMs)
            {
                WalkDirection d = recorder.IntervalDirection;
                long limitMs = d == WalkDirection.Backward ? _settings.BackwardIntervalS * 1000L : _settings.ForwardIntervalS * 1000L;
                if (d != WalkDirection.Still && recorder.LastStepMs - recorder.IntervalStartMs >= limitMs)
                {
                    _cuedIntervalStartMs = recorder.IntervalStartMs;
                    return Cue(d == WalkDirection.Backward ? CoachCue.SwitchToForward : CoachCue.SwitchToBackward);
                }
            }

            int every = _settings.GlanceEverySteps;
            if (every > 0 && s.BackwardSteps >= _glanceAtBackwardSteps)
            {
                while (_glanceAtBackwardSteps <= s.BackwardSteps)
                {
                    _glanceAtBackwardSteps += every;
                }

                if (recorder.Walking && recorder.IntervalDirection == WalkDirection.Backward)
                {
                    return Cue(CoachCue.Glance);
                }
            }

            return CoachCue.None;
        }

        private CoachCue Cue(CoachCue cue)
        {
            CueCount = Dsp.Saturating.Increment(CueCount);
            return cue;
        }
    }
}
