namespace RetroWalk.Core.Motion
{
    /// <summary>
    /// The step detector's bout thresholds as fields, so the host can choose each one leave-one-subject-out over a
    /// grid (<c>retrowalk eval --loso</c>) instead of fitting it to the pooled data. The firmware uses the defaults;
    /// they are not user settings.
    /// </summary>
    public sealed class StepTuning
    {
        /// <summary>
        /// Once a bout holds a confirmed walk, it ends after this share of the walk's step time without a step (never
        /// sooner than <see cref="StepDetector.MaxStepMs"/> nor later than <see cref="StepDetector.SlowestStepMs"/>):
        /// in ipol-gait's marked U-turns the longest step interval is a median 1.8 and a 90th percentile 2.9 times the
        /// trial's median step, so 3 times keeps nearly every turn inside its bout. Leave one subject out over 200/300/400 %
        /// (docs/eval.md) ipol-gait picks 400 for every held-out subject and the Oxford users 300; 400 makes Oxford user1
        /// worse (0.30 → 0.78 %), so 300 is kept. Candidates before a walk is confirmed keep the stricter 1.5 times.
        /// </summary>
        public int BoutTimeoutPercent = 300;

        /// <summary>
        /// After a confirmed walk's rhythm broke (a turn, the last steps), a peak sooner than this share of the walk's
        /// step time after the previous one is a second hump of the same step: a step cannot be shorter than its swing
        /// phase (~40 % of a stride, ~80 % of a step time). Timed peak to peak (a small hump is confirmed sooner after its
        /// top than a large one). Leave one subject out over 40-70 % (docs/eval.md) 60 ties 50 pooled but makes three
        /// held-out subjects worse, so 50 is kept.
        /// </summary>
        public int BoutRefractoryPercent = 50;

        /// <summary>
        /// Trunk turn rate (yaw about the vertical, low-passed over <see cref="StepDetector.TurnLowPassMs"/>) above which
        /// the wearer is turning: a U-turn of 180° in 1.5-2.5 s is 70-120 °/s, a corner of 90° in about 1.5 s 60 °/s,
        /// while the pelvis's own rotation in straight walking (±4-5° at stride frequency, Saunders 1953) low-passes to
        /// under ±15 °/s. 0 disables the turn cue.
        /// </summary>
        public int TurnRateDps = 45;

        /// <summary>
        /// Peak-valley hysteresis, as a share of the recent swing (in 1/32), while a confirmed bout turns or has lost its
        /// rhythm (the pivot steps of a turn, the slowing last steps of a stop): those steps barely lift the trunk
        /// (swings of 20-60 mg against 150-300 mg in steady walking), so the steady quarter (8/32) misses them.
        /// </summary>
        public int BoutShare32 = 4;

        /// <summary>Smallest hysteresis in those phases (standing still is below ~10 mg after the 2 × 80 ms low-pass).</summary>
        public int BoutFloorMilliG = 20;

        /// <summary>
        /// A candidate step slower than this (under ~67 steps/min) with a small swing switches to the slow-walk detector
        /// (StepDetector: 160 ms smoothing, steps timed at their rise); a step faster than <see cref="FastModeMs"/> (~86
        /// steps/min) switches back. The gap between the two keeps a walk near 70-80 steps/min from flipping between
        /// detectors step by step.
        /// </summary>
        public int SlowModeMs = 900;

        /// <summary>
        /// Only a step whose swing is under this enters the slow-walk detector: a walk slower than ~67 steps/min lifts
        /// the trunk at most ~2.5 cm (Orendurff et al. 2004), a vertical swing of about A·ω² ≈ 125 mg peak to peak at
        /// that cadence, while steady walking at a normal pace swings the magnitude 150-300 mg and more; a pause or
        /// a stop inside a normal walk (a slow interval with a normal swing) stays with the normal detector.
        /// </summary>
        public int SlowSwingMaxMilliG = 150;

        /// <summary>
        /// After the first candidate of a run, the next step may come this late: the step time of the slowest clinical
        /// cadence, 40 steps/min. (Later steps follow the run's own rhythm, the step timeout.)
        /// </summary>
        public int FirstStepTimeoutMs = 1500;

        /// <summary>A candidate step faster than this leaves the slow-walk detector.</summary>
        public int FastModeMs = 700;

        /// <summary>
        /// In the slow-walk mode, a candidate sooner than this share of the running step time after the last step is a
        /// second hump of that step (a slow step's foot contact and, 0.3-0.6 s later, the push at the end of its long
        /// double support). A steady walker's step time changes step to step by ~8 % SD (step-time CV 3-6 %, Hausdorff
        /// 2001: √2 × 5.5 %), so a step 40 % shorter than the last is not the next step. A candidate with a full-size
        /// swing (<see cref="SlowSwingMaxMilliG"/> or more) is never held back: it ends the slow mode.
        /// </summary>
        public int SlowRefractoryPercent = 60;

        /// <summary>
        /// A bout's first candidate followed by the next one sooner than this share of the confirmed walk's step time is
        /// the postural adjustment of gait initiation (the weight shift before the first toe-off), not a step: the
        /// first step from standing is longer than a steady one, not shorter (ipol-gait's marked first step times are
        /// 1.02-1.28 times the trial's steady step, while the weight shift's hump comes a median 0.75 step times before
        /// the first step's peak). Leave one subject out over 0/80/90/100 % 9 of 10 ipol-gait subjects pick 80. 0 disables.
        /// </summary>
        public int InitiationPercent = 80;

        /// <summary>
        /// Steps a stop credits at least when the bout ends (a pause after a confirmed walk): gait termination ends with
        /// a closing step that brings the trailing foot beside the leading one, and the trunk, already braked, does not
        /// vault over it, so the magnitude shows no peak for it (ipol-gait: the 59 footsteps missed at the stops of 60 walks
        /// had none). Steps seen after the walk's rhythm broke (held back until the bout ends) count instead when
        /// there are more of them. 0 disables.
        /// </summary>
        public int ClosingSteps = 1;

        /// <summary>
        /// The closing step is credited only when the magnitude rose at least this much after the walk's last peak without
        /// crossing the hysteresis: the braked trunk coming up from the last step's shallow trough (ipol-gait: 8-140 mg,
        /// 2-29 % of the walk's swing). A walk cut off in full stride rises by half a swing, crosses the hysteresis and
        /// gets no closing step. Leave one subject out over 10/15/20/30 mg every ipol-gait subject picks 10.
        /// </summary>
        public int ClosingRiseMilliG = 10;

        /// <summary>
        /// Hysteresis below <see cref="StepDetector.JogTroughMilliG"/> for leaving the running state at a jog's cadence
        /// (<see cref="StepDetector.JogCadenceSpm"/> or more): a jog is left there only once the trough is this much
        /// shallower (between 140 and 150 steps/min at once under 450 mg; under 140 steps/min under
        /// <see cref="StepDetector.RunTroughMilliG"/> less its hysteresis). Leave one subject out over 0-200 mg only SisFall
        /// SE03 moves (docs/eval.md), so the value comes from the spread of the trough, not from a fit. Before,
        /// entering and leaving used the same 450 mg, so a slow, grounded jog flickered between gaits and the direction read
        /// from the pendulum cue with it. The per-step trough's running mean (a quarter weight) sits 40-110 mg below its
        /// median at its 5th percentile in every steady SisFall walk and jog (SE03's slow jog, 62 years: 605 mg median,
        /// 492 mg 5th percentile; its time-reversed copy 497 / 384 mg), the same margin as the flight trough's
        /// <see cref="StepDetector.RunTroughHysteresisMilliG"/>.
        /// </summary>
        public int JogHysteresisMilliG = 100;

        /// <summary>
        /// Not the detector's: the session recorder's tolerance around the bout's running mean step time for a steady step
        /// (<see cref="Session.SessionRecorder.SteadyTolerancePercent"/>), here so that the evaluation can choose it leave one
        /// subject out as the others (<c>--loso SteadyStepTolerancePercent=... --loso-figure step-time-cv</c>).
        /// </summary>
        public int SteadyStepTolerancePercent = Session.SessionRecorder.OutlierPercent;
    }
}
