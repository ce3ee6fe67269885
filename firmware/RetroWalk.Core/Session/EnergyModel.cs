namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Gross energy of walking from cadence, direction, time and body mass, in integers (docs/coach.md, "Energy", cites
    /// every figure and the expected error). kcal = MET × kg × hours (1 MET ≈ 1 kcal per kg per hour).
    /// Forward: the cadence-intensity relation of CADENCE-Adults (Tudor-Locke et al. 2019): about 3 METs at 100
    /// steps/min and 6 at 130, i.e. +1 MET per 10 steps/min, clamped to 2.0-8.0 METs. Backward: the forward value times
    /// the backward/forward cost ratio at equal speed, 6.0 / 4.3 = 1.40 (Compendium of Physical Activities: walking
    /// backwards 3.5 mph level 6.0 METs, walking 3.5 mph level brisk 4.3 METs), which measured oxygen uptake at equal
    /// speed supports qualitatively (Flynn et al. 1994; Chaloupka et al. 1997).
    /// </summary>
    public static class EnergyModel
    {
        public const int MinMetX10 = 20;
        public const int MaxMetX10 = 80;
        public const int BackwardToForwardCostPercent = 140;

        /// <summary>Forward walking METs × 10 at a cadence.</summary>
        public static int ForwardMetX10(int cadenceSpm)
        {
            int met = 30 + (cadenceSpm - 100);
            return met < MinMetX10 ? MinMetX10 : (met > MaxMetX10 ? MaxMetX10 : met);
        }

        /// <summary>METs × 10 of walking in <paramref name="backward"/> direction at a cadence.</summary>
        public static int MetX10(int cadenceSpm, bool backward)
        {
            int forward = ForwardMetX10(cadenceSpm);
            return backward ? forward * BackwardToForwardCostPercent / 100 : forward;
        }

        /// <summary>Energy in thousandths of a kcal: METs×10 × kg × ms / 36 000.</summary>
        public static long MilliKcal(int metX10, int bodyMassKg, long durationMs)
        {
            return (long)metX10 * bodyMassKg * durationMs / 36000;
        }
    }
}
