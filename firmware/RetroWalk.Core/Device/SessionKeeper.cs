using RetroWalk.Core.Config;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// The device loop's walking sessions (docs/coach.md): the recorder, the interval coach and the kept sessions'
    /// flash record pair, run once per loop iteration on the loop thread, never per sample. The recorder and the coach
    /// follow the loop's own settings; the last sessions are restored at construction and saved when one ends (a failed
    /// save is tried again after <see cref="DeviceLoop.SaveRetryMs"/>) and, while one runs that would be kept, every
    /// <see cref="SaveIntervalMs"/> with the running one as if it ended there.
    /// </summary>
    public sealed class SessionKeeper
    {
        /// <summary>
        /// A running session is saved this often (with the kept ones: one 2.7 KB record, docs/coach.md), so a power cut
        /// loses at most this much of it; a 15-minute session is 15 writes.
        /// </summary>
        public const int SaveIntervalMs = 60000;

        private readonly SessionSource _sessions;
        private readonly SessionStore _store;
        private readonly IntervalCoach _coach;
        private int _saved;
        private long _lastSaveAttemptMs;
        private CoachCue _lastCue;

        public SessionKeeper(UserSettings settings, int sampleRateHz, ICounterStore flash)
        {
            var recorder = new SessionRecorder(settings, sampleRateHz, SessionStoreCodec.Capacity);
            _store = new SessionStore(flash);
            RestoreOutcome = _store.Restore(recorder);
            _sessions = new SessionSource(recorder);
            _saved = recorder.EndedCount;
            _coach = new IntervalCoach(settings);
        }

        /// <summary>What the restore at construction found.</summary>
        public RestoreOutcome RestoreOutcome { get; private set; }

        /// <summary>The sessions for the BLE Session and Session log characteristics.</summary>
        public SessionSource Sessions { get { return _sessions; } }

        /// <summary>The kept sessions' flash record pair.</summary>
        public SessionStore Store { get { return _store; } }

        /// <summary>Cues the interval coach has given since boot, and the last one.</summary>
        public int CoachCues { get { return _coach.CueCount; } }

        public CoachCue LastCoachCue { get { return _lastCue; } }

        /// <summary>
        /// Books the tracker's new steps, saves when due, and returns the coach's cue for now (None most of the time).
        /// </summary>
        public CoachCue Update(Tracker tracker, long utc, long nowMs)
        {
            _sessions.Update(tracker.StepLog, tracker.SampleIndex, WallClock.IsSet(utc) ? (uint)utc : 0);
            SessionRecorder recorder = _sessions.Recorder;
            bool ended = recorder.EndedCount != _saved;
            bool runningDue = recorder.CurrentWouldBeKept && nowMs - _lastSaveAttemptMs >= SaveIntervalMs;
            if ((ended && nowMs - _lastSaveAttemptMs >= DeviceLoop.SaveRetryMs) || runningDue)
            {
                _lastSaveAttemptMs = nowMs;
                if (_store.Save(recorder))
                {
                    _saved = recorder.EndedCount;
                }
            }

            CoachCue cue = _coach.Update(recorder, tracker.Alarm);
            if (cue != CoachCue.None)
            {
                _lastCue = cue;
            }

            return cue;
        }

        /// <summary>
        /// Starts a session (<paramref name="start"/>) or ends the running one, by the button or the Control Point; false
        /// when there was nothing to do (one runs already, or none runs).
        /// </summary>
        public bool StartOrEnd(bool start, Tracker tracker, long utc)
        {
            if (start == _sessions.Running)
            {
                return false;
            }

            if (start)
            {
                _sessions.StartByCommand(tracker.SampleIndex, WallClock.IsSet(utc) ? (uint)utc : 0);
            }
            else
            {
                _sessions.EndByCommand(tracker.SampleIndex);
            }

            return true;
        }
    }
}
