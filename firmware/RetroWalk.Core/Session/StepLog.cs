using RetroWalk.Core.Motion;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// The last credited steps (sample index, steps credited, their time since the previous credit, direction) in a
    /// fixed ring, written by
    /// the tracker once per credited step and read once per loop by <see cref="SessionRecorder"/>. The ring holds 32
    /// steps: at the fastest walking cadence (about 3.5 steps/s) that is 9 s, far more than one loop iteration
    /// (100 ms, at most 850 ms of samples drained at once). A reader that falls further behind loses the oldest steps
    /// and is told how many (<see cref="Read"/>).
    /// </summary>
    public sealed class StepLog
    {
        public const int Capacity = 32;

        private readonly long[] _sample = new long[Capacity];
        private readonly int[] _intervalSamples = new int[Capacity];
        private readonly byte[] _direction = new byte[Capacity];
        private readonly byte[] _steps = new byte[Capacity];
        private long _written;

        /// <summary>Steps written since construction (the position just after the newest step).</summary>
        public long Written { get { return _written; } }

        /// <summary>
        /// Records one credit: usually one step and its step time; when a walk is confirmed, the held-back steps at once
        /// (<paramref name="steps"/> &gt; 1, <paramref name="intervalSamples"/> their summed time). No allocation, a few
        /// dozen IL instructions, once per credit.
        /// </summary>
        public void Add(long sampleIndex, int steps, int intervalSamples, WalkDirection direction)
        {
            int at = (int)(_written % Capacity);
            _sample[at] = sampleIndex;
            _intervalSamples[at] = intervalSamples;
            _direction[at] = (byte)direction;
            _steps[at] = (byte)(steps > 255 ? 255 : steps);
            _written++;
        }

        /// <summary>
        /// Reads the step at <paramref name="position"/> and advances it; false when there is none yet. A position that
        /// was overwritten jumps to the oldest step kept, and <paramref name="lost"/> says how many were skipped.
        /// </summary>
        public bool Read(ref long position, out long sampleIndex, out int steps, out int intervalSamples, out WalkDirection direction, out int lost)
        {
            lost = 0;
            if (position < _written - Capacity)
            {
                lost = (int)(_written - Capacity - position);
                position = _written - Capacity;
            }

            if (position < 0)
            {
                position = 0;
            }

            if (position >= _written)
            {
                sampleIndex = 0;
                steps = 0;
                intervalSamples = 0;
                direction = WalkDirection.Still;
                return false;
            }

            int at = (int)(position % Capacity);
            sampleIndex = _sample[at];
            steps = _steps[at];
            intervalSamples = _intervalSamples[at];
            direction = (WalkDirection)_direction[at];
            position++;
            return true;
        }
    }
}
