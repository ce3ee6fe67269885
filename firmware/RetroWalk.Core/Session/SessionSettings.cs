namespace RetroWalk.Core.Session
{
    /// <summary>
    /// Session, coach and energy settings with their ranges (docs/coach.md). Until the unified settings type carries
    /// them (BLE Config), the recorder and the coach take this object.
    /// </summary>
    public sealed class SessionSettings
    {
        public const int MinIdleToStartS = 10;
        public const int MaxIdleToStartS = 3600;
        public const int MinRestToEndS = 30;
        public const int MaxRestToEndS = 3600;
        public const int MinIntervalS = 10;
        public const int MaxIntervalS = 1800;
        public const int MinTargetMin = 1;
        public const int MaxTargetMin = 240;
        public const int MinGlanceEverySteps = 3;
        public const int MaxGlanceEverySteps = 200;
        public const int MinBodyMassKg = 20;
        public const int MaxBodyMassKg = 250;

        /// <summary>A walk after this long without steps starts a session by itself.</summary>
        public int IdleToStartS = 300;

        /// <summary>A session ends after this long without steps (its duration stops at the last step).</summary>
        public int RestToEndS = 300;

        /// <summary>A session started by a walk (not a command) shorter than this is not kept: a walk to the kitchen.</summary>
        public int MinAutoSessionS = 60;

        /// <summary>Cue "switch to forward" after this long walking backward (the guides: 1-2 minutes).</summary>
        public int BackwardIntervalS = 60;

        /// <summary>Cue "switch to backward" after this long walking forward.</summary>
        public int ForwardIntervalS = 120;

        /// <summary>Cue "target reached" once the session has lasted this long (the guides: 10-15 minutes).</summary>
        public int TargetMin = 15;

        /// <summary>Soft "glance over your shoulder" every this many backward steps; 0 = off (default).</summary>
        public int GlanceEverySteps;

        /// <summary>The interval and target cues (the glance has its own switch, <see cref="GlanceEverySteps"/>).</summary>
        public bool CoachEnabled = true;

        /// <summary>The wearer's body mass, for the energy estimate.</summary>
        public int BodyMassKg = 70;

        /// <summary>True when every field is in its documented range.</summary>
        public bool IsValid()
        {
            return InRange(IdleToStartS, MinIdleToStartS, MaxIdleToStartS)
                && InRange(RestToEndS, MinRestToEndS, MaxRestToEndS)
                && InRange(MinAutoSessionS, 0, MaxRestToEndS)
                && InRange(BackwardIntervalS, MinIntervalS, MaxIntervalS)
                && InRange(ForwardIntervalS, MinIntervalS, MaxIntervalS)
                && InRange(TargetMin, MinTargetMin, MaxTargetMin)
                && (GlanceEverySteps == 0 || InRange(GlanceEverySteps, MinGlanceEverySteps, MaxGlanceEverySteps))
                && InRange(BodyMassKg, MinBodyMassKg, MaxBodyMassKg);
        }

        public void CopyFrom(SessionSettings other)
        {
            IdleToStartS = other.IdleToStartS;
            RestToEndS = other.RestToEndS;
            MinAutoSessionS = other.MinAutoSessionS;
            BackwardIntervalS = other.BackwardIntervalS;
            ForwardIntervalS = other.ForwardIntervalS;
            TargetMin = other.TargetMin;
            GlanceEverySteps = other.GlanceEverySteps;
            CoachEnabled = other.CoachEnabled;
            BodyMassKg = other.BodyMassKg;
        }

        private static bool InRange(int value, int min, int max)
        {
            return value >= min && value <= max;
        }
    }
}
