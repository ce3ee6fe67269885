using System.Threading;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Health;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// The firmware's main loop, identical on the ESP32 and in the host emulation. Each <see cref="RunOnce"/> (every
    /// ~100 ms on the device) applies queued commands (<see cref="CommandQueue"/>) and the button, drains the sensor
    /// FIFO into the tracker, keeps the calendar (<see cref="DailyBook"/>: daily totals, hourly history, the daily
    /// reset), publishes what changed (<see cref="StatusPublication"/>), saves the state when due and drives the buzzer
    /// and LED. Everything it touches sits behind a small interface.
    /// </summary>
    public sealed class DeviceLoop : ICommandSink, IConfigSink
    {
        /// <summary>
        /// How often the device thread calls <see cref="RunOnce"/> (the host emulation steps its clock by the same):
        /// the 1 KiB MPU-6050 FIFO holds 0.85 s at 100 Hz, so a 100 ms period leaves room for a slow iteration.
        /// </summary>
        public const int LoopPeriodMs = 100;

        /// <summary>See <see cref="StatusPublication.MinIntervalMs"/>.</summary>
        public const int PublishMinIntervalMs = StatusPublication.MinIntervalMs;

        /// <summary>See <see cref="StatusPublication.AdvertiseOfferIntervalMs"/>.</summary>
        public const int AdvertiseOfferIntervalMs = StatusPublication.AdvertiseOfferIntervalMs;

        /// <summary>
        /// Save period while counts change: a power cut loses at most this plus one iteration (under 60 s of counting).
        /// At most 1571 saves a day even when counting around the clock; the flash-wear working is in docs/device-loop.md.
        /// </summary>
        public const int PersistIntervalMs = 55 * 1000;

        /// <summary>What a power cut may cost at most, by the issue 11 requirement: <see cref="PersistIntervalMs"/> is chosen under it.</summary>
        public const int MaxCountingLostMs = 60 * 1000;

        /// <summary>Retry period of a save that failed.</summary>
        public const int SaveRetryMs = 10000;

        /// <summary>Samples per FIFO read: the whole MPU-6050 FIFO (85 frames).</summary>
        public const int MaxBatchSamples = 85;

        /// <summary>FIFO reads per iteration at most (the FIFO refills while it is being read).</summary>
        public const int MaxBatchesPerRun = 4;

        /// <summary>Added to <see cref="RestoreMessage"/> when a latched fall alarm was restored.</summary>
        public const string FallAlarmRestoredText = "A fall alarm raised before the reboot was not acknowledged: it sounds again until acknowledged.";

        private readonly ISampleFifo _fifo;
        private readonly IClock _clock;
        private readonly IAlarmOutput _alarmOutput;
        private readonly IButton _button;
        private readonly TrackerConfig _config;
        private readonly StateStore _store;
        private readonly DeviceState _state = new DeviceState();
        private readonly DailyBook _book;
        private readonly CommandQueue _commands = new CommandQueue();
        private readonly StatusPublication _publication = new StatusPublication();
        private Tracker _tracker;
        private bool _rebuildTracker;
        private readonly short[] _samples = new short[MaxBatchSamples * 6];
        private readonly ButtonLogic _buttonLogic = new ButtonLogic();
        private readonly AlarmPattern _pattern = new AlarmPattern();
        private readonly PairingWindow _pairingWindow = new PairingWindow();
        private bool _holdAcknowledged;
        private bool _pressAcknowledged;
        // Guards the pending Config write. Taken with Monitor.Enter/Exit, not lock: see HourlyHistory.
        private readonly object _settingsLock = new object();
        private readonly UserSettings _pendingSettings = new UserSettings();
        private bool _settingsPending;
        private HealthMonitor _health;
        private SessionKeeper _sessions;
        private readonly CoachedBuzzer _buzzer = new CoachedBuzzer();

        private bool _dirty;
        private bool _saveRequested;
        private long _lastSaveAttemptMs;
        private bool _lastSaveFailed;
        private bool _clockWasSet;
        private long _resetMonoMs = -1;
        private long _samplesProcessed;

        /// <summary>
        /// Restores the saved state (counts, session figures, daily totals, settings, history), applies the saved
        /// settings to <paramref name="config"/> and builds the tracker. See <see cref="RestoreOutcome"/> and
        /// <see cref="RestoreMessage"/> for what the restore found.
        /// </summary>
        public DeviceLoop(TrackerConfig config, ISampleFifo fifo, IClock clock, ICounterStore store, IAlarmOutput alarmOutput, IButton button)
        {
            _config = config;
            _fifo = fifo;
            _clock = clock;
            _alarmOutput = alarmOutput;
            _button = button;
            _store = new StateStore(store);
            _state.Settings.ReadFrom(config);
            RestoreOutcome = _store.Restore(_state);
            RestoreMessage = _store.Message;
            _state.Settings.ApplyTo(config);
            _tracker = NewTracker(_state.ForwardSteps, _state.BackwardSteps, _state.BackwardWalkingS * 1000L,
                (int)_state.LongestBackwardStreakSteps, (int)_state.BackwardIntervals);
            _book = new DailyBook(_state);
            if (_state.FallAlarmLatched)
            {
                // Nobody acknowledged the fall alarm before the reboot (a power cut, a flat battery): it sounds again.
                _tracker.RestoreFallAlarm();
                RestoreMessage += (RestoreMessage.Length == 0 ? "" : " ") + FallAlarmRestoredText;
            }
            if (RestoreOutcome == RestoreOutcome.Fresh || RestoreOutcome == RestoreOutcome.Unreadable)
            {
                // Counting starts now: the reset time is filled in once a phone sets the clock.
                _resetMonoMs = clock.MonotonicMs;
            }
        }

        public RestoreOutcome RestoreOutcome { get; private set; }

        /// <summary>Why a stored slot was rejected (empty when nothing was wrong); log it at boot.</summary>
        public string RestoreMessage { get; private set; }

        public Tracker Tracker { get { return _tracker; } }

        /// <summary>The persisted state as of the last iteration (daily totals, settings, history).</summary>
        public DeviceState State { get { return _state; } }

        /// <summary>Hourly history for the BLE History characteristic (thread-safe).</summary>
        public IHistorySource History { get { return _state.History; } }

        /// <summary>The pairing window the button opens; the BLE adapter asks it before a phone may bond (thread-safe).</summary>
        public PairingWindow PairingWindow { get { return _pairingWindow; } }

        /// <summary>The last published status.</summary>
        public TrackerStatus Status { get { return _publication.Published; } }

        public StateStore Store { get { return _store; } }

        public long SamplesProcessed { get { return _samplesProcessed; } }

        /// <summary>Connects the publisher (BLE is built after the loop, since it needs the loop as command sink and history source); everything is published once.</summary>
        public void AttachPublisher(IStatusPublisher publisher)
        {
            _publication.Attach(publisher);
        }

        /// <summary>The Health characteristic's monitor (docs/ble.md, "Health"): updated once per iteration, after the save.</summary>
        public void AttachHealth(HealthMonitor health)
        {
            _health = health;
        }

        /// <summary>
        /// Walking sessions, the interval coach and the kept sessions (docs/coach.md, <see cref="SessionKeeper"/>), run by
        /// the loop once per iteration; the last sessions are restored from <paramref name="sessionFlash"/> (a record pair
        /// of its own, beside the counter state).
        /// </summary>
        public RestoreOutcome AttachSessions(ICounterStore sessionFlash)
        {
            _sessions = new SessionKeeper(_state.Settings, _config.Sensor.SampleRateHz, sessionFlash);
            return _sessions.RestoreOutcome;
        }

        /// <summary>The sessions for the BLE Session and Session log characteristics; null until <see cref="AttachSessions"/>.</summary>
        public SessionSource Sessions { get { return _sessions == null ? null : _sessions.Sessions; } }

        /// <summary>Cues the interval coach has given since boot (docs/coach.md), and the last one.</summary>
        public int CoachCues { get { return _sessions == null ? 0 : _sessions.CoachCues; } }

        public CoachCue LastCoachCue { get { return _sessions == null ? CoachCue.None : _sessions.LastCoachCue; } }

        /// <summary>The kept sessions' flash record pair; null until <see cref="AttachSessions"/>.</summary>
        public SessionStore SessionStore { get { return _sessions == null ? null : _sessions.Store; } }

        /// <summary>Queues a command for the next iteration; safe to call from the BLE thread. Returns a ControlStatus code.</summary>
        public byte Submit(byte op, uint argument)
        {
            return _commands.Submit(op, argument);
        }

        /// <summary>One iteration; returns the samples processed.</summary>
        public int RunOnce()
        {
            long now = _clock.MonotonicMs;
            ApplyCommands(now);
            ApplyButton(now);
            if (_rebuildTracker && _tracker.Alarm == AlarmLevel.None)
            {
                RebuildTracker();
            }

            int samples = Drain();
            long utc = _clock.UtcSeconds;
            KeepCalendar(utc, now);
            _publication.Update(_tracker, _state.ResetEpochS, WallClock.IsSet(utc), now);
            BookFallAlarm(_tracker.Alarm, utc);
            BookSessions(utc, now);
            PersistIfDue(now);
            if (_health != null)
            {
                _health.Update(now);
            }

            // The coach's cues go below the alarms: an alarm cancels a cue and sounds exactly as without a coach.
            if (_buzzer.Update(_pattern, _tracker.Alarm, now))
            {
                _alarmOutput.Set(_buzzer.Buzzer, _buzzer.Led);
            }

            return samples;
        }

        /// <summary>Saves the state now (e.g. before a planned shutdown); false on a store error.</summary>
        public bool SaveNow(long nowMs)
        {
            _state.ForwardSteps = _tracker.ForwardSteps;
            _state.BackwardSteps = _tracker.BackwardSteps;
            _state.BackwardWalkingS = Dsp.Saturating.ToUInt32(_tracker.Session.BackwardWalkingMs / 1000);
            _state.LongestBackwardStreakSteps = (uint)_tracker.Session.LongestBackwardStreakSteps;
            _state.BackwardIntervals = (uint)_tracker.Session.BackwardIntervals;
            _lastSaveAttemptMs = nowMs;
            if (!_store.Save(_state))
            {
                _lastSaveFailed = true;
                return false;
            }

            _lastSaveFailed = false;
            _dirty = false;
            _saveRequested = false;
            return true;
        }

        /// <summary>
        /// The tracker takes its settings when built: a changed setting builds a new one that carries the counts and
        /// session figures over (deferred while an alarm is up, so a latched alarm is never lost).
        /// </summary>
        private void RebuildTracker()
        {
            _rebuildTracker = false;
            _state.Settings.ApplyTo(_config);
            Tracker old = _tracker;
            _tracker = NewTracker(old.ForwardSteps, old.BackwardSteps, old.Session.BackwardWalkingMs,
                old.Session.LongestBackwardStreakSteps, old.Session.BackwardIntervals);
        }

        private Tracker NewTracker(uint forward, uint backward, long backwardWalkingMs, int longestStreak, int intervals)
        {
            Tracker t = new Tracker(_config);
            t.RestoreCounts(forward, backward);
            t.Session.BackwardWalkingMs = backwardWalkingMs;
            t.Session.LongestBackwardStreakSteps = longestStreak;
            t.Session.BackwardIntervals = intervals;
            return t;
        }

        private int Drain()
        {
            int total = 0;
            for (int batch = 0; batch < MaxBatchesPerRun; batch++)
            {
                int n = _fifo.ReadSamples(_samples, MaxBatchSamples);
                if (n <= 0)
                {
                    break;
                }

                Feed(n);
                total += n;
                if (n < MaxBatchSamples)
                {
                    break;
                }
            }

            return total;
        }

        [PerSample]
        private void Feed(int count)
        {
            short[] s = _samples;
            Tracker tracker = _tracker;
            int end = count * 6;
            for (int o = 0; o < end; o += 6)
            {
                tracker.Process(s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], s[o + 5]);
            }

            _samplesProcessed += count;
        }

        /// <summary>The settings in force (or written and not yet applied), for the BLE Config characteristic; any thread.</summary>
        public void ReadSettings(UserSettings into)
        {
            Monitor.Enter(_settingsLock);
            try
            {
                into.CopyFrom(_settingsPending ? _pendingSettings : _state.Settings);
            }
            finally
            {
                Monitor.Exit(_settingsLock);
            }
        }

        /// <summary>Takes a Config write (any thread): applied and saved at the next iteration; a later write replaces an unapplied one.</summary>
        public byte ApplySettings(UserSettings settings)
        {
            if (!settings.IsValid())
            {
                return ControlStatus.BadParameter;
            }

            Monitor.Enter(_settingsLock);
            try
            {
                _pendingSettings.CopyFrom(settings);
                _settingsPending = true;
                return ControlStatus.Ok;
            }
            finally
            {
                Monitor.Exit(_settingsLock);
            }
        }

        /// <summary>Takes a Current Time write (any thread), as UTC seconds.</summary>
        public byte SetClock(uint utcEpochS)
        {
            return Submit(ControlOp.SetCurrentTime, utcEpochS);
        }

        private void ApplyCommands(long now)
        {
            ApplyPendingSettings();
            byte op;
            uint argument;
            while (_commands.TryTake(out op, out argument))
            {
                switch (op)
                {
                    case ControlOp.ResetCounts:
                        ResetCounts(now);
                        break;
                    case ControlOp.AcknowledgeAlarm:
                        _tracker.AcknowledgeAlarm();
                        break;
                    case ControlOp.Identify:
                        _pattern.StartIdentify(now);
                        break;
                    case ControlOp.RecaptureUpright:
                        _tracker.RecaptureUpright();
                        break;
                    case ControlOp.StartSession:
                        StartOrEndSession(now, true);
                        break;
                    case ControlOp.EndSession:
                        StartOrEndSession(now, false);
                        break;
                    case ControlOp.SetCurrentTime:
                        _clock.SetUtcSeconds(argument);
                        break;
                }
            }
        }

        private void ApplyPendingSettings()
        {
            Monitor.Enter(_settingsLock);
            try
            {
                if (!_settingsPending)
                {
                    return;
                }

                _settingsPending = false;
                bool detectorChanged = !_pendingSettings.SameTrackerConfig(_state.Settings);
                _state.Settings.CopyFrom(_pendingSettings);
                _rebuildTracker |= detectorChanged;
                _saveRequested = true;
            }
            finally
            {
                Monitor.Exit(_settingsLock);
            }
        }

        private void ApplyButton(long now)
        {
            // While an alarm is up every press only acknowledges it: someone who fell may well hold the button down.
            // The pairing hold comes first in every long press: during an alarm it acknowledges, and so does the rest
            // of that press; otherwise it opens the pairing window, which a hold that goes on to a reset closes again.
            ButtonAction action = _buttonLogic.Update(_button.IsPressed, now);
            if (action == ButtonAction.PairingHold)
            {
                _holdAcknowledged = _tracker.Alarm != AlarmLevel.None;
                if (_holdAcknowledged)
                {
                    _tracker.AcknowledgeAlarm();
                }
                else
                {
                    _pairingWindow.Open(now);
                    _pattern.StartPairingCue(now);
                }
            }
            else if (action == ButtonAction.ShortPress
                || (action == ButtonAction.LongPress && (_holdAcknowledged || _tracker.Alarm != AlarmLevel.None)))
            {
                // A double press whose first press silenced an alarm is someone stopping the alarm, not a session.
                _pressAcknowledged = _tracker.Alarm != AlarmLevel.None;
                _tracker.AcknowledgeAlarm();
            }
            else if (action == ButtonAction.LongPress)
            {
                _pairingWindow.Close();
                ResetCounts(now);
            }
            else if (action == ButtonAction.DoublePress)
            {
                if (!_pressAcknowledged && _tracker.Alarm == AlarmLevel.None)
                {
                    StartOrEndSession(now, _sessions != null && !_sessions.Sessions.Running);
                }

                _pressAcknowledged = false;
            }

            if (_pairingWindow.TakeBondAccepted())
            {
                _pattern.StartConfirmBeep(now);
            }
        }

        /// <summary>The sessions' iteration (<see cref="SessionKeeper.Update"/>); the coach's cue goes to the buzzer.</summary>
        private void BookSessions(long utc, long now)
        {
            if (_sessions != null)
            {
                _buzzer.Cue(_sessions.Update(_tracker, utc, now), now);
            }
        }

        /// <summary>
        /// A double press starts a session, or ends the running one; Control Point 0x05 / 0x06 start or end one
        /// (docs/coach.md). A change is confirmed by the beep; starting a running session or ending none does nothing.
        /// </summary>
        private void StartOrEndSession(long now, bool start)
        {
            if (_sessions != null && _sessions.StartOrEnd(start, _tracker, _clock.UtcSeconds))
            {
                _pattern.StartConfirmBeep(now);
            }
        }

        private void ResetCounts(long now)
        {
            BookSteps(_clock.UtcSeconds);
            _tracker.ResetCounts();
            _book.CountsReset();
            long utc = _clock.UtcSeconds;
            _state.ResetEpochS = WallClock.IsSet(utc) ? (uint)utc : 0;
            _resetMonoMs = now;
            _saveRequested = true;
            _publication.PublishNextAtOnce();
            _pattern.StartConfirmBeep(now);
        }

        /// <summary>
        /// Once the clock is set: dates the last reset, rolls the daily totals over at local midnight (resetting the
        /// counts if so configured) and books the steps counted since the last iteration.
        /// </summary>
        private void KeepCalendar(long utc, long now)
        {
            if (WallClock.IsSet(utc) && !_clockWasSet)
            {
                _clockWasSet = true;
                if (_state.ResetEpochS == 0 && _resetMonoMs >= 0)
                {
                    _state.ResetEpochS = (uint)(utc - (now - _resetMonoMs) / 1000);
                    _dirty = true;
                }
            }

            DayChange change = _book.Roll(utc, now);
            if (change == DayChange.Dated)
            {
                _dirty = true;
            }
            else if (change == DayChange.NewDay)
            {
                _saveRequested = true;
                if (_state.Settings.DailyReset)
                {
                    ResetCounts(now);
                }
            }

            BookSteps(utc);
        }

        private void BookSteps(long utc)
        {
            if (_book.Book(_tracker.ForwardSteps, _tracker.BackwardSteps, utc))
            {
                _dirty = true;
            }
        }

        /// <summary>
        /// A fall alarm raised or acknowledged is part of the saved state (saved at once), with the time it was raised:
        /// one that a reboot interrupts is latched again at boot. Compared every iteration with what the state holds, so
        /// an acknowledgement in the first iteration after a boot is saved too; the restored alarm itself changes nothing.
        /// </summary>
        private void BookFallAlarm(AlarmLevel alarm, long utc)
        {
            bool latched = alarm == AlarmLevel.FallAlarm;
            if (latched == _state.FallAlarmLatched)
            {
                return;
            }

            _state.FallAlarmLatched = latched;
            _state.FallAlarmEpochS = latched && WallClock.IsSet(utc) ? (uint)utc : 0;
            _saveRequested = true;
        }

        private void PersistIfDue(long now)
        {
            // A failed save (periodic or requested) is retried every SaveRetryMs: the failed attempt restarts the
            // timer, so the periodic condition alone would wait a whole PersistIntervalMs again.
            long sinceAttempt = now - _lastSaveAttemptMs;
            bool due = _lastSaveFailed
                ? (_saveRequested || _dirty) && sinceAttempt >= SaveRetryMs
                : _saveRequested || (_dirty && sinceAttempt >= PersistIntervalMs);
            if (due)
            {
                SaveNow(now);
            }
        }
    }
}
