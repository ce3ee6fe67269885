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
}
