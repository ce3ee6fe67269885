using RetroWalk.Core.Dsp;

namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Step-time variability and left/right asymmetry pooled over the steady bouts it was given (docs/coach.md,
    /// "Steadiness"). The coefficient of variation uses the within-bout variance (so two bouts at different cadences do
    /// not look variable): CV = sqrt(sum of within-bout squared deviations / (steps − bouts)) / mean step time. The
    /// asymmetry of a bout is |mean of odd steps − mean of even steps| / mean step time (which foot is which is unknown,
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

        /// <summary>Sum over bouts of the squared deviations from the bout's mean, ms².</summary>
        public long WithinSquaresMs2;

        /// <summary>Sum over bouts of steps × asymmetry in tenths of a percent.</summary>
        public long WeightedAsymmetryPermille;

        /// <summary>Step-time coefficient of variation in tenths of a percent; 0 without a steady bout.</summary>
        public int CvPermille
        {
            get
            {
                if (Steps - Bouts <= 0 || SumMs <= 0)
                {
                    return 0;
                }

                long variance = WithinSquaresMs2 / (Steps - Bouts);
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

        /// <summary>Adds one finished bout: its step count, sums of step times, squares, and odd/even sums.</summary>
        public void AddBout(int steps, long sumMs, long sumSquaresMs2, long oddSumMs, int oddSteps)
        {
            if (steps < 2)
            {
                return;
            }

            Bouts = Dsp.Saturating.Increment(Bouts);
            Steps = Dsp.Saturating.Add(Steps, steps);
            SumMs += sumMs;
            WithinSquaresMs2 += sumSquaresMs2 - sumMs * sumMs / steps;
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
            WithinSquaresMs2 += other.WithinSquaresMs2;
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
            WithinSquaresMs2 = 0;
            WeightedAsymmetryPermille = 0;
        }
    }
}
