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
        public int TiltWarnBackwardDeg = SettingTable.DefaultOf(SettingTable.TiltWarnBackwardDeg);

        /// <summary>
        /// Forward lean that warns. Bending forward is how people pick things up and look down, and a forward lean
        /// keeps the centre of mass over the toes when walking backward; only a deep stoop (45°) is a balance risk.
        /// </summary>
        public int TiltWarnForwardDeg = SettingTable.DefaultOf(SettingTable.TiltWarnForwardDeg);

        /// <summary>Sideways lean that warns: the base of support is narrow sideways, so the same 30° as backward.</summary>
        public int TiltWarnSidewaysDeg = SettingTable.DefaultOf(SettingTable.TiltWarnSidewaysDeg);

        /// <summary>How long the lean must last before the warning: longer than a sway or a stumble.</summary>
        public int TiltHoldMs = SettingTable.DefaultOf(SettingTable.TiltHoldMs);

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
        /// few ms (the tracker put down on a table). The default, one sample, keeps every soft fall: 20 ms loses a soft
        /// fall from a chair when the sensor's filter smooths the peak a little differently, and handling is told apart
        /// by what follows the impact instead (docs/alarms.md).
        /// </summary>
        public int FallImpactMinMs = 10;

        /// <summary>Acceleration magnitude below which the body is in free fall (loss of support).</summary>
        public int FreeFallMilliG = 400;

        /// <summary>Free fall must last this long to count (a jump's take-off is shorter or keeps the trunk upright).</summary>
        public int FreeFallMs = 120;

        /// <summary>
        /// Trunk angle from upright that, soon after an impact or a free fall, makes it a fall: lying, within 10° of
        /// horizontal. A body landing and rolling passes through the horizontal (every SisFall fall reads beyond 85°
        /// for 80 ms), while sitting reclined stays under about 65° and a device held in a hand to read it is usually
        /// tilted less than 80°. Once settled, a waist reads 70-90° lying down (pelvis tilt), so this is about the
        /// landing, not the final posture.
        /// </summary>
        public int FallTiltDeg = 80;

        /// <summary>
        /// How far the trunk must have turned from its posture as the fall began (the ~320 ms average when the first
        /// impact or the free fall came): a body that lands lying has turned on the way down, while a device already
        /// held at an angle (a phone to read) or lying on a table and then tapped or knocked has not.
        /// </summary>
        public int FallTurnDeg = 15;

        /// <summary>
        /// How soon after the last impact the trunk must begin to lie beyond <see cref="FallTiltDeg"/>. The ground stops
        /// a fall: once the body has hit it the trunk is at its fallen posture within a few hundred ms (a roll onto the
        /// back or side); lying down a second after a hard step or a bump is a movement of its own.
        /// </summary>
        public int FallSettleMs = 600;

        /// <summary>
        /// How soon after a free fall the trunk must begin to lie beyond <see cref="FallTiltDeg"/>: the descent and the
        /// landing are still to come (an impact on landing shortens it to <see cref="FallSettleMs"/>).
        /// </summary>
        public int FallWindowMs = 1500;

        /// <summary>
        /// The trunk must stay beyond <see cref="FallTiltDeg"/> at rest this long: longer than the bounce after an impact
        /// (tens of ms), short enough to alarm within about a quarter second.
        /// </summary>
        public int FallConfirmMs = 80;
    }
}
