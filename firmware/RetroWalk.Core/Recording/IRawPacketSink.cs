namespace RetroWalk.Core.Recording
{
    /// <summary>
    /// Where the recording mode's Raw Samples notifications go (the BLE adapter on the device, the bridge on the host).
    /// Called on the device loop's thread; it must not block on the radio. Returns false when the packet could not be
    /// sent (the stack's buffers are full, nobody subscribed): it is then lost, and the sequence numbers show the gap.
    /// </summary>
    public interface IRawPacketSink
    {
        bool SendRawPacket(byte[] packet, int length);
    }
}
