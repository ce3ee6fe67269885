using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Health
{
    /// <summary>
    /// What the Health characteristic carries (docs/ble.md, "Health"): everything a phone needs to see that the tracker
    /// is not counting as it should, or may lose what it counted. Counters saturate at their field's maximum.
    /// </summary>
    public sealed class DeviceHealth
    {
        public SensorHealth Sensor;

        public SaveOutcome LastSave;

        /// <summary>What the restore found at boot.</summary>
        public RestoreOutcome Restore;

        /// <summary>Seconds since boot.</summary>
        public uint UptimeS;

        /// <summary>Failed I2C transfers since boot (each retried or resumed).</summary>
        public uint I2cErrors;

        /// <summary>FIFO resets since boot (after an overflow or a read that could not be resumed).</summary>
        public ushort FifoResyncs;

        /// <summary>FIFO overflows since boot (the loop stalled longer than the FIFO holds).</summary>
        public ushort FifoOverflows;

        /// <summary>Saves to flash that failed since boot.</summary>
        public ushort FailedSaves;

        /// <summary>Times the sensor was found asleep or not streaming and initialised again.</summary>
        public ushort SensorReinits;

        /// <summary>
        /// True when something needs the wearer's attention: the sensor is not streaming, the last save failed, or the
        /// restore at boot lost data (an unreadable store, or a damaged slot so an older record was used).
        /// </summary>
        public bool HasFault
        {
            get
            {
                return Sensor != SensorHealth.Ok || LastSave == SaveOutcome.Failed
                    || Restore == RestoreOutcome.Unreadable || Restore == RestoreOutcome.RestoredOlder;
            }
        }

        public void CopyFrom(DeviceHealth other)
        {
            Sensor = other.Sensor;
            LastSave = other.LastSave;
            Restore = other.Restore;
            UptimeS = other.UptimeS;
            I2cErrors = other.I2cErrors;
            FifoResyncs = other.FifoResyncs;
            FifoOverflows = other.FifoOverflows;
            FailedSaves = other.FailedSaves;
            SensorReinits = other.SensorReinits;
        }
    }
}
