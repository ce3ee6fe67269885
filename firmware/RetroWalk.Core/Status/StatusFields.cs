namespace RetroWalk.Core.Status
{
    /// <summary>
    /// Bit mask of the groups of published values that changed, each rate-limited on its own: the step counts one
    /// by one, the snapshot of everything else that changes slowly, and tilt with the alarm (which goes out at once).
    /// The publisher decides what each group means on its transport (Ble.StatusCharacteristics maps them to GATT
    /// characteristics).
    /// </summary>
    public static class StatusFields
    {
        public const int ForwardSteps = 1;
        public const int BackwardSteps = 2;
        public const int Snapshot = 4;
        public const int TiltAlarm = 8;
        public const int All = ForwardSteps | BackwardSteps | Snapshot | TiltAlarm;

        /// <summary>How many groups there are: the bits of <see cref="All"/> are 1 &lt;&lt; 0 .. 1 &lt;&lt; (Count - 1).</summary>
        public const int Count = 4;
    }
}
