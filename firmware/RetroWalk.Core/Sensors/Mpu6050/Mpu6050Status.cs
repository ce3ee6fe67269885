namespace RetroWalk.Core.Sensors
{
    /// <summary>Result of the MPU-6050 init sequence.</summary>
    public enum Mpu6050Status : byte
    {
        Ok = 0,

        /// <summary>A register transfer failed on every retry (wiring, pull-ups, power, address).</summary>
        BusError = 1,

        /// <summary>WHO_AM_I was not 0x68: not an MPU-6050 (clones such as 0x70/0x72/0x98 differ); see LastWhoAmI.</summary>
        WrongChip = 2,

        /// <summary>A configuration register read back a different value than written.</summary>
        ReadbackMismatch = 3,

        /// <summary>The configured rate cannot be made from the 1 kHz gyro rate with an 8-bit divider.</summary>
        UnsupportedRate = 4,
    }
}
