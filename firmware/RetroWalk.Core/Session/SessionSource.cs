using System.Threading;
using RetroWalk.Core.Ble;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// The session recorder as the BLE side sees it (<see cref="ISessionSource"/>): the loop books steps through
    /// <see cref="Update"/> (once per iteration, as <see cref="SessionRecorder.Update"/>), the BLE threads encode the
    /// current session and the kept ones. One lock guards the recorder, taken with Monitor.Enter/Exit (see HourlyHistory).
    /// </summary>
    public sealed class SessionSource : ISessionSource
    {
        private readonly object _lock = new object();
        private readonly SessionRecorder _recorder;
        private int _generation;
        private bool _wasActive;
        private int _lastEnded;
        private StepLog _log;
        private long _lastSample;

        public SessionSource(SessionRecorder recorder)
        {
            _recorder = recorder;
            _wasActive = recorder.Active;
            _lastEnded = recorder.EndedCount;
        }

        /// <summary>The recorder; touch it only from the loop thread, or through this source's methods.</summary>
        public SessionRecorder Recorder
        {
            get { return _recorder; }
        }

        public int MaxRecordLength
        {
            get { return SessionCodec.MaxRecordLength; }
        }

        public int Generation
        {
            get
            {
                Monitor.Enter(_lock);
                try
                {
                    return _generation;
                }
                finally
                {
                    Monitor.Exit(_lock);
                }
            }
        }

        public bool Running
        {
            get
            {
                Monitor.Enter(_lock);
                try
                {
                    return _recorder.Active;
                }
                finally
                {
                    Monitor.Exit(_lock);
                }
            }
        }

        /// <summary>
        /// Once per loop iteration, on the loop thread, with the tracker's step log and sample index (see
        /// <see cref="SessionRecorder.Update"/>). A new log means the loop rebuilt its tracker (a settings change): the
        /// session clock carries on from the old tracker's last sample, and the new log is read from its start.
        /// </summary>
        public void Update(StepLog log, long nowSample, uint nowEpochS)
        {
            Monitor.Enter(_lock);
            try
            {
                if (log != _log)
                {
                    if (_log != null)
                    {
                        _recorder.SampleOffset += _lastSample;
                        _recorder.ReadNewLog();
                    }

                    _log = log;
                }

                _lastSample = nowSample;
                _recorder.Update(log, nowSample, nowEpochS);
                Changed();
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        /// <summary>A session started by the button or the Control Point (see <see cref="SessionRecorder.StartByCommand"/>).</summary>
        public void StartByCommand(long nowSample, uint nowEpochS)
        {
            Monitor.Enter(_lock);
            try
            {
                _recorder.StartByCommand(nowSample, nowEpochS);
                _generation++;
                Changed();
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        /// <summary>Ends the running session (see <see cref="SessionRecorder.EndByCommand"/>).</summary>
        public bool EndByCommand(long nowSample)
        {
            Monitor.Enter(_lock);
            try
            {
                bool ended = _recorder.EndByCommand(nowSample);
                Changed();
                return ended;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        public int EncodeCurrent(byte[] dst, int offset)
        {
            Monitor.Enter(_lock);
            try
            {
                if (_recorder.Active)
                {
                    int n = SessionCodec.EncodeSummary(_recorder.Current, dst, offset);
                    if (n > 0)
                    {
                        // Numbered when it ends (and only if it is kept): a running one shows the number it will get.
                        Bytes.LittleEndian.PutU32(dst, offset, _recorder.NextNumber);
                        dst[offset + 47] |= SessionCodec.FlagInProgress;
                    }

                    return n;
                }

                SessionHistory h = _recorder.History;
                return h.Count == 0 ? 0 : SessionCodec.EncodeSummary(h.Get(h.Count - 1), dst, offset);
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        public int EncodeFrom(uint fromNumber, byte[] dst, int offset, out uint number)
        {
            Monitor.Enter(_lock);
            try
            {
                SessionHistory h = _recorder.History;
                for (int i = 0; i < h.Count; i++)
                {
                    SessionRecord s = h.Get(i);
                    if (s.Number >= fromNumber)
                    {
                        number = s.Number;
                        return SessionCodec.EncodeSession(s, dst, offset);
                    }
                }

                number = 0;
                return 0;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        /// <summary>Caller holds the lock.</summary>
        private void Changed()
        {
            if (_recorder.Active != _wasActive || _recorder.EndedCount != _lastEnded)
            {
                _wasActive = _recorder.Active;
                _lastEnded = _recorder.EndedCount;
                _generation++;
            }
        }
    }
}
