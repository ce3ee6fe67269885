namespace RetroWalk.Host.Emulation;

/// <summary>
/// Home Assistant's rule for BTHome packet ids, as in bthome-ble (src/bthome_ble/parser.py,
/// <c>_skip_old_or_duplicated_advertisement</c>): the first packet is accepted; a packet more than 4 s after the last
/// accepted one is accepted whatever its id; otherwise it is accepted only if its id is 1-63 ahead of the last
/// accepted id, modulo 256 (an equal id is a duplicate, a larger jump "an older packet"). A dropped packet does not
/// update the last id or time.
/// </summary>
public sealed class HomeAssistantPacketFilter
{
    public const double RepeatWindowS = 4.0;
    public const int MaxForwardJump = 63;

    private int? _lastId;
    private double _lastAcceptedS;

    /// <summary>True if Home Assistant would process a packet with <paramref name="packetId"/> received at <paramref name="timeS"/>.</summary>
    public bool Accept(int packetId, double timeS)
    {
        bool accept = _lastId is not int last
            || timeS - _lastAcceptedS > RepeatWindowS
            || ((packetId - last + 256) % 256 is >= 1 and <= MaxForwardJump);
        if (accept)
        {
            _lastId = packetId;
            _lastAcceptedS = timeS;
        }

        return accept;
    }
}
