using RetroWalk.Core.Config;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// What a phone may change besides Control Point commands: the Config characteristic and the clock (Current Time
    /// write). Implemented by the device loop; called from the BLE event thread, so implementations hand the change
    /// over to the loop and return quickly (a GATT write must be answered within about 2 s).
    /// </summary>
    public interface IConfigSink
    {
        /// <summary>Fills <paramref name="into"/> with the settings in force.</summary>
        void ReadSettings(UserSettings into);

        /// <summary>Applies already validated settings (and persists them); returns a <see cref="ControlStatus"/> code.</summary>
        byte ApplySettings(UserSettings settings);

        /// <summary>Sets the wall clock to <paramref name="utcEpochS"/> (UTC seconds since 1970); returns a <see cref="ControlStatus"/> code.</summary>
        byte SetClock(uint utcEpochS);
    }
}
