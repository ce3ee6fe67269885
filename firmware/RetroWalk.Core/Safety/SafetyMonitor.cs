using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Dsp;
using RetroWalk.Core.Motion;

namespace RetroWalk.Core.Safety
{
    /// <summary>
    /// Tilt warning and fall detection from the accelerometer (and the gyroscope for stillness, when present).
    ///
    /// Upright reference: the gravity direction captured when the wearer stands still (first standstill in an upright
    /// posture, standstill right after a walk, or on request), or from the first walk if no standstill came first.
    /// Tilt: the angle between a fast gravity estimate (~80 ms) and that reference, compared as squared cosines.
    /// Fall: an impact (or a free fall) followed, within <see cref="AlarmConfig.FallSettleMs"/> of the last impact
    /// (<see cref="AlarmConfig.FallWindowMs"/> after a free fall), by the trunk lying beyond
    /// <see cref="AlarmConfig.FallTiltDeg"/> and turned by <see cref="AlarmConfig.FallTurnDeg"/> from its posture before;
    /// an impact on a device at rest is a knock. A stumble that is recovered from stays a warning at most.
    /// </summary>
    public sealed class SafetyMonitor
    {
        private readonly AlarmConfig _cfg;
        private readonly MotionFrame _frame;
        private readonly AlarmStateMachine _alarm = new AlarmStateMachine();
        private readonly int _fastShift;
        private readonly int _postureShift;

        private readonly long _impactSquared;
        private readonly long _freeFallSquared;
        private readonly int _freeFallSamples;
        private readonly int _impactMinSamples;
        private readonly int _stillGyroCounts;
        private readonly long _stillSquaredDeviation;
        private readonly int _squaredShift;
        private readonly int _stillSamplesNeeded;
        private readonly int _standAfterWalkSamples;
        private readonly int _tiltHoldSamples;
        private readonly int _tiltArmSamples;
        private readonly int _warmupSamples;
        private readonly int _fallWindowSamples;
        private readonly int _settleSamples;
        private readonly int _fallConfirmSamples;
        private readonly long _restMinSquared;
        private readonly long _restMaxSquared;
        private readonly int _uprightMountLimitQ14;
        private readonly int _cosBackwardQ14;
        private readonly int _cosForwardQ14;
        private readonly int _cosSidewaysQ14;
        private readonly int _cosBackwardClearQ14;
        private readonly int _cosForwardClearQ14;
        private readonly int _cosSidewaysClearQ14;
        private readonly int _cosFallQ14;
        private readonly int _cosTurnQ14;
        private readonly int _cosUprightQ14;

        private int _fastX;
        private int _fastY;
        private int _fastZ;
        private int _postureX;
        private int _postureY;
        private int _postureZ;
        private bool _started;
        private int _tick;

        // Upright reference (unit, Q14) and its forward and lateral axes.
        private bool _hasReference;
        private bool _referenceTrusted;
        private bool _recaptureRequested;
        private int _refX;
        private int _refY;
        private int _refZ;
        private int _refFwdX;
        private int _refFwdY;
        private int _refFwdZ;
        private bool _refHasForward;
        private bool _capturedThisStop;

        private int _stillCount;
        private long _squaredSum;
        private int _freeFallCount;
        private int _impactRun;
        private bool _impactOnRest;
        private long _lastStepSample = -1000000;

        private int _tiltOverSamples;
        private int _fallOverSamples;
        private long _fallWindowEnd = -1;
        private long _impactSample = -1;

        // Posture as the fall window opened (unit, Q14; zero when unknown).
        private int _preFallX;
        private int _preFallY;
        private int _preFallZ;
        private long _sample;

        // Last tilt evaluation, for reporting.
        private int _lastDot;
        private long _lastGravitySquared;
        private TiltDirection _lastDirection;

        public SafetyMonitor(TrackerConfig config, MotionFrame frame)
        {
            _cfg = config.Alarm;
            _frame = frame;
            SensorConfig sensor = config.Sensor;
            int g = sensor.AccelCountsPerG;
            _fastShift = TimeConstants.EmaShift(SafetyThresholds.FastGravityTimeConstantMs, sensor.SampleRateHz);
            // The posture average runs at the tilt evaluation rate (every SafetyThresholds.TiltDecimation samples).
            _postureShift = TimeConstants.EmaShift(SafetyThresholds.PostureTimeConstantMs, sensor.SampleRateHz / SafetyThresholds.TiltDecimation);

            long impact = (long)_cfg.FallImpactMilliG * g / 1000;
            _impactSquared = impact * impact;
            long freeFall = (long)_cfg.FreeFallMilliG * g / 1000;
            _freeFallSquared = freeFall * freeFall;
            _freeFallSamples = sensor.MsToSamples(_cfg.FreeFallMs);
            _impactMinSamples = sensor.MsToSamples(_cfg.FallImpactMinMs);
            _stillGyroCounts = SafetyThresholds.StillGyroDps * sensor.GyroCountsPer10Dps / 10;
            _stillSquaredDeviation = 2L * g * (SafetyThresholds.StillMilliG * g / 1000);
            _squaredShift = TimeConstants.EmaShift(MotionFrame.GravityTimeConstantMs, sensor.SampleRateHz);
            _stillSamplesNeeded = sensor.MsToSamples(SafetyThresholds.StillMs);
            _standAfterWalkSamples = sensor.MsToSamples(SafetyThresholds.StandAfterWalkMs);
            _tiltHoldSamples = sensor.MsToSamples(_cfg.TiltHoldMs);
            _tiltArmSamples = sensor.MsToSamples(_cfg.TiltArmAfterWalkMs);
            _warmupSamples = sensor.MsToSamples(MotionFrame.GravityTimeConstantMs);
            _fallWindowSamples = sensor.MsToSamples(_cfg.FallWindowMs);
            _settleSamples = sensor.MsToSamples(_cfg.FallSettleMs);
            _fallConfirmSamples = sensor.MsToSamples(_cfg.FallConfirmMs);
            long restMin = (long)g * (1000 - SafetyThresholds.RestToleranceMilliG) / 1000;
            long restMax = (long)g * (1000 + SafetyThresholds.RestToleranceMilliG) / 1000;
            _restMinSquared = restMin * restMin;
            _restMaxSquared = restMax * restMax;
            _uprightMountLimitQ14 = AngleTable.CosDegQ14(90 - SafetyThresholds.UprightMountToleranceDeg);
            _cosBackwardQ14 = AngleTable.CosDegQ14(_cfg.TiltWarnBackwardDeg);
            _cosForwardQ14 = AngleTable.CosDegQ14(_cfg.TiltWarnForwardDeg);
            _cosSidewaysQ14 = AngleTable.CosDegQ14(_cfg.TiltWarnSidewaysDeg);
            _cosBackwardClearQ14 = AngleTable.CosDegQ14(_cfg.TiltWarnBackwardDeg - _cfg.TiltHysteresisDeg);
            _cosForwardClearQ14 = AngleTable.CosDegQ14(_cfg.TiltWarnForwardDeg - _cfg.TiltHysteresisDeg);
            _cosSidewaysClearQ14 = AngleTable.CosDegQ14(_cfg.TiltWarnSidewaysDeg - _cfg.TiltHysteresisDeg);
            _cosFallQ14 = AngleTable.CosDegQ14(_cfg.FallTiltDeg);
            _cosTurnQ14 = AngleTable.CosDegQ14(_cfg.FallTurnDeg);
            _cosUprightQ14 = AngleTable.CosDegQ14(SafetyThresholds.UprightReportDeg);
        }

        public AlarmStateMachine Alarm
        {
            get { return _alarm; }
        }

        /// <summary>True once an upright reference has been captured.</summary>
        public bool HasReference
        {
            get { return _hasReference; }
        }

        /// <summary>True while the wearer has been still for <see cref="SafetyThresholds.StillMs"/>.</summary>
        public bool Still
        {
            get { return _stillCount >= _stillSamplesNeeded; }
        }

        /// <summary>Trunk angle from the upright reference at the last evaluation, in tenths of a degree (0 without a reference).</summary>
        public int TiltDeciDeg
        {
            get
            {
                if (!_hasReference || _lastGravitySquared <= 0)
                {
                    return 0;
                }

                long norm = FixedMath.Isqrt64(_lastGravitySquared);
                int cos = (int)(((long)_lastDot << 14) / norm);
                return AngleTable.AcosDeciDeg(cos);
            }
        }

        public TiltDirection TiltDirection
        {
            get { return _lastDirection; }
        }

        /// <summary>Takes the next standstill as the upright reference, whatever the posture.</summary>
        public void RequestRecapture()
        {
            _recaptureRequested = true;
        }

        /// <summary>Called by the tracker for every credited step (steps are credited only within a confirmed walk).</summary>
        public void OnStep(long sample)
        {
            _lastStepSample = sample;
            _capturedThisStop = false;
            if (!_referenceTrusted)
            {
                // Nobody walks lying down: the walking posture is an upright reference until a standstill gives one.
                Capture(true);
            }
        }

        [PerSample]
        public void Update(int ax, int ay, int az, int gx, int gy, int gz, long squared, long sample)
        {
            _sample = sample;
            if (!_started)
            {
                _started = true;
                _squaredSum = squared << _squaredShift;
                _fastX = ax << _fastShift;
                _fastY = ay << _fastShift;
                _fastZ = az << _fastShift;
                _postureX = ax << _postureShift;
                _postureY = ay << _postureShift;
                _postureZ = az << _postureShift;
            }

            _fastX += ax - (_fastX >> _fastShift);
            _fastY += ay - (_fastY >> _fastShift);
            _fastZ += az - (_fastZ >> _fastShift);

            // Stillness: |a| steady (|a|^2 - g^2 is about 2g(|a| - g)) and little rotation. |a| is compared with its own
            // recent average, not with the gravity vector's average, which shrinks for seconds after the device turns.
            _squaredSum += squared - (_squaredSum >> _squaredShift);
            long deviation = squared - (_squaredSum >> _squaredShift);
            if (deviation < 0)
            {
                deviation = -deviation;
            }

            int rotation = (gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy) + (gz < 0 ? -gz : gz);
            bool stillBefore = _stillCount >= _stillSamplesNeeded;
            if (deviation < _stillSquaredDeviation && rotation < _stillGyroCounts)
            {
                if (_stillCount < _stillSamplesNeeded)
                {
                    _stillCount++;
                }
            }
            else
            {
                _stillCount = 0;
            }

            // Fall triggers: an impact, or a free fall long enough to be a loss of support.
            // An impact must last: a body landing is cushioned by soft tissue for tens of ms, while a hard object
            // knocked against something hard (the tracker put down, a phone pushed into a pocket) is a spike.
            // Every impact re-arms the window: the ground stops a fall, so the lying posture follows the last impact.
            // An impact on a device that was at rest is a knock (the tracker on a table), not a fall: a body has to
            // move before it hits the ground.
            if (squared > _impactSquared)
            {
                if (_impactRun == 0)
                {
                    _impactOnRest = stillBefore;
                }

                if (++_impactRun >= _impactMinSamples && !_impactOnRest)
                {
                    OpenFallWindow(sample, _settleSamples);
                }
            }
            else
            {
                _impactRun = 0;
            }

            if (squared < _freeFallSquared)
            {
                if (++_freeFallCount == _freeFallSamples && sample + _fallWindowSamples > _fallWindowEnd)
                {
                    // The descent and the landing are still to come: a longer window than after an impact.
                    OpenFallWindow(sample, _fallWindowSamples);
                }
            }
            else
            {
                _freeFallCount = 0;
            }

            if (++_tick >= SafetyThresholds.TiltDecimation)
            {
                _tick = 0;
                EvaluatePosture();
            }
        }

        private void EvaluatePosture()
        {
            if (_frame.GravityCounts == 0 || _sample < _warmupSamples)
            {
                return;
            }

            // The posture average runs with or without a reference: a fall window keeps it as "the posture before".
            int gxf = _fastX >> _fastShift;
            int gyf = _fastY >> _fastShift;
            int gzf = _fastZ >> _fastShift;
            _postureX += gxf - (_postureX >> _postureShift);
            _postureY += gyf - (_postureY >> _postureShift);
            _postureZ += gzf - (_postureZ >> _postureShift);

            int stillNeeded = _stillSamplesNeeded;
            if (_stillCount >= stillNeeded)
            {
                ConsiderCapture();
            }

            if (!_hasReference)
            {
                if (_sample <= _fallWindowEnd && Upright() && !_frame.LearnsForwardAxis)
                {
                    // No reference yet: judge a fall against the posture before it (the slow gravity estimate lags
                    // the fall by about a second). Provisional: the next upright standstill replaces it.
                    Capture(false);
                }
                else
                {
                    return;
                }
            }

            int dot = (gxf * _refX + gyf * _refY + gzf * _refZ) >> 14;
            long g2 = (long)gxf * gxf + (long)gyf * gyf + (long)gzf * gzf;
            int px = _postureX >> _postureShift;
            int py = _postureY >> _postureShift;
            int pz = _postureZ >> _postureShift;
            int postureDot = (px * _refX + py * _refY + pz * _refZ) >> 14;
            long posture2 = (long)px * px + (long)py * py + (long)pz * pz;
            _lastDot = postureDot;
            _lastGravitySquared = posture2;
            TiltDirection direction = LeanDirection(px, py, pz);
            _lastDirection = Beyond(postureDot, posture2, _cosUprightQ14) ? direction : TiltDirection.Upright;

            // Fall: the trunk begins to lie beyond FallTiltDeg within the window after the last impact (or the free
            // fall) and stays there, at rest, for FallConfirmMs. With an unknown mounting only a confirmed upright
            // reference can say what "lying" is.
            if ((_sample <= _fallWindowEnd || _fallOverSamples > 0) && _sample > _impactSample && (_referenceTrusted || !_frame.LearnsForwardAxis))
            {
                // Lying: beyond the fall angle with the body at rest on the ground (|g| near 1 g), not mid-impact.
                int turnDot = (gxf * _preFallX + gyf * _preFallY + gzf * _preFallZ) >> 14;
                if (g2 > _restMinSquared && g2 < _restMaxSquared && Beyond(dot, g2, _cosFallQ14) && Beyond(turnDot, g2, _cosTurnQ14))
                {
                    _fallOverSamples += SafetyThresholds.TiltDecimation;
                    if (_fallOverSamples >= _fallConfirmSamples)
                    {
                        _alarm.FallDetected(_sample);
                        _fallWindowEnd = -1;
                        _fallOverSamples = 0;
                    }
                }
                else
                {
                    _fallOverSamples = 0;
                }
            }

            // Tilt warning, armed while walking and shortly after.
            bool armed = _sample - _lastStepSample <= _tiltArmSamples;
            if (!armed)
            {
                _tiltOverSamples = 0;
                _alarm.TiltEnded(_sample);
                return;
            }

            int warnCos = direction == TiltDirection.Forward ? _cosForwardQ14 : (direction == TiltDirection.Backward ? _cosBackwardQ14 : _cosSidewaysQ14);
            if (Beyond(postureDot, posture2, warnCos))
            {
                _tiltOverSamples += SafetyThresholds.TiltDecimation;
                if (_tiltOverSamples >= _tiltHoldSamples)
                {
                    _alarm.TiltStarted(_sample);
                }
            }
            else
            {
                _tiltOverSamples = 0;
                int clearCos = direction == TiltDirection.Forward ? _cosForwardClearQ14 : (direction == TiltDirection.Backward ? _cosBackwardClearQ14 : _cosSidewaysClearQ14);
                if (!Beyond(postureDot, posture2, clearCos))
                {
                    _alarm.TiltEnded(_sample);
                }
            }
        }

        /// <summary>
        /// Opens (or re-arms) the fall window at a trigger: the trunk must begin to lie within
        /// <paramref name="windowSamples"/> of it. A window that opens anew keeps the posture before the fall.
        /// </summary>
        private void OpenFallWindow(long sample, int windowSamples)
        {
            if (sample > _fallWindowEnd)
            {
                KeepPostureBeforeFall();
            }

            _impactSample = sample;
            _fallWindowEnd = sample + windowSamples;
        }

        /// <summary>
        /// Keeps the posture (the ~320 ms average) as a fall window opens: the trunk must turn away from it, so a device
        /// already held or lying at an angle and then tapped or knocked is no fall.
        /// </summary>
        private void KeepPostureBeforeFall()
        {
            int px = _postureX >> _postureShift;
            int py = _postureY >> _postureShift;
            int pz = _postureZ >> _postureShift;
            long norm = FixedMath.Isqrt64((long)px * px + (long)py * py + (long)pz * pz);
            if (norm == 0)
            {
                // No posture yet: nothing to turn away from (any direction counts as turned).
                _preFallX = 0;
                _preFallY = 0;
                _preFallZ = 0;
                return;
            }

            _preFallX = (int)(((long)px << 14) / norm);
            _preFallY = (int)(((long)py << 14) / norm);
            _preFallZ = (int)(((long)pz << 14) / norm);
        }

        /// <summary>True when the angle between gravity and the reference exceeds the angle whose cosine is given.</summary>
        private static bool Beyond(int dot, long gravitySquared, int cosQ14)
        {
            if (dot < 0)
            {
                return cosQ14 >= 0;
            }

            // dot / |g| < cos  <=>  dot^2 < cos^2 |g|^2 (dot >= 0, cos >= 0).
            return cosQ14 <= 0 ? false : (long)dot * dot < (((long)cosQ14 * cosQ14) >> 14) * gravitySquared >> 14;
        }

        private TiltDirection LeanDirection(int gxf, int gyf, int gzf)
        {
            if (!_refHasForward)
            {
                return TiltDirection.Sideways;
            }

            // Leaning back turns the body's forward axis up, so the measured "up" gains a forward component.
            int forward = (gxf * _refFwdX + gyf * _refFwdY + gzf * _refFwdZ) >> 14;
            int latX = (_refY * _refFwdZ - _refZ * _refFwdY) >> 14;
            int latY = (_refZ * _refFwdX - _refX * _refFwdZ) >> 14;
            int latZ = (_refX * _refFwdY - _refY * _refFwdX) >> 14;
            int lateral = (gxf * latX + gyf * latY + gzf * latZ) >> 14;
            int absForward = forward < 0 ? -forward : forward;
            int absLateral = lateral < 0 ? -lateral : lateral;
            if (absForward < absLateral)
            {
                return TiltDirection.Sideways;
            }

            return forward > 0 ? TiltDirection.Backward : TiltDirection.Forward;
        }

        private void ConsiderCapture()
        {
            bool afterWalk = _sample - _lastStepSample <= _standAfterWalkSamples + _stillSamplesNeeded && !_capturedThisStop;
            bool upright = Upright();
            if (_recaptureRequested || (!_referenceTrusted && upright) || (afterWalk && upright))
            {
                // With an unknown mounting nothing says a standstill is upright (the tracker may be in a hand): such a
                // reference is provisional until a walk or a standstill right after one confirms the posture.
                bool trusted = _recaptureRequested || afterWalk || !_frame.LearnsForwardAxis;
                _recaptureRequested = false;
                _capturedThisStop = true;
                Capture(trusted);
            }
        }

        /// <summary>Whether the slow gravity estimate is a plausible upright posture (forward axis near horizontal).</summary>
        private bool Upright()
        {
            int up = _frame.MountUpQ14;
            return up < _uprightMountLimitQ14 && up > -_uprightMountLimitQ14;
        }

        private void Capture(bool trusted)
        {
            MotionFrame f = _frame;
            if (f.GravityCounts == 0)
            {
                return;
            }

            _refX = f.UpX;
            _refY = f.UpY;
            _refZ = f.UpZ;
            _refHasForward = f.HasForwardAxis;
            _refFwdX = f.ForwardX;
            _refFwdY = f.ForwardY;
            _refFwdZ = f.ForwardZ;
            _hasReference = true;
            _referenceTrusted = trusted;
        }
    }
}
