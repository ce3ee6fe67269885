using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Status;


namespace RetroWalk.Dashboard;

/// <summary>
/// The device loop's publisher in the emulation: hands each publication to <see cref="EmulatedGatt"/>, whose core GATT
/// session encodes it and notifies the subscribed page, as the firmware's BLE adapter does; the loop's HealthMonitor
/// hands it the Health value the same way. Advertising is not bridged (the page talks GATT only); its offers measure
/// the battery and queue the Session notification, as on the device.
/// </summary>
public sealed class GattPublisher : IStatusPublisher, IHealthPublisher
{
    public EmulatedGatt? Gatt { get; set; }

    public void Publish(TrackerStatus status, int changedFields) => Gatt?.Publish(status, changedFields);

    public void Advertise(TrackerStatus status) => Gatt?.Advertise(status);

    public void PublishHealth(DeviceHealth health) => Gatt?.PublishHealth(health);
}
