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
        /// phase (~40 % of a stride, ~80 % of a step time).
        /// </summary>
        public int BoutRefractoryPercent = 50;
    }
}
