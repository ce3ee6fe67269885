namespace RetroWalk.Core.Sensors
{
    /// <summary>What an init result means, for the boot log (device and host emulation alike).</summary>
    public static class Mpu6050StatusText
    {
        public static string Describe(Mpu6050Status status)
        {
            switch (status)
            {
                case Mpu6050Status.Ok: return "ready";
                case Mpu6050Status.BusError: return "no answer on I2C";
                case Mpu6050Status.WrongChip: return "not an MPU-6050";
                case Mpu6050Status.ReadbackMismatch: return "configuration did not stick";
                default: return "unsupported sample rate";
            }
        }
    }
}
