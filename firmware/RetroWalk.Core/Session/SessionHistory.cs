namespace RetroWalk.Core.Session
{
    /// <summary>
    /// The last finished sessions, oldest first, in preallocated records (no allocation when one is added). How many
    /// are kept across reboots is the state file's decision (docs/coach.md, "Flash budget").
    /// </summary>
    public sealed class SessionHistory
    {
        private readonly SessionRecord[] _records;
        private int _first;
        private int _count;

        public SessionHistory(int capacity)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }

            _records = new SessionRecord[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _records[i] = new SessionRecord();
            }
        }

        public int Capacity { get { return _records.Length; } }

        public int Count { get { return _count; } }

        /// <summary>Session <paramref name="index"/>, 0 = oldest kept.</summary>
        public SessionRecord Get(int index)
        {
            return _records[(_first + index) % _records.Length];
        }

        /// <summary>Copies a finished session in, dropping the oldest when full.</summary>
        public void Add(SessionRecord session)
        {
            int at;
            if (_count < _records.Length)
            {
                at = (_first + _count) % _records.Length;
                _count++;
            }
            else
            {
                at = _first;
                _first = (_first + 1) % _records.Length;
            }

            _records[at].CopyFrom(session);
        }

        public void Clear()
        {
            _first = 0;
            _count = 0;
        }
    }
}
