namespace RetroWalk.Core.Config
{
    /// <summary>MPU6050 gyroscope full-scale range; the value is the FS_SEL field of GYRO_CONFIG (0x1B, bits 4:3).</summary>
    public enum GyroRange : byte
    {
        Range250Dps = 0,
        Range500Dps = 1,
        Range1000Dps = 2,
        Range2000Dps = 3,
    }
}
