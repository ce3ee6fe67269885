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
        /// a U-turn's or a stop's last steps take up to ~2.4 times a normal step (ipol-gait's marked turns), while a
        /// walk's candidates before confirmation keep the stricter 1.5 times.
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
