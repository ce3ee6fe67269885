namespace RetroWalk.Dashboard;

/// <summary>UUID strings as Web Bluetooth writes them: 128-bit, lower case; SIG 16-bit ones on the Bluetooth base UUID.</summary>
public static class GattUuid
{
    public static string FromSig(ushort uuid16) => $"0000{uuid16:x4}-0000-1000-8000-00805f9b34fb";

    public static string Normalize(string uuid) => uuid.Trim().ToLowerInvariant();
}
