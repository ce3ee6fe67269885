namespace RetroWalk.Core.Session
{
    /// <summary>Retro-walking session figures, updated once per credited step (never per sample).</summary>
    public sealed class SessionStats
    {
        /// <summary>Time spent walking backward, in ms (sum of the intervals of backward steps).</summary>
        public long BackwardWalkingMs;

        /// <summary>Longest run of consecutive backward steps.</summary>
        public int LongestBackwardStreakSteps;

        /// <summary>Steps in the current backward run (0 when the last step was forward).</summary>
        public int CurrentBackwardStreakSteps;

        /// <summary>Number of backward intervals: runs of backward steps separated by forward walking or a stop.</summary>
        public int BackwardIntervals;

        public void Reset()
        {
            BackwardWalkingMs = 0;
            LongestBackwardStreakSteps = 0;
            CurrentBackwardStreakSteps = 0;
            BackwardIntervals = 0;
        }
    }
}
