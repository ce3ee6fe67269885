namespace RetroWalk.Core.Config
{
    /// <summary>
    /// Step lengths, forward and backward, in cm, from the wearer's height (the Config height; SettingTable holds the ranges).
    /// <para>Forward: 0.414 × height, the pedometer rule of thumb (step length ≈ 0.415 × height for men, 0.413 for
    /// women; it follows from leg length being proportional to height). Backward: 65 % of forward; backward walking
    /// at the preferred pace keeps the cadence and shortens the steps to about 60-70 % (Laufer 2005, J. Gerontol. A
    /// 60:627; Grasso et al. 1998), the same figure the gait synthesizer uses (docs/gait-synthesizer.md). Both are
    /// averages: a wearer who measured their own steps sets them directly.</para>
    /// </summary>
    public static class StepLengths
    {
        public const int ForwardPermilleOfHeight = 414;
        public const int BackwardPercentOfForward = 65;

        public static int ForwardFromHeightCm(int heightCm)
        {
            return (heightCm * ForwardPermilleOfHeight + 500) / 1000;
        }

        public static int BackwardFromForwardCm(int forwardCm)
        {
            return (forwardCm * BackwardPercentOfForward + 50) / 100;
        }
    }
}
