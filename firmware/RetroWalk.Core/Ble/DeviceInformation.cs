namespace RetroWalk.Core.Ble
{
    /// <summary>The fixed strings of the Device Information service (0x180A); docs/ble.md lists them.</summary>
    public static class DeviceInformation
    {
        public const string Manufacturer = "RetroWalk project";
        public const string Model = "RetroWalk clip (ESP32 + MPU6050)";

        /// <summary>Prefix of the Software Revision string, followed by the flashed nanoCLR's version.</summary>
        public const string SoftwarePrefix = "nanoFramework ";
    }
}
