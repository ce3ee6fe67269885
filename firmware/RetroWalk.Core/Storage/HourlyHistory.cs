using System.Threading;

namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// Steps per hour for the last 7 days: one record per hour that had steps (168 at most), oldest first. Written by
    /// the device loop once per batch, read by BLE from another thread, hence the lock around every access.
    /// The core takes it with Monitor.Enter/Exit rather than <c>lock</c>: on the host C# compiles <c>lock</c> to
    /// Monitor.Enter(object, ref bool), which nanoFramework's mscorlib lacks (the portability test would fail).
    /// </summary>
    public sealed class HourlyHistory : IHistorySource
    {
        public const int Capacity = 7 * 24;
        public const uint RetentionS = 7 * 24 * 3600;

        private readonly uint[] _hourStart = new uint[Capacity];
        private readonly ushort[] _forward = new ushort[Capacity];
        private readonly ushort[] _backward = new ushort[Capacity];
        private int _first;
        private int _count;

        public int Count
        {
            get
            {
                Monitor.Enter(this);
                try
                {
                    return _count;
                }
                finally
                {
                    Monitor.Exit(this);
                }
            }
        }

        public void GetRecord(int index, out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps)
        {
            Monitor.Enter(this);
            try
            {
                if (index < 0 || index >= _count)
                {
                    hourStartEpochS = 0;
                    forwardSteps = 0;
                    backwardSteps = 0;
                    return;
                }

                int i = (_first + index) % Capacity;
                hourStartEpochS = _hourStart[i];
                forwardSteps = _forward[i];
                backwardSteps = _backward[i];
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>
        /// Adds steps to the hour starting at <paramref name="hourStartS"/> (UTC). A new hour appends a record and
        /// drops those older than 7 days. When the clock was set back (an hour before the newest record), the records dated
        /// after that hour are folded into it, so that no record is ever dated past the clock, the records stay in time
        /// order and no step is lost (a wrong date in 2105 followed by the right one moves that hour's steps back to now).
        /// Counts saturate at 65535 per hour.
        /// </summary>
        public void AddSteps(uint hourStartS, int forwardSteps, int backwardSteps)
        {
            if (forwardSteps <= 0 && backwardSteps <= 0)
            {
                return;
            }

            Monitor.Enter(this);
            try
            {
                int newest = (_first + _count - 1) % Capacity;
                while (_count > 0 && _hourStart[newest] > hourStartS)
                {
                    forwardSteps += _forward[newest];
                    backwardSteps += _backward[newest];
                    _count--;
                    newest = (_first + _count - 1 + Capacity) % Capacity;
                }

                if (_count == 0 || hourStartS > _hourStart[newest])
                {
                    while (_count > 0 && _hourStart[_first] + RetentionS <= hourStartS)
                    {
                        _first = (_first + 1) % Capacity;
                        _count--;
                    }

                    if (_count == Capacity)
                    {
                        _first = (_first + 1) % Capacity;
                        _count--;
                    }

                    newest = (_first + _count) % Capacity;
                    _count++;
                    _hourStart[newest] = hourStartS;
                    _forward[newest] = 0;
                    _backward[newest] = 0;
                }

                _forward[newest] = Saturate(_forward[newest] + forwardSteps);
                _backward[newest] = Saturate(_backward[newest] + backwardSteps);
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>Appends a record as stored (restore from flash); records must come oldest first.</summary>
        public void Append(uint hourStartS, ushort forwardSteps, ushort backwardSteps)
        {
            Monitor.Enter(this);
            try
            {
                if (_count == Capacity)
                {
                    _first = (_first + 1) % Capacity;
                    _count--;
                }

                int i = (_first + _count) % Capacity;
                _count++;
                _hourStart[i] = hourStartS;
                _forward[i] = forwardSteps;
                _backward[i] = backwardSteps;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }
        public bool FindFrom(uint sinceEpochS, out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps)
        {
            Monitor.Enter(this);
            try
            {
                // Records are in time order: binary search for the first hour starting at or after the key.
                int low = 0;
                int high = _count;
                while (low < high)
                {
                    int mid = (low + high) / 2;
                    if (_hourStart[(_first + mid) % Capacity] < sinceEpochS)
                    {
                        low = mid + 1;
                    }
                    else
                    {
                        high = mid;
                    }
                }

                if (low == _count)
                {
                    hourStartEpochS = 0;
                    forwardSteps = 0;
                    backwardSteps = 0;
                    return false;
                }

                int i = (_first + low) % Capacity;
                hourStartEpochS = _hourStart[i];
                forwardSteps = _forward[i];
                backwardSteps = _backward[i];
                return true;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        public void Clear()
        {
            Monitor.Enter(this);
            try
            {
                _first = 0;
                _count = 0;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        private static ushort Saturate(int v)
        {
            return (ushort)(v > ushort.MaxValue ? ushort.MaxValue : v);
        }
    }
}
