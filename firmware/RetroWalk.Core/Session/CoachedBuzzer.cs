using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;


namespace RetroWalk.Core.Session
{
    /// <summary>
    /// The buzzer and LED with the coach added below the alarms: the alarm pattern is computed first and unchanged;
    /// while an alarm is up the coach's cue is cancelled and the outputs are exactly the alarm's; otherwise a cue's
    /// beeps are added to the buzzer (the LED is never the coach's). A cue decided while another plays waits for it.
    /// </summary>
    public sealed class CoachedBuzzer
    {
        private readonly CoachPattern _coach = new CoachPattern();
        private CoachCue _waiting;

        public bool Buzzer { get; private set; }

        public bool Led { get; private set; }

        public CoachPattern Coach { get { return _coach; } }

        /// <summary>Queues a cue (one waits at most; a newer one replaces it).</summary>
        public void Cue(CoachCue cue, long nowMs)
        {
            if (cue == CoachCue.None)
            {
                return;
            }

            if (_coach.Playing == CoachCue.None)
            {
                _coach.Start(cue, nowMs);
            }
            else
            {
                _waiting = cue;
            }
        }

        /// <summary>Updates the alarm pattern, then the coach; true when an output changed.</summary>
        public bool Update(AlarmPattern alarm, AlarmLevel level, long nowMs)
        {
            alarm.Update(level, nowMs);
            bool buzzer = alarm.Buzzer;
            if (level != AlarmLevel.None)
            {
                _coach.Cancel();
                _waiting = CoachCue.None;
            }
            else
            {
                if (_coach.Playing == CoachCue.None && _waiting != CoachCue.None)
                {
                    _coach.Start(_waiting, nowMs);
                    _waiting = CoachCue.None;
                }

                buzzer = buzzer || _coach.Buzzer(nowMs);
            }

            bool changed = buzzer != Buzzer || alarm.Led != Led;
            Buzzer = buzzer;
            Led = alarm.Led;
            return changed;
        }
    }
}
