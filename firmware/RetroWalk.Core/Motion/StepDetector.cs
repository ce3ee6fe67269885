using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Dsp;

namespace RetroWalk.Core.Motion
{
    /// <summary>
    /// Finds steps in the acceleration magnitude (|a| - g, which no rotation of the clip changes), gates them by
    /// regularity as good pedometers do, and tells forward steps from backward ones with the inverted-pendulum cue.
    ///
    /// Steps: the magnitude, low-passed by two stages, swings once per step; a step is a peak confirmed once the
    /// signal has fallen a threshold below it (a quarter of the recent swing, never under
    /// <see cref="MinSwingThresholdMilliG"/>). The vertical acceleration is used only for the gait's trough depth
    /// (running or walking) and the vertical velocity of the direction cue. A walk starts only after
    /// <see cref="TrackerConfig.StepsToStartWalk"/> regular steps in a row, which are then credited together; isolated
    /// jolts, arm waving, driving and desk work never reach that.
    ///
    /// Direction: in walking the trunk vaults over the stance leg, rising and slowing in its direction of travel, then
    /// falling and speeding up; so vertical velocity and acceleration along the travel direction are anti-correlated,
    /// whatever the direction of travel. Summed over a stride (two steps, cancelling left/right differences) against
    /// the device's forward axis, the sign says forward or backward. In running (spring-mass gait, the body is lowest
    /// at mid-stance) the relation flips, so the gait is classified from the depth of the vertical acceleration's
    /// trough: a flight phase is free fall, deeper than any walk's.
    /// </summary>
    public sealed class StepDetector
    {
        /// <summary>Low-pass of the vertical acceleration used for the gait's trough depth (keeps a flight phase).</summary>
        public const int LowPassTimeConstantMs = 40;

        /// <summary>
        /// Low-pass of the magnitude used for step timing: two 80 ms stages keep the 1.5-3 Hz step rhythm and smooth
        /// away heel-strike ringing, which would otherwise split one step into several peaks.
        /// </summary>
        public const int MagnitudeLowPassMs = 80;

        /// <summary>The peak-valley threshold is the recent swing divided by 2^ThresholdShift (a quarter).</summary>
        private const int ThresholdShift = 2;
        public const int VelocityLeakTimeConstantMs = 320;
        public const int MinStepMs = 250;
        /// <summary>Longest step of a normal-speed candidate run (60 steps/min); slower runs must pass stricter gating.</summary>
        public const int MaxStepMs = 1000;

        /// <summary>
        /// Absolute step-time ceiling: the slowest clinical cadence, ~40 steps/min (1500 ms), plus its step-time spread
        /// (CV up to ~6 % in slow and older walkers, Hausdorff 2001: 3 SD is ~20 %).
        /// </summary>
        public const int SlowestStepMs = 1800;

        /// <summary>
        /// Before a walk is confirmed, a step slower than <see cref="MaxStepMs"/> must match both the previous step and
        /// the same leg's previous step this closely: steady slow walkers keep step-time CV ~3-6 % (Hausdorff 2001), so
        /// 15 % is ~3 SD, while jolts at a slow, loose rhythm (driving, desk work) rarely stay that regular.
        /// </summary>
        public const int SlowTolerancePercent = 15;

        /// <summary>Smallest hysteresis half-band: below this swing nothing is a step (quiet sitting, desk work).</summary>
        public const int MinSwingThresholdMilliG = 50;

        /// <summary>Consecutive step intervals may differ by this share of the previous one and still be regular.</summary>
        public const int RegularityTolerancePercent = 35;

        /// <summary>While a walk is not yet confirmed, a step interval may differ from the same leg's previous one by this share.</summary>
        public const int SameLegTolerancePercent = 25;

        /// <summary>
        /// Depth of the vertical acceleration's trough (below gravity, low-passed) above which a gait is running: a
        /// flight phase is free fall, -1 g, while a walk's trough (the top of the pendulum arc) stays near -0.5 g.
        /// </summary>
        public const int RunTroughMilliG = 650;

        /// <summary>Hysteresis on <see cref="RunTroughMilliG"/> so the gait does not flicker step to step.</summary>
        public const int RunTroughHysteresisMilliG = 100;

        /// <summary>
        /// Cadence at which a moderately deep trough (<see cref="JogTroughMilliG"/>) is a slow, grounded jog rather
        /// than a brisk walk: people change from walking to running at about 140-150 steps/min (Froude number ~0.5).
        /// </summary>
        public const int JogCadenceSpm = 150;

        public const int JogTroughMilliG = 450;

        /// <summary>Below this cadence a running gait with a moderately shallow trough has slowed into a walk.</summary>
        public const int WalkCadenceSpm = 140;

        /// <summary>
        /// Low-pass of the trunk's yaw rate for the turn cue: about half a stride, so the pelvis's own rotation in
        /// straight walking (zero mean, stride frequency) averages out while a turn's steady rotation stays.
        /// </summary>
        public const int TurnLowPassMs = 320;

        private const int CueProductShift = 6;
        private const int VelocityScaleShift = 4;
        private const int NoStep = -1;

        private readonly MotionFrame _frame;
        private readonly int _stepsToStart;
        private readonly int _lowPassShift;
        private readonly int _magnitudeShift;
        private int _stepShift;
        private int _floorCounts;
        private bool _slow;
        private readonly int _slowModeSamples;
        private readonly int _slowSwingMaxCounts;
        private readonly int _slowRefractoryPercent;
        private readonly int _firstStepTimeoutSamples;
        private readonly int _fastModeSamples;
        private readonly int _leakShift;
        private readonly int _minStepSamples;
        private readonly int _maxStepSamples;
        private readonly int _slowestStepSamples;
        private readonly int _minThresholdCounts;
        private readonly int _runTroughCounts;
        private readonly int _runHysteresisCounts;
        private readonly int _jogTroughCounts;
        private readonly int _jogHysteresisCounts;
        private readonly int _jogIntervalSamples;
        private readonly int _walkIntervalSamples;
        private readonly int _boutTimeoutPercent;
        private readonly int _boutRefractoryPercent;
        private readonly int _turnShift;
        private readonly int _turnCounts;
        private readonly int _boutShare32;
        private readonly int _boutFloorCounts;
        private readonly int _initiationPercent;
        private readonly int _closingSteps;
        private readonly int _closingRiseCounts;
        private int _tailRise;
        private long _peakSample;
        private long _lastPeakSample;
        private int _boutFirstInterval;
        private int _yawLp;
        private bool _turning;
        private int _troughAvg;
        private int _gaitStepSixteenths;
        // Steps in a row (up to 3) taken with the trunk not turning: a stride read along a turning axis says little.
        private int _straightSteps;

        // Filter state.
        private int _lp1;
        private int _lp2;
        private int _vlp1;
        private int _vlp2;
        private int _velocity;
        private int _leaked;
        private bool _rising;
        private int _extreme;
        private long _riseSample;
        private int _valley;
        private int _swing;
        private int _swingAvg;
        private int _verticalMin;

        // Direction cue accumulated over the current step (device axes, scaled), and that of the step just ended
        // (kept as a vector for learning an unknown forward axis).
        private int _cueX;
        private int _cueY;
        private int _cueZ;
        private int _cueXStep;
        private int _cueYStep;
        private int _cueZStep;

        // Step timing.
        private long _sample;
        private long _lastStepSample = NoStep;
        private int _lastIntervalSamples;
        private int _timeoutSamples;
        // _lastStepSample + _timeoutSamples (long.MaxValue without a step): the per-sample timeout test is one compare.
        private long _stepDeadline = long.MaxValue;
        private int _previousIntervalSamples;
        private int _meanIntervalSamples;
        private int _lastStepCue;
        private int _previousStepCue;
        private int _cueBeforePrevious;

        // Walk gating. A bout is a run of step candidates with no pause longer than the step timeout; once a walk is
        // confirmed inside it, every candidate of the bout is a step: those before the confirmation are credited with it
        // (the starting steps and a turn's irregular steps), those after a break are credited as they come (a turn, the
        // slowing last steps).
        private bool _walking;
        private bool _boutConfirmed;
        private int _boutMeanSamples;
        private WalkDirection _boutDirection;
        private int _uncreditedSteps;
        private int _uncreditedSamples;
        private int _pendingSteps;
        private int _pendingSamples;
        private long _pendingCueX;
        private long _pendingCueY;
        private long _pendingCueZ;

        /// <summary>Direction of the steps credited by the last <see cref="Update"/> that returned a count.</summary>
        public WalkDirection CreditedDirection;

        /// <summary>Duration in samples covered by the steps credited last.</summary>
        public int CreditedSamples;

        /// <summary>
        /// True when the steps credited last were credited at a bout's end: the held-back steps and the closing step of a
        /// stop, credited a pause after the walk's last step (the wearer is standing by then, not walking).
        /// </summary>
        public bool CreditedAtBoutEnd;

        /// <summary>With <see cref="CreditedAtBoutEnd"/>: the sample of the bout's last step (when its steps were taken).</summary>
        public long CreditedStepSample;

        /// <summary>Mean step interval of the current walk in samples (0 when not walking).</summary>
        public int MeanIntervalSamples
        {
            get { return _walking ? _meanIntervalSamples : 0; }
        }

        public bool Walking
        {
            get { return _walking; }
        }

        /// <summary>True when the last credited step was classified as running.</summary>
        public bool Running;

        public StepDetector(TrackerConfig config, MotionFrame frame)
            : this(config, frame, null)
        {
        }

        /// <summary>A detector with other bout thresholds (<paramref name="tuning"/> null: the defaults).</summary>
        public StepDetector(TrackerConfig config, MotionFrame frame, StepTuning tuning)
        {
            if (tuning == null)
            {
                tuning = new StepTuning();
            }

            _boutTimeoutPercent = tuning.BoutTimeoutPercent;
            _boutRefractoryPercent = tuning.BoutRefractoryPercent;
            _boutShare32 = tuning.BoutShare32;
            _initiationPercent = tuning.InitiationPercent;
            _closingSteps = tuning.ClosingSteps;
            _frame = frame;
            SensorConfig sensor = config.Sensor;
            _stepsToStart = config.StepsToStartWalk < 1 ? 1 : config.StepsToStartWalk;
            _lowPassShift = TimeConstants.EmaShift(LowPassTimeConstantMs, sensor.SampleRateHz);
            _magnitudeShift = TimeConstants.EmaShift(MagnitudeLowPassMs, sensor.SampleRateHz);
            _leakShift = TimeConstants.EmaShift(VelocityLeakTimeConstantMs, sensor.SampleRateHz);
            _minStepSamples = sensor.MsToSamples(MinStepMs);
            _maxStepSamples = sensor.MsToSamples(MaxStepMs);
            _slowestStepSamples = sensor.MsToSamples(SlowestStepMs);
            _minThresholdCounts = MinSwingThresholdMilliG * sensor.AccelCountsPerG / 1000;
            _floorCounts = _minThresholdCounts;
            _stepShift = _magnitudeShift;
            _slowModeSamples = sensor.MsToSamples(tuning.SlowModeMs);
            _slowSwingMaxCounts = tuning.SlowSwingMaxMilliG * sensor.AccelCountsPerG / 1000;
            _slowRefractoryPercent = tuning.SlowRefractoryPercent;
            _firstStepTimeoutSamples = sensor.MsToSamples(tuning.FirstStepTimeoutMs);
            _fastModeSamples = sensor.MsToSamples(tuning.FastModeMs);
            _runTroughCounts = RunTroughMilliG * sensor.AccelCountsPerG / 1000;
            _runHysteresisCounts = RunTroughHysteresisMilliG * sensor.AccelCountsPerG / 1000;
            _jogTroughCounts = JogTroughMilliG * sensor.AccelCountsPerG / 1000;
            _jogHysteresisCounts = tuning.JogHysteresisMilliG * sensor.AccelCountsPerG / 1000;
            _jogIntervalSamples = 60 * sensor.SampleRateHz / JogCadenceSpm;
            _walkIntervalSamples = 60 * sensor.SampleRateHz / WalkCadenceSpm;
            _turnShift = TimeConstants.EmaShift(TurnLowPassMs, sensor.SampleRateHz);
            _turnCounts = tuning.TurnRateDps * sensor.GyroCountsPer10Dps / 10;
            _boutFloorCounts = tuning.BoutFloorMilliG * sensor.AccelCountsPerG / 1000;
            _closingRiseCounts = tuning.ClosingRiseMilliG * sensor.AccelCountsPerG / 1000;
        }

        /// <summary>
        /// Feeds one sample (after <see cref="MotionFrame.Update"/>) with its magnitude deviation |a| - g in counts and
        /// the angular rate about the vertical (yaw, gyro counts; 0 without a gyroscope).
        /// Returns the number of steps credited now: 0 most of the time, <see cref="TrackerConfig.StepsToStartWalk"/>
        /// when a walk is confirmed, 1 per step during a walk.
        /// </summary>
        [PerSample]
        public int Update(int ax, int ay, int az, int magnitude, int yaw)
        {
            _sample++;
            MotionFrame f = _frame;
            _yawLp += (yaw - _yawLp) >> _turnShift;
            _turning = _turnCounts != 0 && (_yawLp > _turnCounts || _yawLp < -_turnCounts);

            // Vertical swing (gait classification) and vertical velocity (direction cue).
            _vlp1 += (f.Vertical - _vlp1) >> _lowPassShift;
            _vlp2 += (_vlp1 - _vlp2) >> _lowPassShift;
            // Integrating the unfiltered vertical acceleration keeps velocity a quarter period behind it; a low-pass
            // here would delay it further and blur the cue at running cadence. The leak (needed against drift) alone
            // would leave it atan(1/ωτ) short of a quarter period (15° at 110 steps/min), which reads any fore-aft
            // acceleration in phase with the vertical (trunk pitch, a tilted clip) as a cue of one sign whatever the
            // direction of travel: adding back the leaked part, itself leakily integrated, cuts that error to ~2/(ωτ)³.
            _velocity += f.Vertical - (_velocity >> _leakShift);
            _leaked += _velocity - (_leaked >> _leakShift);
            if (_vlp2 < _verticalMin)
            {
                _verticalMin = _vlp2;
            }

            int v = (_velocity + (_leaked >> _leakShift)) >> (VelocityScaleShift + 1);
            _cueX += (v * (ax - f.GravityX)) >> CueProductShift;
            _cueY += (v * (ay - f.GravityY)) >> CueProductShift;
            _cueZ += (v * (az - f.GravityZ)) >> CueProductShift;

            // Step timing from the acceleration magnitude (|a| - g), which no rotation of the clip (or of a thigh) changes.
            _lp1 += (magnitude - _lp1) >> _stepShift;
            _lp2 += (_lp1 - _lp2) >> _stepShift;
            int s = _lp2;

            // Peak-valley detector: a peak is confirmed once the signal has fallen a threshold below it, a valley once
            // it has risen a threshold above it; each confirmed peak is a step candidate. Independent of the baseline,
            // so a step riding on a slower swing (the pocket leg's stride) still counts.
            int threshold;
            if (_boutConfirmed && (_turning || !_walking))
            {
                // A confirmed bout turning or losing its rhythm (a turn's pivot steps, a stop's last steps): small humps
                // are steps, and the bout refractory period (OnStep) keeps a step's second hump out.
                threshold = (_swingAvg * _boutShare32) >> 5;
                if (threshold < _boutFloorCounts)
                {
                    threshold = _boutFloorCounts;
                }
            }
            else
            {
                threshold = _swingAvg >> ThresholdShift;
                if (threshold < _floorCounts)
                {
                    threshold = _floorCounts;
                }
            }

            int credited = 0;
            if (_rising)
            {
                if (s > _extreme)
                {
                    _extreme = s;
                    _peakSample = _sample;
                }
                else if (s < _extreme - threshold)
                {
                    _rising = false;
                    _swing = _extreme - _valley;
                    _extreme = s;
                    credited = OnStep();
                    CreditedAtBoutEnd = false;
                    _tailRise = 0;
                    _timeoutSamples = StepTimeout();
                    _stepDeadline = _lastStepSample == NoStep ? long.MaxValue : _lastStepSample + _timeoutSamples;
                }
            }
            else
            {
                if (s < _extreme)
                {
                    _extreme = s;
                }
                else if (s > _extreme + threshold)
                {
                    _rising = true;
                    _valley = _extreme;
                    _extreme = s;
                    _riseSample = _sample;
                    _peakSample = _sample;
                }
                else if (s - _extreme > _tailRise)
                {
                    // The largest rise since the last peak that is no step of its own: at a stop, the closing step's
                    // (EndBout).
                    _tailRise = s - _extreme;
                }
            }

            if (_sample > _stepDeadline && !(_turning && _boutConfirmed)
                && !(_slow && _rising && _riseSample - _lastStepSample <= _timeoutSamples && _sample - _lastStepSample <= 2 * _timeoutSamples))
            {
                // No step for too long for this walk's own rhythm: the walk (or the candidate run) is over. (In a slow
                // walk a step that rose in time but whose broad top is confirmed late is awaited, up to twice as long.)
                if (_boutConfirmed)
                {
                    credited = EndBout();
                }

                _walking = false;
                _boutConfirmed = false;
                _uncreditedSteps = 0;
                _uncreditedSamples = 0;
                _pendingSteps = 0;
                _lastStepSample = NoStep;
                _stepDeadline = long.MaxValue;
                _lastIntervalSamples = 0;
                _previousIntervalSamples = 0;
                _swingAvg = 0;
                _troughAvg = 0;
                SetSlow(false);
            }

            return credited;
        }

        /// <summary>
        /// The end of a bout that held a confirmed walk: its held-back steps (a turn, the slowing last steps) are steps,
        /// in the direction of its last walk; with none held back, a stop's closing step (<see cref="StepTuning.ClosingSteps"/>).
        /// </summary>
        private int EndBout()
        {
            int steps = _uncreditedSteps;
            if (steps < _closingSteps && !_rising && _tailRise >= _closingRiseCounts)
            {
                // The closing step of a stop: the trunk, already braked, does not vault over it, but comes up from the
                // last step's shallow trough by a rise that never reaches the hysteresis (a walk cut off in full stride
                // rises by half a swing and crosses it: no closing step).
                steps = _closingSteps;
            }

            CreditedDirection = _boutDirection;
            CreditedSamples = _uncreditedSamples;
            CreditedAtBoutEnd = true;
            CreditedStepSample = _lastStepSample;
            return steps;
        }

        /// <summary>
        /// A slow walk (a candidate step slower than <see cref="StepTuning.SlowModeMs"/> with a swing under
        /// <see cref="StepTuning.SlowSwingMaxMilliG"/>) is timed on a smoother signal (twice the magnitude low-pass, 160 ms) with
        /// the bouts' small-swing floor (<see cref="StepTuning.BoutFloorMilliG"/>): its steps lift the trunk little and
        /// in several humps (the foot contact, then the push of a long double support). A step faster than
        /// <see cref="StepTuning.FastModeMs"/>, or the end of the run, returns to the normal detector.
        /// </summary>
        private void SetSlow(bool slow)
        {
            _slow = slow;
            _stepShift = slow ? _magnitudeShift + 1 : _magnitudeShift;
            _floorCounts = slow ? _boutFloorCounts : _minThresholdCounts;
        }

        /// <summary>
        /// How long without a step ends the walk: 1.5 times the walk's own step time (or the candidate run's last one),
        /// never below <see cref="MaxStepMs"/> nor above <see cref="SlowestStepMs"/>. At normal cadence (step time up to
        /// ~670 ms) this is the former fixed 1000 ms; a slow walk is no longer ended between its own steps.
        /// </summary>
        private int StepTimeout()
        {
            int expected = _walking ? _meanIntervalSamples : _lastIntervalSamples;
            if (expected == 0)
            {
                // The first candidate of a run: the next step may come as late as the slowest cadence's.
                return _firstStepTimeoutSamples;
            }

            int timeout = _boutConfirmed ? _boutMeanSamples * _boutTimeoutPercent / 100 : expected * 3 / 2;
            if (timeout < _maxStepSamples)
            {
                return _maxStepSamples;
            }

            return timeout > _slowestStepSamples ? _slowestStepSamples : timeout;
        }

        private int OnStep()
        {
            // A slow step is timed at its rise (the foot contact), where the signal is steep; its broad top is not.
            long stamp = _slow ? _riseSample : _sample;
            int interval = _lastStepSample == NoStep ? 0 : (int)(stamp - _lastStepSample);
            if (interval != 0 && interval < _minStepSamples)
            {
                // Too fast to be a step: a bounce inside the same step; it keeps accumulating.
                return 0;
            }

            if (_slow && _swing >= _slowSwingMaxCounts)
            {
                // A full-size swing is no slow walk's: back to the normal detector (a walk faster than the slow mode's
                // refractory period would otherwise lose every other step).
                SetSlow(false);
            }
            else if (_slow && interval * 100 < (_walking ? _meanIntervalSamples : _lastIntervalSamples) * _slowRefractoryPercent)
            {
                // Refractory period of a slow walk: a steady step time does not shorten by 40 % from one step to the
                // next, so a hump that soon is the same step (the impact, then the push of a long double support).
                return 0;
            }

            if (_boutConfirmed && (!_walking || _turning) && (_peakSample - _lastPeakSample) * 100 < (long)_boutMeanSamples * _boutRefractoryPercent)
            {
                // After a walk's rhythm broke (a turn, the last steps): a hump this soon after the last step's is the same
                // step (timed peak to peak: a small hump is confirmed sooner after its top than a large one).
                return 0;
            }

            _lastPeakSample = _peakSample;

            if (_lastStepSample == NoStep)
            {
                _boutFirstInterval = 0;
            }
            else if (_boutFirstInterval == 0)
            {
                _boutFirstInterval = interval;
            }

            _lastStepSample = stamp;
            if (!_slow && interval > _slowModeSamples && _swing < _slowSwingMaxCounts && !(_boutConfirmed && _boutMeanSamples < _slowModeSamples))
            {
                // From now on steps are timed at their rise: this one too, so the next interval is like for like.
                SetSlow(true);
                _lastStepSample = _riseSample;
            }
            else if (interval != 0 && interval < _fastModeSamples)
            {
                SetSlow(false);
            }

            int swing = _swing;
            _swingAvg = _swingAvg == 0 ? swing : _swingAvg + ((swing - _swingAvg) >> 2);

            int trough = -_verticalMin;
            _verticalMin = 0;
            _troughAvg = _troughAvg == 0 ? trough : _troughAvg + ((trough - _troughAvg) >> 2);
            bool running = ClassifyRunning(interval);
            int cue = StepCue();
            _straightSteps = _turning ? 0 : (_straightSteps < 3 ? _straightSteps + 1 : 3);

            bool regular = interval != 0 && IsRegular(interval, _walking);
            int previousCue = _lastStepCue;
            _lastStepCue = cue;
            _cueBeforePrevious = _previousStepCue;
            _previousStepCue = previousCue;
            _previousIntervalSamples = _lastIntervalSamples;
            _lastIntervalSamples = interval;

            if (_walking)
            {
                if (regular || (interval <= _slowestStepSamples && Within(interval, _meanIntervalSamples, 50)))
                {
                    _meanIntervalSamples += (interval - _meanIntervalSamples) >> 2;
                    _boutMeanSamples = _meanIntervalSamples;
                    if (!_turning)
                    {
                        // While the trunk turns, the pendulum cue along the turning forward axis says little: the
                        // steps keep the walk's direction.
                        // A walk changes direction only when two overlapping strides agree: a reversal of travel
                        // stops first (the rhythm breaks and the next run is judged anew), while the braking of a
                        // stop's last steps flips the pendulum cue for a stride without any backward travel.
                        Running = running;
                        WalkDirection stride = DirectionOf(previousCue + cue, running);
                        // Both strides must be of steps taken straight: a turn's last steps (their cue read along a
                        // turning axis) do not flip the walk just after it.
                        if (stride != _boutDirection && _straightSteps >= 3
                            && DirectionOf((long)_cueBeforePrevious + previousCue, running) == stride)
                        {
                            _boutDirection = stride;
                        }
                    }

                    CreditedDirection = _boutDirection;
                    CreditedSamples = interval;
                    return 1;
                }

                _walking = false;
                _pendingSteps = 0;
            }

            // Not (or no longer) in a walk's rhythm: held back until a walk is confirmed in this bout (credited with it)
            // or, in a bout that held one, until the bout ends (credited then: a turn, the stop's last steps).
            _uncreditedSteps++;
            _uncreditedSamples += interval;

            if (!regular || _pendingSteps == 0)
            {
                // Start a new candidate run with this step.
                _pendingSteps = 1;
                _pendingSamples = 0;
                // Its cue spans the pause or the jolt before the run, not a step of it: the run's cue (an unknown
                // mounting's forward axis) starts with the next step.
                _pendingCueX = 0;
                _pendingCueY = 0;
                _pendingCueZ = 0;
                _meanIntervalSamples = interval;
                return 0;
            }

            _pendingSteps++;
            _pendingSamples += interval;
            _pendingCueX += _cueXStep;
            _pendingCueY += _cueYStep;
            _pendingCueZ += _cueZStep;
            _meanIntervalSamples += (interval - _meanIntervalSamples) >> 1;
            if (_pendingSteps < _stepsToStart)
            {
                return 0;
            }

            // Confirmed walk: credit the held-back steps with the direction of their summed cue.
            // The first confirmation of a bout (gait initiation): a first candidate followed too soon by the next is
            // the weight shift before the first step, not a step (the first step from standing is not a short one).
            bool initiation = !_boutConfirmed && _boutFirstInterval * 100 < _meanIntervalSamples * _initiationPercent;
            _walking = true;
            _boutMeanSamples = _meanIntervalSamples;
            _boutConfirmed = true;
            Running = running;
            if (!_frame.HasForwardAxis && _frame.LearnsForwardAxis)
            {
                // Unknown mounting: the first walk defines forward (walking: forward is against the cue).
                int sign = running ? 1 : -1;
                _frame.SetForwardDirection((int)(sign * (_pendingCueX >> 8)), (int)(sign * (_pendingCueY >> 8)), (int)(sign * (_pendingCueZ >> 8)));
                CreditedDirection = WalkDirection.Forward;
            }
            else
            {
                // The last two strides: the first steps of a walk are transitions (starting off) and say less.
                CreditedDirection = DirectionOf((long)_cueBeforePrevious + _previousStepCue + previousCue + cue, running);
            }

            _boutDirection = CreditedDirection;

            // Every candidate of the bout so far is a step: the run's own and those before it (starting off, a turn);
            // but no more of those before it than fit at three quarters of the walk's step time (the steps of a start or
            // a turn are longer, not shorter, than the steady ones; extra humps of a slow step are not steps).
            int steps = _uncreditedSteps;
            int span = _uncreditedSamples - _pendingSamples;
            CreditedSamples = _uncreditedSamples;
            if (initiation)
            {
                steps--;
                span -= _boutFirstInterval;
                CreditedSamples -= _boutFirstInterval;
            }

            int before = steps - _pendingSteps;
            if (before > 0 && _meanIntervalSamples > 0)
            {
                int fit = span * 4 / (3 * _meanIntervalSamples);
                if (before > fit)
                {
                    steps = _pendingSteps + fit;
                }
            }
            _uncreditedSteps = 0;
            _uncreditedSamples = 0;
            _pendingSteps = 0;
            return steps;
        }

        private int StepCue()
        {
            _cueXStep = _cueX;
            _cueYStep = _cueY;
            _cueZStep = _cueZ;
            _cueX = 0;
            _cueY = 0;
            _cueZ = 0;
            MotionFrame f = _frame;
            if (!f.HasForwardAxis)
            {
                return 0;
            }

            long along = (long)_cueXStep * f.ForwardX + (long)_cueYStep * f.ForwardY + (long)_cueZStep * f.ForwardZ;
            return (int)(along >> 14);
        }

        /// <summary>
        /// Running or walking, with hysteresis so a borderline gait (a slow, grounded jog; a brisk walk) does not
        /// flicker: entering running takes a flight-like trough, or a jog's cadence with a moderately deep trough;
        /// leaving it takes a shallow trough, or a moderately shallow one at a walking cadence.
        /// The cadence is the last stride's (this step and the one before it) until a walk is confirmed, then a running
        /// mean of the walk's step time seeded with it. (The gating's mean step time of a candidate run starts from its
        /// first step's zero interval and reads a few percent fast at the confirmation: a 146 steps/min walk as 150,
        /// which classed a brisk walk as a jog and held it there.)
        /// </summary>
        private bool ClassifyRunning(int interval)
        {
            int trough = _troughAvg;
            int stride = _lastIntervalSamples != 0 && interval != 0 ? (interval + _lastIntervalSamples) >> 1 : interval;
            // In 1/16 sample: an integer running mean of whole samples rounds down by up to 3/4 of a sample per step
            // (a 144 steps/min walk settled at 39 samples, a jog's cadence).
            _gaitStepSixteenths = _walking && _gaitStepSixteenths != 0
                ? _gaitStepSixteenths + (((interval << 4) - _gaitStepSixteenths) >> 2)
                : stride << 4;
            int stepSamples = (_gaitStepSixteenths + 8) >> 4;
            bool runCadence = stepSamples > 0 && stepSamples <= _jogIntervalSamples;
            if (!Running)
            {
                return trough > _runTroughCounts || (trough > _jogTroughCounts && runCadence);
            }

            bool walkCadence = stepSamples > _walkIntervalSamples;
            // At a jog's cadence a jog is left only well under the trough that entered it; below that cadence (a walk
            // at 140-150 steps/min that entered on a short stride) at once under it.
            int leave = runCadence ? _jogTroughCounts - _jogHysteresisCounts : _jogTroughCounts;
            return !(trough < leave || (trough < _runTroughCounts - _runHysteresisCounts && walkCadence));
        }

        private bool IsRegular(int interval, bool walking)
        {
            if (interval > _slowestStepSamples || (!walking && interval > _maxStepSamples && _previousIntervalSamples == 0))
            {
                return false;
            }

            if (!walking && interval > _maxStepSamples)
            {
                // A slow candidate step: as regular as a steady slow walker, against both legs' previous steps. In the
                // slow-walk mode its timing is noisier (steps timed at a gentle rise: ~70-100 ms SD on synthesized
                // 46-52 steps/min walks, 6-9 % of a step, on top of the walker's 3-6 % CV), so it is held to the
                // same-leg tolerance of every other candidate instead.
                int tol = _slow ? SameLegTolerancePercent : SlowTolerancePercent;
                return Within(interval, _lastIntervalSamples, tol)
                    && Within(interval, _previousIntervalSamples, tol);
            }

            if (_lastIntervalSamples == 0)
            {
                return true;
            }

            if (!walking && _previousIntervalSamples != 0)
            {
                // Before a walk is confirmed, each step must match the same leg's previous step closely: random jolts
                // (a car, desk work) rarely keep that rhythm for a whole run, while walking keeps it on either leg.
                return Within(interval, _previousIntervalSamples, SameLegTolerancePercent);
            }

            // Like the previous step, or like the step before it: the same leg's step, when left and right differ
            // (a phone in one trouser pocket sees its own leg's steps differently from the other leg's).
            return Within(interval, _lastIntervalSamples, RegularityTolerancePercent)
                || (_previousIntervalSamples != 0 && Within(interval, _previousIntervalSamples, RegularityTolerancePercent));
        }

        private static bool Within(int value, int reference, int tolerancePercent)
        {
            int diff = value - reference;
            if (diff < 0)
            {
                diff = -diff;
            }

            return diff * 100 <= reference * tolerancePercent;
        }

        private static WalkDirection DirectionOf(long cue, bool running)
        {
            if (cue == 0)
            {
                return WalkDirection.Forward;
            }

            bool againstCue = cue < 0;
            return (againstCue ^ running) ? WalkDirection.Forward : WalkDirection.Backward;
        }
    }
}
