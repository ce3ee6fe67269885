namespace RetroWalk.Core.Config
{
    /// <summary>Everything a user or the firmware may configure. Plain fields so the device can fill it from flash.</summary>
    public sealed class TrackerConfig
    {
        public SensorConfig Sensor = new SensorConfig();

        /// <summary>Device axis pointing forward; the default matches the belt clip in hardware/mounting.md.</summary>
        public MountAxis ForwardAxis = MountAxis.PlusZ;

        /// <summary>Regular steps in a row before a walk starts counting; those steps are then credited.</summary>
        public int StepsToStartWalk = 6;

        /// <summary>Tilt warning and fall alarm settings.</summary>
        public AlarmConfig Alarm = new AlarmConfig();
    }
}
