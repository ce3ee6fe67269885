using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;

namespace RetroWalk.Core.Status
{
    /// <summary>
    /// What the tracker publishes: one preallocated object, refreshed by the device loop and handed to the publisher
    /// (BLE on the device, a recording publisher on the host), which encodes it with the codecs in RetroWalk.Core.Ble.
    /// </summary>
    public sealed class TrackerStatus
    {
        public uint ForwardSteps;
        public uint BackwardSteps;

        /// <summary>UTC seconds since 1970 of the last count reset; 0 while the clock has not been set.</summary>
        public uint ResetEpochS;

        /// <summary>Steps per minute over the last few steps (0..255).</summary>
        public byte CadenceSpm;

        public WalkDirection Direction;

        /// <summary>True while the last steps were classified as running (RSC walking/running flag).</summary>
        public bool Running;

        /// <summary>Trunk angle from the upright reference in tenths of a degree.</summary>
        public short TiltDeciDeg;

        public TiltDirection TiltDirection;

        public AlarmLevel Alarm;

        /// <summary>True once a phone has set the clock (Current Time write).</summary>
        public bool ClockSynced;

        /// <summary>Backward-walking session figures.</summary>
        public uint BackwardWalkingS;
        public ushort LongestBackwardStreakSteps;
        public ushort BackwardIntervals;

        /// <summary>Incremented on every publication (the BTHome packet id is not this: see BtHomePacketId).</summary>
        public byte Sequence;

        /// <summary>Battery level 0..100 %, or -1 when not measured (no battery part, or before the first reading).</summary>
        public int BatteryPercent = -1;

        /// <summary>
        /// The device needs attention (<see cref="Health.DeviceHealth.HasFault"/>): filled in by the BLE side from the last
        /// Health publication, as the battery level, and advertised as BTHome's second "problem".
        /// </summary>
        public bool HealthFault;

        public void CopyFrom(TrackerStatus other)
        {
            ForwardSteps = other.ForwardSteps;
            BackwardSteps = other.BackwardSteps;
            ResetEpochS = other.ResetEpochS;
            CadenceSpm = other.CadenceSpm;
            Direction = other.Direction;
            Running = other.Running;
            TiltDeciDeg = other.TiltDeciDeg;
            TiltDirection = other.TiltDirection;
            Alarm = other.Alarm;
            ClockSynced = other.ClockSynced;
            BackwardWalkingS = other.BackwardWalkingS;
            LongestBackwardStreakSteps = other.LongestBackwardStreakSteps;
            BackwardIntervals = other.BackwardIntervals;
            Sequence = other.Sequence;
            BatteryPercent = other.BatteryPercent;
            HealthFault = other.HealthFault;
        }
    }
}
