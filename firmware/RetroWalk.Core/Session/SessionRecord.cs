using RetroWalk.Core.Motion;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// One walking session (docs/coach.md): when, how long, time and steps per direction, energy, steadiness, and the
    /// list of intervals. Preallocated and reused: the recorder fills one, the history copies it when it ends.
    /// </summary>
    public sealed class SessionRecord
    {
        /// <summary>
        /// Intervals listed per session. The guides' 10-15 minutes of 1-2 minute intervals make 6-12; 32 lists 45 minutes
        /// of that pattern. Later intervals still count in every total and in <see cref="IntervalTotal"/>, only their
        /// rows are not kept (<see cref="IntervalsTruncated"/>).
        /// </summary>
        public const int MaxIntervals = 32;

        /// <summary>Sequence number of the session since the state was created (1, 2, ...).</summary>
        public uint Number;

        /// <summary>Wall-clock start, seconds since 1970 UTC; 0 when the clock was not set.</summary>
        public uint StartEpochS;

        /// <summary>Start on the tracker's sample clock, ms (not persisted).</summary>
        public long StartMs;

        /// <summary>From start to the last step (or to the end command), ms.</summary>
        public long DurationMs;

        public long ForwardMs;
        public long BackwardMs;
        public int ForwardSteps;
        public int BackwardSteps;
        public int LongestBackwardStreakSteps;
        public long ForwardMilliKcal;
        public long BackwardMilliKcal;
        public bool StartedByCommand;
        public bool EndedByCommand;

        /// <summary>Step times lost because the loop fell behind the step log (should stay 0).</summary>
        public int StepsLost;

        public readonly Steadiness ForwardSteadiness = new Steadiness();
        public readonly Steadiness BackwardSteadiness = new Steadiness();

        /// <summary>Intervals in the session, listed or not.</summary>
        public int IntervalTotal;

        public readonly byte[] IntervalDirection = new byte[MaxIntervals];

        /// <summary>Interval start from the session start, ms.</summary>
        public readonly long[] IntervalStartMs = new long[MaxIntervals];

        public readonly long[] IntervalDurationMs = new long[MaxIntervals];
        public readonly int[] IntervalSteps = new int[MaxIntervals];

        /// <summary>Intervals listed (at most <see cref="MaxIntervals"/>).</summary>
        public int IntervalCount { get { return IntervalTotal < MaxIntervals ? IntervalTotal : MaxIntervals; } }

        public bool IntervalsTruncated { get { return IntervalTotal > MaxIntervals; } }

        public int TotalSteps { get { return ForwardSteps + BackwardSteps; } }

        public int ForwardKcal { get { return (int)((ForwardMilliKcal + 500) / 1000); } }

        public int BackwardKcal { get { return (int)((BackwardMilliKcal + 500) / 1000); } }

        public int TotalKcal { get { return (int)((ForwardMilliKcal + BackwardMilliKcal + 500) / 1000); } }

        public int ForwardCadenceSpm { get { return Cadence(ForwardSteps, ForwardMs); } }

        public int BackwardCadenceSpm { get { return Cadence(BackwardSteps, BackwardMs); } }

        /// <summary>Steadiness over both directions (the session's figure); fills <paramref name="into"/>.</summary>
        public void SessionSteadiness(Steadiness into)
        {
            into.CopyFrom(ForwardSteadiness);
            into.Add(BackwardSteadiness);
        }

        public WalkDirection DirectionOfInterval(int index)
        {
            return (WalkDirection)IntervalDirection[index];
        }

        public void Reset()
        {
            Number = 0;
            StartEpochS = 0;
            StartMs = 0;
            DurationMs = 0;
            ForwardMs = 0;
            BackwardMs = 0;
            ForwardSteps = 0;
            BackwardSteps = 0;
            LongestBackwardStreakSteps = 0;
            ForwardMilliKcal = 0;
            BackwardMilliKcal = 0;
            StartedByCommand = false;
            EndedByCommand = false;
            StepsLost = 0;
            ForwardSteadiness.Reset();
            BackwardSteadiness.Reset();
            IntervalTotal = 0;
        }

        public void CopyFrom(SessionRecord o)
        {
            Number = o.Number;
            StartEpochS = o.StartEpochS;
            StartMs = o.StartMs;
            DurationMs = o.DurationMs;
            ForwardMs = o.ForwardMs;
            BackwardMs = o.BackwardMs;
            ForwardSteps = o.ForwardSteps;
            BackwardSteps = o.BackwardSteps;
            LongestBackwardStreakSteps = o.LongestBackwardStreakSteps;
            ForwardMilliKcal = o.ForwardMilliKcal;
            BackwardMilliKcal = o.BackwardMilliKcal;
            StartedByCommand = o.StartedByCommand;
            EndedByCommand = o.EndedByCommand;
            StepsLost = o.StepsLost;
            ForwardSteadiness.CopyFrom(o.ForwardSteadiness);
            BackwardSteadiness.CopyFrom(o.BackwardSteadiness);
            IntervalTotal = o.IntervalTotal;
            for (int i = 0; i < MaxIntervals; i++)
            {
                IntervalDirection[i] = o.IntervalDirection[i];
                IntervalStartMs[i] = o.IntervalStartMs[i];
                IntervalDurationMs[i] = o.IntervalDurationMs[i];
                IntervalSteps[i] = o.IntervalSteps[i];
            }
        }

        private static int Cadence(int steps, long ms)
        {
            return ms <= 0 ? 0 : (int)(steps * 60000L / ms);
        }
    }
}
