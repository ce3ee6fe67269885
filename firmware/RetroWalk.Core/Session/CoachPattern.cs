namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Buzzer patterns of the coach's cues, played once, buzzer only (the LED stays with the alarms). Chosen so that no
    /// on-time matches an alarm's or a device pattern's (AlarmPattern: fall 600 ms on / 400 off, tilt 100 ms every
    /// 2 s, confirmation 400 ms, identify 250 / 250 for 3 s, pairing cue three 100 ms chirps 100 ms apart) and every
    /// edge falls on the loop's 100 ms grid, where
    /// the buzzer is sampled: switch = 200 on, 100 off, 200 on; target = three 300 ms beeps 200 ms apart; glance = one
    /// 200 ms beep, never repeated (the tilt chirp is 100 ms every 2 s).
    /// </summary>
    public sealed class CoachPattern
    {
        public const int SwitchBeepMs = 200;
        public const int SwitchGapMs = 100;
        public const int TargetBeepMs = 300;
        public const int TargetGapMs = 200;
        public const int GlanceTickMs = 200;

        private CoachCue _cue;
        private long _startMs;

        /// <summary>The cue being played, None when silent.</summary>
        public CoachCue Playing { get { return _cue; } }

        public void Start(CoachCue cue, long nowMs)
        {
            _cue = cue;
            _startMs = nowMs;
        }

        public void Cancel()
        {
            _cue = CoachCue.None;
        }

        /// <summary>Length of a cue's pattern, ms.</summary>
        public static int LengthMs(CoachCue cue)
        {
            if (cue == CoachCue.SwitchToForward || cue == CoachCue.SwitchToBackward)
            {
                return 2 * SwitchBeepMs + SwitchGapMs;
            }

            if (cue == CoachCue.TargetReached)
            {
                return 3 * TargetBeepMs + 2 * TargetGapMs;
            }

            return cue == CoachCue.Glance ? GlanceTickMs : 0;
        }

        /// <summary>The buzzer at <paramref name="nowMs"/>; the cue ends (None) once its pattern is over.</summary>
        public bool Buzzer(long nowMs)
        {
            if (_cue == CoachCue.None)
            {
                return false;
            }

            long t = nowMs - _startMs;
            if (t < 0 || t >= LengthMs(_cue))
            {
                _cue = CoachCue.None;
                return false;
            }

            if (_cue == CoachCue.TargetReached)
            {
                return t % (TargetBeepMs + TargetGapMs) < TargetBeepMs;
            }

            if (_cue == CoachCue.Glance)
            {
                return true;
            }

            return t % (SwitchBeepMs + SwitchGapMs) < SwitchBeepMs;
        }
    }
}
