using RetroWalk.Core.Ble;
using RetroWalk.Core.Status;


namespace RetroWalk.Dashboard;

/// <summary>
/// The device loop's publisher in the emulation: what the firmware's BLE adapter does with a publication, encoded with
/// the same characteristic table (<see cref="StatusCharacteristics"/>) and change bits, handed to <see cref="EmulatedGatt"/>
/// as notifications. Advertising is not bridged (the page talks GATT only).
/// </summary>
public sealed class GattPublisher : IStatusPublisher
{
    private readonly byte[] _payload = new byte[StatusCharacteristics.MaxLength];

    public EmulatedGatt? Gatt { get; set; }

    public void Publish(TrackerStatus status, int changedFields)
    {
        var gatt = Gatt;
        if (gatt is null)
        {
            return;
        }

        for (int c = 0; c < StatusCharacteristics.Count; c++)
        {
            if ((changedFields & StatusCharacteristics.Field(c)) == 0)
            {
                continue;
            }

            int length = StatusCharacteristics.Encode(c, status, _payload, 0);
            gatt.Notify(GattUuid.Normalize(StatusCharacteristics.Uuid(c)), _payload[..length]);
        }
    }

    public void Advertise(TrackerStatus status)
    {
    }
}
