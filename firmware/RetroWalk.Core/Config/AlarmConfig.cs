namespace RetroWalk.Core.Config
{
    /// <summary>
    /// Tilt warning and fall alarm settings. The reasoning behind each default is in docs/alarms.md.
    /// </summary>
    public sealed class AlarmConfig
    {
        /// <summary>
        /// Backward lean that warns. Walking backward, the body's centre of mass must stay over the feet; beyond about
        /// 30° of trunk extension it moves behind the heels and the wearer cannot see where they would fall.
        /// </summary>
        public int TiltWarnBackwardDeg = 30;

        /// <summary>
        /// Forward lean that warns. Bending forward is how people pick things up and look down, and a forward lean
        /// keeps the centre of mass over the toes when walking backward; only a deep stoop (45°) is a balance risk.
        /// </summary>
        public int TiltWarnForwardDeg = 45;

        /// <summary>Sideways lean that warns: the base of support is narrow sideways, so the same 30° as backward.</summary>
        public int TiltWarnSidewaysDeg = 30;

        /// <summary>How long the lean must last before the warning: longer than a sway or a stumble.</summary>
        public int TiltHoldMs = 1000;

        /// <summary>The warning clears only once the lean is this much below its threshold (no chatter).</summary>
        public int TiltHysteresisDeg = 5;

        /// <summary>
        /// Tilt warnings are a walking aid: they are armed while walking and for this long after the last step (a stop
        /// followed by a lean back), not while sitting, bending at rest or lying in bed.
        /// </summary>
        public int TiltArmAfterWalkMs = 5000;

        /// <summary>
        /// Acceleration magnitude that counts as an impact. The waist sees 1.2-1.8 g in walking, more in jogging and
        /// sitting down hard; falls onto soft ground reach 2 g and onto a floor far more. The orientation test after
        /// the impact is what tells a fall from a hard sit or a jump.
        /// </summary>
        public int FallImpactMilliG = 2000;

        /// <summary>
        /// How long the acceleration must stay above <see cref="FallImpactMilliG"/>. A body landing on its hip or back is
        /// cushioned by soft tissue and loads for tens of ms, a hard object knocked on something hard is a spike of a
        /// few ms (the tracker put down on a table). The default, one sample, keeps every soft fall: 20 ms removes one
        /// handling alarm in the phone recordings but loses a soft fall from a chair when the sensor's filter smooths
        /// the peak a little differently, and a missed fall costs more than a dismissed alarm.
        /// </summary>
        public int FallImpactMinMs = 10;

        /// <summary>Acceleration magnitude below which the body is in free fall (loss of support).</summary>
        public int FreeFallMilliG = 400;

        /// <summary>Free fall must last this long to count (a jump's take-off is shorter or keeps the trunk upright).</summary>
        public int FreeFallMs = 120;

        /// <summary>Trunk angle from upright that, soon after an impact or a free fall, makes it a fall: lying, not sitting.</summary>
        public int FallTiltDeg = 70;

        /// <summary>How long after the impact the trunk may take to reach <see cref="FallTiltDeg"/>.</summary>
        public int FallWindowMs = 1500;

        /// <summary>
        /// The trunk must stay beyond <see cref="FallTiltDeg"/> at rest this long: longer than the bounce after an impact
        /// (40 ms lets hard sits and jumps through), short enough to alarm within about a quarter second.
        /// </summary>
        public int FallConfirmMs = 80;
    }
}
