namespace RetroWalk.Core.Config
{
    /// <summary>MPU6050 accelerometer full-scale range; the value is the AFS_SEL field of ACCEL_CONFIG (0x1C, bits 4:3).</summary>
    public enum AccelRange : byte
    {
        Range2G = 0,
        Range4G = 1,
        Range8G = 2,
        Range16G = 3,
    }

    /// <summary>MPU6050 gyroscope full-scale range; the value is the FS_SEL field of GYRO_CONFIG (0x1B, bits 4:3).</summary>
    public enum GyroRange : byte
    {
        Range250Dps = 0,
        Range500Dps = 1,
        Range1000Dps = 2,
        Range2000Dps = 3,
    }
}
