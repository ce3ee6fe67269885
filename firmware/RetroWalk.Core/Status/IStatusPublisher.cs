namespace RetroWalk.Core.Status
{
    /// <summary>
    /// Where the device loop publishes: BLE GATT notifications and the advertisement on the device, a recording
    /// publisher that decodes every payload as a phone would on the host. Calls come from the loop, already
    /// rate-limited; the implementation encodes with RetroWalk.Core.Ble into preallocated buffers.
    /// </summary>
    public interface IStatusPublisher
    {
        /// <summary>Notify the characteristics whose bit is set in <paramref name="changedFields"/> (see <see cref="StatusFields"/>).</summary>
        void Publish(TrackerStatus status, int changedFields);

        /// <summary>Refresh the advertisement (BTHome service data) with the current status.</summary>
        void Advertise(TrackerStatus status);
    }
}
