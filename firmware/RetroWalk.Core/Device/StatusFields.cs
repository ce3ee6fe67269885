namespace RetroWalk.Core.Device
{
    /// <summary>Bit mask of the published values that changed; one bit per BLE value characteristic.</summary>
    public static class StatusFields
    {
        public const int ForwardSteps = 1;
        public const int BackwardSteps = 2;
        public const int Snapshot = 4;
        public const int TiltAlarm = 8;
        public const int All = ForwardSteps | BackwardSteps | Snapshot | TiltAlarm;
    }
}
