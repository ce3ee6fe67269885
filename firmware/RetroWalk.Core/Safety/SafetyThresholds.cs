namespace RetroWalk.Core.Safety
{
    /// <summary>
    /// The fixed limits of <see cref="SafetyMonitor"/> (the user-settable ones are in
    /// <see cref="RetroWalk.Core.Config.AlarmConfig"/>): time constants, stillness, rest and upright tolerances.
    /// The reasoning is in docs/alarms.md.
    /// </summary>
    public static class SafetyThresholds
    {
        /// <summary>Fast gravity time constant: follows a fall's rotation, averages out a step.</summary>
        public const int FastGravityTimeConstantMs = 80;

        /// <summary>
        /// Posture for the tilt warning and the reported tilt: the fast gravity averaged over about a step, so the
        /// sway of each step (a few degrees) neither trips nor clears a warning.
        /// </summary>
        public const int PostureTimeConstantMs = 320;

        /// <summary>Within this of the reference the reported lean direction is "upright".</summary>
        public const int UprightReportDeg = 5;

        /// <summary>Stillness: |a| within this of its recent average (gravity at rest)...</summary>
        public const int StillMilliG = 60;

        /// <summary>...and the gyroscope under this (sum of the three axes' magnitudes)...</summary>
        public const int StillGyroDps = 20;

        /// <summary>...for this long.</summary>
        public const int StillMs = 1000;

        /// <summary>After an impact the body is at rest on the ground when the fast gravity is within this of 1 g.</summary>
        public const int RestToleranceMilliG = 300;

        /// <summary>Standing still within this time after the last step means standing upright (re-capture).</summary>
        public const int StandAfterWalkMs = 3000;

        /// <summary>An upright reference is accepted only if the forward axis is within this of horizontal.</summary>
        public const int UprightMountToleranceDeg = 60;

        /// <summary>Tilt is evaluated every this many samples (25 Hz at 100 Hz): holds are hundreds of ms.</summary>
        public const int TiltDecimation = 4;
    }
}
