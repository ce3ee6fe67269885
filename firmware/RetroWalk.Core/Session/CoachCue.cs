namespace RetroWalk.Core.Session
{
    /// <summary>The interval coach's cues, each a buzzer pattern of <see cref="CoachPattern"/> (docs/coach.md).</summary>
    public enum CoachCue : byte
    {
        None = 0,

        /// <summary>Two short beeps: the backward interval is done, walk forward.</summary>
        SwitchToForward = 1,

        /// <summary>Two short beeps: the forward interval is done, walk backward.</summary>
        SwitchToBackward = 2,

        /// <summary>Three longer beeps: the session's target time is reached.</summary>
        TargetReached = 3,

        /// <summary>One short beep: glance over your shoulder.</summary>
        Glance = 4,
    }
}
