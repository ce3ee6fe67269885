using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    /// <summary>Puts a session's link where a phone the wearer paired earlier leaves it: encrypted with an approved bond.</summary>
    public static class BondedLink
    {
        public static GattSessionState Approve(GattSessionState session)
        {
            session.Link.PairingCompleted(true, true, null);
            return session;
        }
    }
}
