namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Step lengths, forward and backward, in cm, and their defaults from the wearer's height.
    /// <para>Forward: 0.414 × height, the pedometer rule of thumb (step length ≈ 0.415 × height for men, 0.413 for
    /// women; it follows from leg length being proportional to height). Backward: 65 % of forward; backward walking
    /// at the preferred pace keeps the cadence and shortens the steps to about 60-70 % (Laufer 2005, J. Gerontol. A
    /// 60:627; Grasso et al. 1998), the same figure the gait synthesizer uses (docs/gait-synthesizer.md). Both are
    /// averages: a wearer who measured their own steps sets them directly.</para>
    /// </summary>
    public static class StepLengths
    {
        public const int DefaultHeightCm = 170;
        public const int MinHeightCm = 80;
        public const int MaxHeightCm = 250;

        public const int ForwardPermilleOfHeight = 414;
        public const int BackwardPercentOfForward = 65;

        /// <summary>Accepted range of a step length setting, cm.</summary>
        public const int MinStepCm = 10;
        public const int MaxStepCm = 250;

        public static int ForwardFromHeightCm(int heightCm)
        {
            return (heightCm * ForwardPermilleOfHeight + 500) / 1000;
        }

        public static int BackwardFromForwardCm(int forwardCm)
        {
            return (forwardCm * BackwardPercentOfForward + 50) / 100;
        }

        public static bool IsValidHeightCm(int heightCm)
        {
            return heightCm >= MinHeightCm && heightCm <= MaxHeightCm;
        }

        public static bool IsValidStepCm(int stepCm)
        {
            return stepCm >= MinStepCm && stepCm <= MaxStepCm;
        }
    }
}
