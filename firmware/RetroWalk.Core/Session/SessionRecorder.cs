using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Turns the tracker's credited steps into sessions (docs/coach.md). Runs once per loop iteration (<see cref="Update"/>
    /// drains the step log), never per sample. A session starts with a walk after <see cref="UserSettings.IdleToStartS"/>
    /// without steps, or on command; it ends after <see cref="UserSettings.RestToEndS"/> without steps, or on command.
    /// An interval is a run of steps in one direction without a pause (a new walk or 2.5 s without a step ends it).
    /// Steadiness is computed on steady bouts: runs of single-step credits in one direction, without the first
    /// <see cref="WarmUpSteps"/> step times of a walk or after a turn, without the last <see cref="CoolDownSteps"/>, cut at a step
    /// time more than 30 % off the bout's running mean (a missed or split step), kept when at least
    /// <see cref="MinBoutSteps"/> steps remain.
    /// </summary>
    public sealed class SessionRecorder
    {
        public const int IntervalGapMs = 2500;
        /// <summary>
        /// Step times left out at the start of a walk or after a turn: steady walking is reached within the first 2-3
        /// steps of gait initiation; the detector's confirmation (6 steps, 5 step times, credited at once) covers these at
        /// the start of a walk, so only a turn or a break makes the recorder skip them itself.
        /// </summary>
        public const int WarmUpSteps = 5;

        /// <summary>Step times left out before a stop (gait termination slows the last two steps).</summary>
        public const int CoolDownSteps = 2;

        /// <summary>
        /// Fewest steady step times a bout needs: a 10 m straight walk (about 14 step times) keeps 6-7 after warm-up and
        /// cool-down; the session pools its bouts, so short bouts add up.
        /// </summary>
        public const int MinBoutSteps = 6;

        /// <summary>
        /// A step time more than this far off the bout's running mean ends the bout (a missed step gives ~200 %, a split
        /// one ~50 %; 30 % is 3 SD even at a step-time CV of 10 %). The default of <see cref="SteadyTolerancePercent"/>;
        /// chosen leave one subject out in docs/eval.md.
        /// </summary>
        public const int OutlierPercent = 30;

        private readonly UserSettings _settings;
        private readonly int _sampleRateHz;
        private readonly SessionRecord _current = new SessionRecord();
        private readonly SessionHistory _history;
        private readonly int[] _delay = new int[CoolDownSteps];
        private long _readPosition;
        private bool _active;
        private bool _everStepped;
        private long _lastStepMs;
        private long _nowMs;
        private uint _nextNumber = 1;
        private int _streak;
        private int _endedCount;

        private WalkDirection _intervalDirection = WalkDirection.Still;
        private long _intervalStartMs;
        private int _intervalSteps;

        private WalkDirection _boutDirection = WalkDirection.Still;
        private int _warmUp;
        private int _boutMeanMs;
        private int _boutSteps;
        private long _boutSumMs;
        private int _boutLastMs;
        private long _boutStrideSumMs;
        private long _boutStrideSquaresMs2;
        private long _boutOddSumMs;
        private int _boutOddSteps;
        private int _delayCount;
        private int _delayNext;

        public SessionRecorder(UserSettings settings, int sampleRateHz, int historyCapacity)
        {
            _settings = settings ?? new UserSettings();
            _sampleRateHz = sampleRateHz > 0 ? sampleRateHz : 100;
            _history = new SessionHistory(historyCapacity);
        }

        public UserSettings Settings { get { return _settings; } }

        /// <summary>Tolerance around the bout's running mean step time, % (<see cref="OutlierPercent"/>; the evaluation varies it).</summary>
        public int SteadyTolerancePercent = OutlierPercent;

        /// <summary>True while a session is running.</summary>
        public bool Active { get { return _active; } }

        /// <summary>The running session (meaningful while <see cref="Active"/>).</summary>
        public SessionRecord Current { get { return _current; } }

        /// <summary>A session is running that would be kept if it ended now (started by command, or long enough).</summary>
        public bool CurrentWouldBeKept
        {
            get { return _active && (_current.StartedByCommand || _current.DurationMs >= _settings.MinAutoSessionS * 1000L); }
        }

        /// <summary>The last finished sessions, oldest first.</summary>
        public SessionHistory History { get { return _history; } }

        /// <summary>Sessions finished and kept since construction (the loop saves when it changes).</summary>
        public int EndedCount { get { return _endedCount; } }

        /// <summary>Number the next session will get.</summary>
        public uint NextNumber { get { return _nextNumber; } set { _nextNumber = value == 0 ? 1 : value; } }

        /// <summary>Time of the last credited step on the sample clock, ms.</summary>
        public long LastStepMs { get { return _lastStepMs; } }

        /// <summary>The sample clock at the last <see cref="Update"/>, ms.</summary>
        public long NowMs { get { return _nowMs; } }

        /// <summary>Direction of the interval in progress (Still when none).</summary>
        public WalkDirection IntervalDirection { get { return _intervalDirection; } }

        /// <summary>Start of the interval in progress on the sample clock, ms.</summary>
        public long IntervalStartMs { get { return _intervalStartMs; } }

        /// <summary>True when the last step was less than <see cref="IntervalGapMs"/> ago.</summary>
        public bool Walking { get { return _everStepped && _nowMs - _lastStepMs < IntervalGapMs; } }

        /// <summary>Once per loop: books the steps credited since the last call, then ends a session after the rest time.</summary>
        public void Update(StepLog log, long nowSample, uint nowEpochS)
        {
            _nowMs = ToMs(nowSample + SampleOffset);
            long sample;
            int steps;
            int intervalSamples;
            WalkDirection direction;
            int lost;
            while (log.Read(ref _readPosition, out sample, out steps, out intervalSamples, out direction, out lost))
            {
                if (lost > 0 && _active)
                {
                    _current.StepsLost = Dsp.Saturating.Add(_current.StepsLost, lost);
                }

                OnCredit(ToMs(sample + SampleOffset), steps, ToMs(intervalSamples), direction, nowEpochS);
            }

            if (_active)
            {
                long lastActivity = _lastStepMs > _current.StartMs ? _lastStepMs : _current.StartMs;
                if (_nowMs - lastActivity >= _settings.RestToEndS * 1000L)
                {
                    End(lastActivity, false);
                }
            }
        }

        /// <summary>Starts a session now (button double press, Control Point); ends the running one first.</summary>
        public void StartByCommand(long nowSample, uint nowEpochS)
        {
            _nowMs = ToMs(nowSample + SampleOffset);
            if (_active)
            {
                End(_nowMs, true);
            }

            Begin(_nowMs, nowEpochS, true);
        }

        /// <summary>Ends the running session now; false when none was running.</summary>
        public bool EndByCommand(long nowSample)
        {
            _nowMs = ToMs(nowSample + SampleOffset);
            if (!_active)
            {
                return false;
            }

            End(_nowMs, true);
            return true;
        }

        /// <summary>
        /// Ends the steady bout in progress (kept if long enough) and restarts the warm-up, so the steps that follow
        /// until the next <see cref="Update"/> after the call are not used for steadiness: for a turn known from
        /// elsewhere (the evaluation's labelled U-turns; the device has no turn detector yet).
        /// </summary>
        public void BreakSteadyBout()
        {
            FlushBout();
            _warmUp = WarmUpSteps;
        }

        /// <summary>
        /// Samples before the current tracker's first (added to every sample index it is given): a rebuilt tracker
        /// counts its samples from 0 again, the session clock must not go back (see <see cref="SessionSource.Update"/>).
        /// </summary>
        public long SampleOffset;

        /// <summary>Reads a new log (a rebuilt tracker's) from its first step.</summary>
        public void ReadNewLog()
        {
            _readPosition = 0;
        }

        /// <summary>Skips steps already in the log (e.g. after the tracker was rebuilt with a new log).</summary>
        public void Resync(StepLog log)
        {
            _readPosition = log.Written;
        }

        private long ToMs(long samples)
        {
            return samples * 1000 / _sampleRateHz;
        }

        private void OnCredit(long stepMs, int steps, long creditMs, WalkDirection direction, uint nowEpochS)
        {
            long beganMs = stepMs - creditMs;
            bool newWalk = steps > 1 || !_everStepped || beganMs - _lastStepMs > IntervalGapMs;
            if (!_active)
            {
                if (!_everStepped || beganMs - _lastStepMs >= _settings.IdleToStartS * 1000L)
                {
                    Begin(beganMs, nowEpochS, false);
                }
                else
                {
                    _everStepped = true;
                    _lastStepMs = stepMs;
                    return;
                }
            }

            _everStepped = true;
            SessionRecord s = _current;
            if (newWalk || direction != _intervalDirection)
            {
                CloseInterval();
                _intervalDirection = direction;
                _intervalStartMs = beganMs < s.StartMs ? s.StartMs : beganMs;
                _intervalSteps = 0;
            }

            _intervalSteps = Dsp.Saturating.Add(_intervalSteps, steps);
            bool backward = direction == WalkDirection.Backward;
            int cadence = creditMs > 0 ? (int)(steps * 60000L / creditMs) : 0;
            long milliKcal = EnergyModel.MilliKcal(EnergyModel.MetX10(cadence, backward), _settings.BodyMassKg, creditMs);
            if (backward)
            {
                s.BackwardSteps = Dsp.Saturating.Add(s.BackwardSteps, steps);
                s.BackwardMs += creditMs;
                s.BackwardMilliKcal += milliKcal;
                _streak = newWalk ? steps : Dsp.Saturating.Add(_streak, steps);
                if (_streak > s.LongestBackwardStreakSteps)
                {
                    s.LongestBackwardStreakSteps = _streak;
                }
            }
            else
            {
                s.ForwardSteps = Dsp.Saturating.Add(s.ForwardSteps, steps);
                s.ForwardMs += creditMs;
                s.ForwardMilliKcal += milliKcal;
                _streak = 0;
            }

            if (steps == 1 && !newWalk)
            {
                OnStepTime(direction, (int)creditMs);
            }
            else
            {
                // A new walk: the steps credited at once (the detector's confirmation) count toward the warm-up.
                FlushBout();
                _boutDirection = direction;
                _warmUp = WarmUpSteps - (steps - 1);
                if (_warmUp < 0)
                {
                    _warmUp = 0;
                }
            }

            _lastStepMs = stepMs;
            s.DurationMs = stepMs - s.StartMs;
        }

        private void Begin(long startMs, uint nowEpochS, bool byCommand)
        {
            SessionRecord s = _current;
            s.Reset();
            s.StartMs = startMs;
            s.StartedByCommand = byCommand;
            if (nowEpochS != 0)
            {
                long ago = (_nowMs - startMs) / 1000;
                s.StartEpochS = ago > 0 && ago < nowEpochS ? nowEpochS - (uint)ago : nowEpochS;
            }

            _active = true;
            _intervalDirection = WalkDirection.Still;
            _intervalSteps = 0;
            _streak = 0;
            ResetBout();
            _boutDirection = WalkDirection.Still;
        }

        private void End(long endMs, bool byCommand)
        {
            SessionRecord s = _current;
            CloseInterval();
            FlushBout();
            s.DurationMs = endMs - s.StartMs;
            s.EndedByCommand = byCommand;
            _active = false;
            _intervalDirection = WalkDirection.Still;
            bool keep = s.StartedByCommand || byCommand || s.DurationMs >= _settings.MinAutoSessionS * 1000L;
            if (keep)
            {
                s.Number = _nextNumber++;
                _history.Add(s);
                _endedCount++;
            }
        }

        private void CloseInterval()
        {
            if (_intervalDirection == WalkDirection.Still || _intervalSteps == 0)
            {
                return;
            }

            SessionRecord s = _current;
            int i = s.IntervalTotal;
            if (i < SessionRecord.MaxIntervals)
            {
                s.IntervalDirection[i] = (byte)_intervalDirection;
                s.IntervalStartMs[i] = _intervalStartMs - s.StartMs;
                s.IntervalDurationMs[i] = _lastStepMs - _intervalStartMs;
                s.IntervalSteps[i] = _intervalSteps;
            }

            s.IntervalTotal = i + 1;
            _intervalSteps = 0;
        }

        private void OnStepTime(WalkDirection direction, int stepMs)
        {
            if (direction != _boutDirection)
            {
                // A turn: what follows starts a new bout after the warm-up.
                FlushBout();
                _boutDirection = direction;
                _warmUp = WarmUpSteps;
            }

            if (_warmUp > 0)
            {
                _warmUp--;
                return;
            }

            int tolerance = SteadyTolerancePercent;
            if (_boutMeanMs > 0 && (stepMs * 100 < _boutMeanMs * (100 - tolerance) || stepMs * 100 > _boutMeanMs * (100 + tolerance)))
            {
                // A missed or split step: the bout ends before it, the step itself is not used.
                FlushBout();
                _boutDirection = direction;
                return;
            }

            _boutMeanMs = _boutMeanMs == 0 ? stepMs : _boutMeanMs + (stepMs - _boutMeanMs) / 8;
            if (_delayCount == CoolDownSteps)
            {
                int oldest = _delay[_delayNext];
                _boutSteps++;
                _boutSumMs += oldest;
                if (_boutSteps > 1)
                {
                    long stride = _boutLastMs + oldest;
                    _boutStrideSumMs += stride;
                    _boutStrideSquaresMs2 += stride * stride;
                }

                _boutLastMs = oldest;
                if ((_boutSteps & 1) == 1)
                {
                    _boutOddSumMs += oldest;
                    _boutOddSteps++;
                }
            }
            else
            {
                _delayCount++;
            }

            _delay[_delayNext] = stepMs;
            _delayNext = (_delayNext + 1) % CoolDownSteps;
        }

        private void FlushBout()
        {
            if (_boutSteps >= MinBoutSteps && _active)
            {
                Steadiness target = _boutDirection == WalkDirection.Backward ? _current.BackwardSteadiness : _current.ForwardSteadiness;
                target.AddBout(_boutSteps, _boutSumMs, _boutStrideSumMs, _boutStrideSquaresMs2, _boutOddSumMs, _boutOddSteps);
            }

            ResetBout();
        }

        private void ResetBout()
        {
            _boutMeanMs = 0;
            _boutSteps = 0;
            _boutSumMs = 0;
            _boutLastMs = 0;
            _boutStrideSumMs = 0;
            _boutStrideSquaresMs2 = 0;
            _boutOddSumMs = 0;
            _boutOddSteps = 0;
            _delayCount = 0;
            _delayNext = 0;
        }
    }
}
