using RetroWalk.Core.Recording;

namespace RetroWalk.Dashboard;

/// <summary>
/// The recording mode's packet sink in the emulation: what the firmware's BLE adapter does with a Raw Samples packet,
/// a notification to the subscribed page. <see cref="LoseNext"/> makes it refuse packets, as a full NimBLE buffer
/// would (the tests use it to check the page records the gap).
/// </summary>
public sealed class RawPacketForwarder : IRawPacketSink
{
    private int _toLose;

    public EmulatedGatt? Gatt { get; set; }

    public int PacketsRefused { get; private set; }

    /// <summary>The next <paramref name="packets"/> packets are lost (called under the device lock).</summary>
    public void LoseNext(int packets) => _toLose = Math.Max(0, packets);

    public bool SendRawPacket(byte[] packet, int length)
    {
        if (_toLose > 0)
        {
            _toLose--;
            PacketsRefused++;
            return false;
        }

        var gatt = Gatt;
        return gatt is not null && gatt.NotifyRawSamples(packet[..length]);
    }
}
