using System.Threading;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Health;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// The firmware's main loop, identical on the ESP32 and in the host emulation. Each <see cref="RunOnce"/> (every
    /// ~100 ms on the device) applies queued commands and the button, drains the sensor FIFO into the tracker, rolls
    /// the calendar, books steps into the daily totals and the hourly history, publishes what changed (rate-limited),
    /// saves the state when due and drives the buzzer and LED. Everything it touches sits behind a small interface.
    /// </summary>
    public sealed class DeviceLoop : ICommandSink, IConfigSink
    {
        /// <summary>
        /// How often the device thread calls <see cref="RunOnce"/> (the host emulation steps its clock by the same):
        /// the 1 KiB MPU-6050 FIFO holds 0.85 s at 100 Hz, so a 100 ms period leaves room for a slow iteration.
        /// </summary>
        public const int LoopPeriodMs = 100;

        /// <summary>At most one notification per value and second (alarm changes go out at once).</summary>
        public const int PublishMinIntervalMs = 1000;

        /// <summary>
        /// How often the loop offers the current status to <see cref="IStatusPublisher.Advertise"/> (and after every
        /// publication). The publisher decides when to rebuild the advertisement (AdvertRefreshPolicy: never while
        /// connected, at most once a minute, within 5 s of an alarm change); offering it regularly means a refresh
        /// it had to defer still happens once allowed.
        /// </summary>
        public const int AdvertiseOfferIntervalMs = 1000;

        /// <summary>Save period while counts change (flash wear vs. steps lost on a power cut).</summary>
        public const int PersistIntervalMs = 5 * 60 * 1000;

        /// <summary>Retry period of a save that failed.</summary>
        public const int SaveRetryMs = 10000;

        /// <summary>Tilt changes smaller than this (0.1°) since the last notification are not notified, nor lean direction changes below it.</summary>
        public const int TiltNotifyDeadbandDeciDeg = 20;

        /// <summary>Samples per FIFO read: the whole MPU-6050 FIFO (85 frames).</summary>
        public const int MaxBatchSamples = 85;

        /// <summary>FIFO reads per iteration at most (the FIFO refills while it is being read).</summary>
        public const int MaxBatchesPerRun = 4;

        /// <summary>Added to <see cref="RestoreMessage"/> when a latched fall alarm was restored.</summary>
        public const string FallAlarmRestoredText = "A fall alarm raised before the reboot was not acknowledged: it sounds again until acknowledged.";

        private const int CommandQueueLength = 8;
        private const int FieldCount = 4; // the bits of StatusFields.All

        private readonly ISampleFifo _fifo;
        private readonly IClock _clock;
        private readonly IAlarmOutput _alarmOutput;
        private readonly IButton _button;
        private readonly TrackerConfig _config;
        private readonly StateStore _store;
        private readonly DeviceState _state = new DeviceState();
        private Tracker _tracker;
        private bool _rebuildTracker;
        private readonly short[] _samples = new short[MaxBatchSamples * 6];
        private readonly TrackerStatus _fresh = new TrackerStatus();
        private readonly TrackerStatus _published = new TrackerStatus();
        private readonly long[] _lastPublishMs = new long[FieldCount];
        private readonly ButtonLogic _buttonLogic = new ButtonLogic();
        private readonly AlarmPattern _pattern = new AlarmPattern();
        private readonly PairingWindow _pairingWindow = new PairingWindow();
        private bool _holdAcknowledged;
        // Taken with Monitor.Enter/Exit, not lock: see HourlyHistory (lock binds an overload nanoFramework lacks).
        private readonly object _commandLock = new object();
        private readonly byte[] _commandOps = new byte[CommandQueueLength];
        private readonly uint[] _commandArgs = new uint[CommandQueueLength];
        private int _commandFirst;
        private int _commandCount;
        private readonly UserSettings _pendingSettings = new UserSettings();
        private bool _settingsPending;

        private IStatusPublisher _publisher;
        private HealthMonitor _health;
        private int _pendingFields;
        private bool _publishNow;
        private AlarmLevel _lastAlarm;
        private bool _alarmNow;
        private short _sentTiltDeciDeg;
        private byte _sequence;
        private long _lastAdvertOfferMs;
        private bool _dirty;
        private bool _saveRequested;
        private long _lastSaveAttemptMs;
        private bool _lastSaveFailed;
        private uint _lastForward;
        private uint _lastBackward;
        private int _historyPendingForward;
        private int _historyPendingBackward;
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
            _lastForward = _state.ForwardSteps;
            _lastBackward = _state.BackwardSteps;
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

            _sentTiltDeciDeg = short.MinValue;
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
        public TrackerStatus Status { get { return _published; } }

        public StateStore Store { get { return _store; } }

        public long SamplesProcessed { get { return _samplesProcessed; } }

        /// <summary>Connects the publisher (BLE is built after the loop, since it needs the loop as command sink and history source); everything is published once.</summary>
        public void AttachPublisher(IStatusPublisher publisher)
        {
            _publisher = publisher;
            _pendingFields = StatusFields.All;
            _publishNow = true;
        }

        /// <summary>The Health characteristic's monitor (docs/ble.md, "Health"): updated once per iteration, after the save.</summary>
        public void AttachHealth(HealthMonitor health)
        {
            _health = health;
        }

        /// <summary>Queues a command for the next iteration; safe to call from the BLE thread. Returns a ControlStatus code.</summary>
        public byte Submit(byte op, uint argument)
        {
            switch (op)
            {
                case ControlOp.ResetCounts:
                case ControlOp.AcknowledgeAlarm:
                case ControlOp.Identify:
                case ControlOp.RecaptureUpright:
                    break;
                case ControlOp.SetCurrentTime:
                    if (!WallClock.IsSet(argument))
                    {
                        return ControlStatus.BadParameter;
                    }

                    break;
                default:
                    return ControlStatus.Unsupported;
            }

            Monitor.Enter(_commandLock);
            try
            {
                if (_commandCount == CommandQueueLength)
                {
                    return ControlStatus.Failed;
                }

                int i = (_commandFirst + _commandCount) % CommandQueueLength;
                _commandOps[i] = op;
                _commandArgs[i] = argument;
                _commandCount++;
                return ControlStatus.Ok;
            }
            finally
            {
                Monitor.Exit(_commandLock);
            }
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
            RollCalendar(utc, now);
            BookSteps(utc);
            Publish(now, utc);
            PersistIfDue(now);
            if (_health != null)
            {
                _health.Update(now);
            }

            if (_pattern.Update(_tracker.Alarm, now))
            {
                _alarmOutput.Set(_pattern.Buzzer, _pattern.Led);
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
            Monitor.Enter(_commandLock);
            try
            {
                into.CopyFrom(_settingsPending ? _pendingSettings : _state.Settings);
            }
            finally
            {
                Monitor.Exit(_commandLock);
            }
        }

        /// <summary>Takes a Config write (any thread): applied and saved at the next iteration; a later write replaces an unapplied one.</summary>
        public byte ApplySettings(UserSettings settings)
        {
            if (!settings.IsValid())
            {
                return ControlStatus.BadParameter;
            }

            Monitor.Enter(_commandLock);
            try
            {
                _pendingSettings.CopyFrom(settings);
                _settingsPending = true;
                return ControlStatus.Ok;
            }
            finally
            {
                Monitor.Exit(_commandLock);
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
            while (true)
            {
                byte op;
                uint argument;
                Monitor.Enter(_commandLock);
                try
                {
                    if (_commandCount == 0)
                    {
                        return;
                    }

                    op = _commandOps[_commandFirst];
                    argument = _commandArgs[_commandFirst];
                    _commandFirst = (_commandFirst + 1) % CommandQueueLength;
                    _commandCount--;
                }
                finally
                {
                    Monitor.Exit(_commandLock);
                }

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
                    case ControlOp.SetCurrentTime:
                        _clock.SetUtcSeconds(argument);
                        break;
                }
            }
        }

        private void ApplyPendingSettings()
        {
            Monitor.Enter(_commandLock);
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
                Monitor.Exit(_commandLock);
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
                _tracker.AcknowledgeAlarm();
            }
            else if (action == ButtonAction.LongPress)
            {
                _pairingWindow.Close();
                ResetCounts(now);
            }

            if (_pairingWindow.TakeBondAccepted())
            {
                _pattern.StartConfirmBeep(now);
            }
        }

        private void ResetCounts(long now)
        {
            BookSteps(_clock.UtcSeconds);
            _tracker.ResetCounts();
            _lastForward = 0;
            _lastBackward = 0;
            long utc = _clock.UtcSeconds;
            _state.ResetEpochS = WallClock.IsSet(utc) ? (uint)utc : 0;
            _resetMonoMs = now;
            _saveRequested = true;
            _publishNow = true;
            _pattern.StartConfirmBeep(now);
        }

        /// <summary>Daily totals roll over at local midnight, once the clock has been set.</summary>
        private void RollCalendar(long utc, long now)
        {
            if (!WallClock.IsSet(utc))
            {
                return;
            }

            if (!_clockWasSet)
            {
                _clockWasSet = true;
                if (_state.ResetEpochS == 0 && _resetMonoMs >= 0)
                {
                    _state.ResetEpochS = (uint)(utc - (now - _resetMonoMs) / 1000);
                    _dirty = true;
                }
            }

            int day = WallClock.LocalDay(utc, _state.Settings.UtcOffsetMinutes);
            if (_state.LocalDay == 0 || day < _state.LocalDay)
            {
                // First known day, or the clock was set back: today's totals stay with the new date.
                _state.LocalDay = day;
                _dirty = true;
            }
            else if (day > _state.LocalDay)
            {
                bool nextDay = day == _state.LocalDay + 1;
                _state.YesterdayForward = nextDay ? _state.TodayForward : 0;
                _state.YesterdayBackward = nextDay ? _state.TodayBackward : 0;
                _state.TodayForward = 0;
                _state.TodayBackward = 0;
                _state.LocalDay = day;
                _saveRequested = true;
                if (_state.Settings.DailyReset)
                {
                    ResetCounts(now);
                }
            }
        }

        /// <summary>Books the steps credited since the last call into the daily totals and the hourly history.</summary>
        private void BookSteps(long utc)
        {
            uint forward = _tracker.ForwardSteps;
            uint backward = _tracker.BackwardSteps;
            int df = (int)(forward - _lastForward);
            int db = (int)(backward - _lastBackward);
            _lastForward = forward;
            _lastBackward = backward;
            if (df != 0 || db != 0)
            {
                _state.TodayForward = Dsp.Saturating.Add(_state.TodayForward, (uint)df);
                _state.TodayBackward = Dsp.Saturating.Add(_state.TodayBackward, (uint)db);
                _historyPendingForward = Dsp.Saturating.Add(_historyPendingForward, df);
                _historyPendingBackward = Dsp.Saturating.Add(_historyPendingBackward, db);
                _dirty = true;
            }

            // Steps taken before the phone set the clock go into the hour in which it was set.
            if (WallClock.IsSet(utc) && (_historyPendingForward != 0 || _historyPendingBackward != 0))
            {
                _state.History.AddSteps(WallClock.HourStart(utc), _historyPendingForward, _historyPendingBackward);
                _historyPendingForward = 0;
                _historyPendingBackward = 0;
            }
        }

        private void Publish(long now, long utc)
        {
            TrackerStatus f = _fresh;
            TrackerStatus p = _published;
            f.ForwardSteps = _tracker.ForwardSteps;
            f.BackwardSteps = _tracker.BackwardSteps;
            f.ResetEpochS = _state.ResetEpochS;
            int cadence = _tracker.CadenceSpm;
            f.CadenceSpm = (byte)(cadence < 0 ? 0 : cadence > 255 ? 255 : cadence);
            f.Direction = _tracker.Direction;
            f.Running = _tracker.Running;
            int tilt = _tracker.TiltDeciDeg;
            f.TiltDeciDeg = (short)(tilt < short.MinValue ? short.MinValue : tilt > short.MaxValue ? short.MaxValue : tilt);
            f.TiltDirection = _tracker.TiltDirection;
            f.Alarm = _tracker.Alarm;
            f.ClockSynced = WallClock.IsSet(utc);
            f.BackwardWalkingS = Dsp.Saturating.ToUInt32(_tracker.Session.BackwardWalkingMs / 1000);
            f.LongestBackwardStreakSteps = SaturateUInt16(_tracker.Session.LongestBackwardStreakSteps);
            f.BackwardIntervals = SaturateUInt16(_tracker.Session.BackwardIntervals);

            int changed = 0;
            if (f.ForwardSteps != p.ForwardSteps)
            {
                changed |= StatusFields.ForwardSteps | StatusFields.Snapshot;
            }

            if (f.BackwardSteps != p.BackwardSteps)
            {
                changed |= StatusFields.BackwardSteps | StatusFields.Snapshot;
            }

            if (f.ResetEpochS != p.ResetEpochS || f.CadenceSpm != p.CadenceSpm || f.Direction != p.Direction || f.Running != p.Running
                || f.BackwardWalkingS != p.BackwardWalkingS || f.LongestBackwardStreakSteps != p.LongestBackwardStreakSteps
                || f.BackwardIntervals != p.BackwardIntervals)
            {
                changed |= StatusFields.Snapshot;
            }

            // Near upright the lean direction flips with noise: a direction change alone counts only beyond the deadband.
            int tiltMoved = f.TiltDeciDeg - _sentTiltDeciDeg;
            bool leaning = f.TiltDeciDeg >= TiltNotifyDeadbandDeciDeg || f.TiltDeciDeg <= -TiltNotifyDeadbandDeciDeg;
            if (f.Alarm != p.Alarm || (leaning && f.TiltDirection != p.TiltDirection) || f.ClockSynced != p.ClockSynced
                || tiltMoved >= TiltNotifyDeadbandDeciDeg || tiltMoved <= -TiltNotifyDeadbandDeciDeg)
            {
                changed |= StatusFields.TiltAlarm;
            }

            if (f.Alarm != _lastAlarm)
            {
                _lastAlarm = f.Alarm;
                _alarmNow = true;
            }

            BookFallAlarm(f.Alarm, utc);

            _pendingFields |= changed;
            if (_publisher == null)
            {
                return;
            }

            int due = 0;
            for (int i = 0; i < FieldCount; i++)
            {
                int bit = 1 << i;
                if ((_pendingFields & bit) != 0
                    && (_publishNow || now - _lastPublishMs[i] >= PublishMinIntervalMs || (_alarmNow && bit == StatusFields.TiltAlarm)))
                {
                    due |= bit;
                    _lastPublishMs[i] = now;
                }
            }

            _publishNow = false;
            _alarmNow = false;
            if (due != 0)
            {
                _pendingFields &= ~due;
                f.Sequence = ++_sequence;
                p.CopyFrom(f);
                if ((due & StatusFields.TiltAlarm) != 0)
                {
                    _sentTiltDeciDeg = f.TiltDeciDeg;
                }

                _publisher.Publish(p, due);
            }

            if (due != 0 || now - _lastAdvertOfferMs >= AdvertiseOfferIntervalMs)
            {
                _publisher.Advertise(p);
                _lastAdvertOfferMs = now;
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

        private static ushort SaturateUInt16(int v)
        {
            return (ushort)(v < 0 ? 0 : v > ushort.MaxValue ? ushort.MaxValue : v);
        }
    }
}
