namespace RetroWalk.Core.Config
{
    /// <summary>
    /// What the tracker is built with. The user's settings among these fields are written by
    /// <see cref="UserSettings.ApplyTo"/>; their defaults come from <see cref="SettingTable"/>.
    /// </summary>
    public sealed class TrackerConfig
    {
        public SensorConfig Sensor = new SensorConfig();

        /// <summary>Device axis pointing forward; the default matches the belt clip in hardware/mounting.md.</summary>
        public MountAxis ForwardAxis = (MountAxis)SettingTable.DefaultOf(SettingTable.ForwardAxis);

        /// <summary>Regular steps in a row before a walk starts counting; those steps are then credited.</summary>
        public int StepsToStartWalk = SettingTable.DefaultOf(SettingTable.StepsToStartWalk);

        /// <summary>Tilt warning and fall alarm settings.</summary>
        public AlarmConfig Alarm = new AlarmConfig();
    }
}
