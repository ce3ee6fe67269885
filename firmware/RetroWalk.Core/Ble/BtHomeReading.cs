namespace RetroWalk.Core.Ble
{
    /// <summary>What a BTHome receiver reads from one advertisement (the subset RetroWalk sends).</summary>
    public sealed class BtHomeReading
    {
        public const int MaxCounts = 4;

        /// <summary>-1 when absent.</summary>
        public int PacketId;

        /// <summary>-1 when absent.</summary>
        public int BatteryPercent;

        /// <summary>The first 0x26 object (Home Assistant: problem_1, the fall alarm).</summary>
        public bool HasProblem;
        public bool Problem;

        /// <summary>The second 0x26 object (Home Assistant: problem_2, a device fault from the Health characteristic).</summary>
        public bool HasDeviceProblem;
        public bool DeviceProblem;

        /// <summary>Object 0x28 (Home Assistant: a Safety binary sensor, on = unsafe).</summary>
        public bool HasSafety;
        public bool Unsafe;
        public bool HasRotation;
        public short RotationDeciDeg;
        public bool TriggerBased;

        /// <summary>Set when object ids were not in ascending order (the reference parser warns).</summary>
        public bool OutOfOrder;

        /// <summary>count_1, count_2, … in the order received.</summary>
        public readonly uint[] Counts = new uint[MaxCounts];
        public int CountCount;

        public void Clear()
        {
            PacketId = -1;
            BatteryPercent = -1;
            HasProblem = false;
            Problem = false;
            HasDeviceProblem = false;
            DeviceProblem = false;
            HasSafety = false;
            Unsafe = false;
            HasRotation = false;
            RotationDeciDeg = 0;
            TriggerBased = false;
            OutOfOrder = false;
            CountCount = 0;
        }

        internal void AddCount(uint value)
        {
            if (CountCount < MaxCounts)
            {
                Counts[CountCount++] = value;
            }
        }
    }
}
