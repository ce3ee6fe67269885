using RetroWalk.Core.Dsp;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Step-time variability and left/right asymmetry pooled over the steady bouts it was given (docs/coach.md,
    /// "Steadiness"). The variability is measured on strides (two consecutive step times, overlapping): a trunk sensor
    /// times its left and right steps at slightly different points of each step (the trunk's acceleration differs
    /// between the legs), an alternating offset that a stride cancels, and a stride halves the share of each step's
    /// timing jitter. For independent step times a stride's variance is twice a step's, so
    /// CV = sqrt(sum of within-bout squared stride deviations / (2 × (strides − bouts))) / mean step time, with the
    /// within-bout variance (two bouts at different cadences do not look variable). A real left/right difference is
    /// left to the asymmetry: |mean of odd steps − mean of even steps| / mean step time (which foot is which is unknown,
    /// so it is unsigned), pooled weighted by steps. Integers only; figures in tenths of a percent.
    /// </summary>
    public sealed class Steadiness
    {
        /// <summary>Steady bouts pooled.</summary>
        public int Bouts;

        /// <summary>Step times pooled (the steps of those bouts that were used).</summary>
        public int Steps;

        /// <summary>Sum of the pooled step times, ms.</summary>
        public long SumMs;

        /// <summary>
        /// Sum over bouts of the strides' squared deviations from the bout's mean stride, ms² (a bout of n step times
        /// has n − 1 overlapping strides).
        /// </summary>
        public long WithinStrideSquaresMs2;

        /// <summary>Sum over bouts of steps × asymmetry in tenths of a percent.</summary>
        public long WeightedAsymmetryPermille;

        /// <summary>Step-time coefficient of variation in tenths of a percent; 0 without a steady bout.</summary>
        public int CvPermille
        {
            get
            {
                int degrees = Steps - 2 * Bouts; // strides (steps − bouts) less one mean per bout
                if (degrees <= 0 || SumMs <= 0)
                {
                    return 0;
                }

                long variance = WithinStrideSquaresMs2 / (2 * degrees);
                long sd1000 = FixedMath.Isqrt64(variance * 1000000);
                return (int)(sd1000 * Steps / SumMs);
            }
        }

        /// <summary>Left/right step-time asymmetry in tenths of a percent; 0 without a steady bout.</summary>
        public int AsymmetryPermille
        {
            get { return Steps <= 0 ? 0 : (int)(WeightedAsymmetryPermille / Steps); }
        }

        /// <summary>Mean step time of the pooled steps, ms.</summary>
        public int MeanStepMs
        {
            get { return Steps <= 0 ? 0 : (int)(SumMs / Steps); }
        }

        /// <summary>
        /// Adds one finished bout: its step count and sum of step times, the sum and sum of squares of its
        /// <paramref name="steps"/> − 1 overlapping strides, and the odd steps' sum and count.
        /// </summary>
        public void AddBout(int steps, long sumMs, long strideSumMs, long strideSquaresMs2, long oddSumMs, int oddSteps)
        {
            if (steps < 3)
            {
                return;
            }

            Bouts = Dsp.Saturating.Increment(Bouts);
            Steps = Dsp.Saturating.Add(Steps, steps);
            SumMs += sumMs;
            WithinStrideSquaresMs2 += strideSquaresMs2 - strideSumMs * strideSumMs / (steps - 1);
            int evenSteps = steps - oddSteps;
            if (oddSteps > 0 && evenSteps > 0)
            {
                long oddMean1000 = oddSumMs * 1000 / oddSteps;
                long evenMean1000 = (sumMs - oddSumMs) * 1000 / evenSteps;
                long diff = oddMean1000 > evenMean1000 ? oddMean1000 - evenMean1000 : evenMean1000 - oddMean1000;
                long asymmetry = diff * steps / sumMs;
                WeightedAsymmetryPermille += asymmetry * steps;
            }
        }

        public void Add(Steadiness other)
        {
            Bouts += other.Bouts;
            Steps += other.Steps;
            SumMs += other.SumMs;
            WithinStrideSquaresMs2 += other.WithinStrideSquaresMs2;
            WeightedAsymmetryPermille += other.WeightedAsymmetryPermille;
        }

        public void CopyFrom(Steadiness other)
        {
            Reset();
            Add(other);
        }

        public void Reset()
        {
            Bouts = 0;
            Steps = 0;
            SumMs = 0;
            WithinStrideSquaresMs2 = 0;
            WeightedAsymmetryPermille = 0;
        }
    }
}
