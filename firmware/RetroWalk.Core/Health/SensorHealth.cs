namespace RetroWalk.Core.Health
{
    /// <summary>
    /// The motion sensor's state as the Health characteristic reports it. 0-4 are the MPU-6050 init results
    /// (<see cref="Sensors.Mpu6050Status"/>, same numbers); <see cref="Silent"/> is a sensor that initialised but has
    /// delivered no sample lately (unplugged, asleep after a brown-out, a bus held low).
    /// </summary>
    public enum SensorHealth : byte
    {
        Ok = 0,
        BusError = 1,
        WrongChip = 2,
        ReadbackMismatch = 3,
        UnsupportedRate = 4,
        Silent = 5,
    }
}
