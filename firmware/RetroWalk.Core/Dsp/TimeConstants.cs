namespace RetroWalk.Core.Dsp
{
    /// <summary>Turns time constants in ms into the power-of-two shifts of exponential moving averages at a given rate.</summary>
    public static class TimeConstants
    {
        /// <summary>
        /// The shift k for which an EMA <c>y += (x - y) &gt;&gt; k</c> has the time constant nearest to
        /// <paramref name="timeConstantMs"/> at <paramref name="sampleRateHz"/> (time constant = 2^k samples).
        /// </summary>
        public static int EmaShift(int timeConstantMs, int sampleRateHz)
        {
            int samples = timeConstantMs * sampleRateHz / 1000;
            int shift = 0;
            // Round log2 to the nearest: 2^k <= samples * sqrt(2).
            while ((1 << (shift + 1)) * 1000 <= samples * 1414)
            {
                shift++;
            }

            return shift;
        }
    }
}
