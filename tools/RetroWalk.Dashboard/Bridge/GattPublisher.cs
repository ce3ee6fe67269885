using RetroWalk.Core.Ble;
using RetroWalk.Core.Status;


namespace RetroWalk.Dashboard;

/// <summary>
/// The device loop's publisher in the emulation: hands each publication to <see cref="EmulatedGatt"/>, whose core GATT
/// session encodes it and notifies the subscribed page, as the firmware's BLE adapter does. Advertising is not
/// bridged (the page talks GATT only).
/// </summary>
public sealed class GattPublisher : IStatusPublisher
{
    public EmulatedGatt? Gatt { get; set; }

    public void Publish(TrackerStatus status, int changedFields) => Gatt?.Publish(status, changedFields);

    public void Advertise(TrackerStatus status)
    {
    }
}
