namespace RetroWalk.Core.Config
{
    /// <summary>
    /// The values of every user setting (<see cref="SettingTable"/>), indexed by setting id: what the BLE Config
    /// characteristic reads and writes, what the saved state keeps, what the tracker, the session recorder, the coach
    /// and the RSC speed read. The properties store without checking (like plain fields); <see cref="IsValid"/> is the
    /// gate every write passes, so an invalid value never reaches the device.
    /// </summary>
    public sealed class UserSettings
    {
        private readonly int[] _values = new int[SettingTable.Count];

        /// <summary>A value holding every default.</summary>
        public UserSettings()
        {
            SetDefaults();
        }

        public int Get(int id)
        {
            return _values[id];
        }

        /// <summary>Sets one setting if the id is known and the value accepted; false (nothing changed) otherwise.</summary>
        public bool Set(int id, int value)
        {
            if (!SettingTable.IsKnown(id) || !SettingTable.Rows[id].Accepts(value))
            {
                return false;
            }

            _values[id] = value;
            return true;
        }

        /// <summary>Stores a value without checking it (decoders; check with <see cref="IsValid"/> before use).</summary>
        public void Put(int id, int value)
        {
            _values[id] = value;
        }

        public void SetDefaults()
        {
            for (int id = 0; id < _values.Length; id++)
            {
                _values[id] = SettingTable.Rows[id].Default;
            }
        }

        /// <summary>The id of the first setting out of its range, or -1 when all are valid.</summary>
        public int FirstInvalid()
        {
            for (int id = 0; id < _values.Length; id++)
            {
                if (!SettingTable.Rows[id].Accepts(_values[id]))
                {
                    return id;
                }
            }

            return -1;
        }

        public bool IsValid()
        {
            return FirstInvalid() < 0;
        }

        /// <summary>Puts the default in place of every value out of range; true if there was one.</summary>
        public bool ResetInvalid()
        {
            bool any = false;
            for (int id = 0; id < _values.Length; id++)
            {
                if (!SettingTable.Rows[id].Accepts(_values[id]))
                {
                    _values[id] = SettingTable.Rows[id].Default;
                    any = true;
                }
            }

            return any;
        }

        public void CopyFrom(UserSettings other)
        {
            System.Array.Copy(other._values, _values, _values.Length);
        }

        public bool SameAs(UserSettings other)
        {
            for (int id = 0; id < _values.Length; id++)
            {
                if (_values[id] != other._values[id])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Writes the settings the tracker takes when it is built into <paramref name="config"/>. The device loop
        /// builds a new tracker when <see cref="SameTrackerConfig"/> says one of them changed.
        /// </summary>
        public void ApplyTo(TrackerConfig config)
        {
            config.ForwardAxis = ForwardAxis;
            config.StepsToStartWalk = StepsToStartWalk;
            config.Alarm.TiltWarnBackwardDeg = TiltWarnBackwardDeg;
            config.Alarm.TiltWarnForwardDeg = TiltWarnForwardDeg;
            config.Alarm.TiltWarnSidewaysDeg = TiltWarnSidewaysDeg;
            config.Alarm.TiltHoldMs = TiltHoldMs;
        }

        /// <summary>
        /// The inverse of <see cref="ApplyTo"/>: takes the tracker's fields of a configuration built in code (a
        /// recording's forward axis, a test's angle) as the values to start from before a restore.
        /// </summary>
        public void ReadFrom(TrackerConfig config)
        {
            ForwardAxis = config.ForwardAxis;
            StepsToStartWalk = config.StepsToStartWalk;
            TiltWarnBackwardDeg = config.Alarm.TiltWarnBackwardDeg;
            TiltWarnForwardDeg = config.Alarm.TiltWarnForwardDeg;
            TiltWarnSidewaysDeg = config.Alarm.TiltWarnSidewaysDeg;
            TiltHoldMs = config.Alarm.TiltHoldMs;
        }

        /// <summary>True when <see cref="ApplyTo"/> would write the same configuration for both.</summary>
        public bool SameTrackerConfig(UserSettings other)
        {
            return ForwardAxis == other.ForwardAxis && StepsToStartWalk == other.StepsToStartWalk
                && TiltWarnBackwardDeg == other.TiltWarnBackwardDeg && TiltWarnForwardDeg == other.TiltWarnForwardDeg
                && TiltWarnSidewaysDeg == other.TiltWarnSidewaysDeg && TiltHoldMs == other.TiltHoldMs;
        }

        public int TiltWarnBackwardDeg
        {
            get { return _values[SettingTable.TiltWarnBackwardDeg]; }
            set { _values[SettingTable.TiltWarnBackwardDeg] = value; }
        }

        public int TiltWarnForwardDeg
        {
            get { return _values[SettingTable.TiltWarnForwardDeg]; }
            set { _values[SettingTable.TiltWarnForwardDeg] = value; }
        }

        public int TiltWarnSidewaysDeg
        {
            get { return _values[SettingTable.TiltWarnSidewaysDeg]; }
            set { _values[SettingTable.TiltWarnSidewaysDeg] = value; }
        }

        public int TiltHoldMs
        {
            get { return _values[SettingTable.TiltHoldMs]; }
            set { _values[SettingTable.TiltHoldMs] = value; }
        }

        public int StepsToStartWalk
        {
            get { return _values[SettingTable.StepsToStartWalk]; }
            set { _values[SettingTable.StepsToStartWalk] = value; }
        }

        public MountAxis ForwardAxis
        {
            get { return (MountAxis)_values[SettingTable.ForwardAxis]; }
            set { _values[SettingTable.ForwardAxis] = (int)value; }
        }

        /// <summary>Bit set of <see cref="SettingTable.FlagBtHomeAdvertising"/>, <see cref="SettingTable.FlagDailyReset"/>, <see cref="SettingTable.FlagCoach"/>.</summary>
        public int Flags
        {
            get { return _values[SettingTable.Flags]; }
            set { _values[SettingTable.Flags] = value; }
        }

        public bool BtHomeAdvertising
        {
            get { return (Flags & SettingTable.FlagBtHomeAdvertising) != 0; }
            set { SetFlag(SettingTable.FlagBtHomeAdvertising, value); }
        }

        public bool DailyReset
        {
            get { return (Flags & SettingTable.FlagDailyReset) != 0; }
            set { SetFlag(SettingTable.FlagDailyReset, value); }
        }

        /// <summary>The interval and target cues (the glance reminder has its own switch, <see cref="GlanceEverySteps"/>).</summary>
        public bool CoachEnabled
        {
            get { return (Flags & SettingTable.FlagCoach) != 0; }
            set { SetFlag(SettingTable.FlagCoach, value); }
        }

        /// <summary>Local time minus UTC in 15-minute units.</summary>
        public int UtcOffsetQuarterHours
        {
            get { return _values[SettingTable.UtcOffsetQuarterHours]; }
            set { _values[SettingTable.UtcOffsetQuarterHours] = value; }
        }

        /// <summary>Local time minus UTC in minutes.</summary>
        public int UtcOffsetMinutes
        {
            get { return UtcOffsetQuarterHours * 15; }
        }

        public int HeightCm
        {
            get { return _values[SettingTable.HeightCm]; }
            set { _values[SettingTable.HeightCm] = value; }
        }

        /// <summary>The forward step length setting, cm; 0 = from the height (see <see cref="ForwardStepLengthCm"/>).</summary>
        public int ForwardStepCm
        {
            get { return _values[SettingTable.ForwardStepCm]; }
            set { _values[SettingTable.ForwardStepCm] = value; }
        }

        /// <summary>The backward step length setting, cm; 0 = from the forward step (see <see cref="BackwardStepLengthCm"/>).</summary>
        public int BackwardStepCm
        {
            get { return _values[SettingTable.BackwardStepCm]; }
            set { _values[SettingTable.BackwardStepCm] = value; }
        }

        /// <summary>The forward step length in force, cm: the setting, or derived from the height.</summary>
        public int ForwardStepLengthCm
        {
            get { return ForwardStepCm != 0 ? ForwardStepCm : StepLengths.ForwardFromHeightCm(HeightCm); }
        }

        /// <summary>The backward step length in force, cm: the setting, or derived from the forward step in force.</summary>
        public int BackwardStepLengthCm
        {
            get { return BackwardStepCm != 0 ? BackwardStepCm : StepLengths.BackwardFromForwardCm(ForwardStepLengthCm); }
        }

        public int BodyMassKg
        {
            get { return _values[SettingTable.BodyMassKg]; }
            set { _values[SettingTable.BodyMassKg] = value; }
        }

        /// <summary>Cue "target reached" once the session has lasted this long, minutes.</summary>
        public int TargetMin
        {
            get { return _values[SettingTable.TargetMin]; }
            set { _values[SettingTable.TargetMin] = value; }
        }

        /// <summary>Soft "glance over your shoulder" every this many backward steps; 0 = off.</summary>
        public int GlanceEverySteps
        {
            get { return _values[SettingTable.GlanceEverySteps]; }
            set { _values[SettingTable.GlanceEverySteps] = value; }
        }

        /// <summary>Cue "switch to forward" after this long walking backward, s.</summary>
        public int BackwardIntervalS
        {
            get { return _values[SettingTable.BackwardIntervalS]; }
            set { _values[SettingTable.BackwardIntervalS] = value; }
        }

        /// <summary>Cue "switch to backward" after this long walking forward, s.</summary>
        public int ForwardIntervalS
        {
            get { return _values[SettingTable.ForwardIntervalS]; }
            set { _values[SettingTable.ForwardIntervalS] = value; }
        }

        /// <summary>A walk after this long without steps starts a session by itself, s.</summary>
        public int IdleToStartS
        {
            get { return _values[SettingTable.IdleToStartS]; }
            set { _values[SettingTable.IdleToStartS] = value; }
        }

        /// <summary>A session ends after this long without steps (its duration stops at the last step), s.</summary>
        public int RestToEndS
        {
            get { return _values[SettingTable.RestToEndS]; }
            set { _values[SettingTable.RestToEndS] = value; }
        }

        /// <summary>A session started by a walk (not a command) shorter than this is not kept, s.</summary>
        public int MinAutoSessionS
        {
            get { return _values[SettingTable.MinAutoSessionS]; }
            set { _values[SettingTable.MinAutoSessionS] = value; }
        }

        private void SetFlag(int flag, bool on)
        {
            Flags = on ? (Flags | flag) : (Flags & ~flag);
        }
    }
}
