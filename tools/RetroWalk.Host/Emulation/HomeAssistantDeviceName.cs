using RetroWalk.Core.Ble;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// The name Home Assistant's BTHome integration gives a tracker, derived from what its scanner hears as Home Assistant
/// derives it:
/// <list type="bullet">
/// <item>habluetooth (<c>base_scanner.py</c>, <c>_async_on_advertisement_internal</c>): the service info's name is the
/// local name heard, else the address; a later packet without a name, or with a shorter one, keeps the longest name
/// heard (as BlueZ merges properties), so one scan response is enough.</item>
/// <item>bthome-ble (<c>parser.py</c>, <c>get_name</c> and <c>_set_manufacture_name_type_and_title</c>): a name equal
/// to the address becomes "BTHome sensor"; a name ending in the address's last 6 hex digits loses them (ATC
/// firmware); the device name and the config entry title are that name, a space and <see cref="ShortAddress"/>.</item>
/// </list>
/// The local name is found with the project's own advertisement decoder (<see cref="AdvertisementCodec.Find"/>):
/// the Complete Local Name, else the Shortened one.
/// </summary>
public sealed class HomeAssistantDeviceName
{
    /// <summary>What bthome-ble calls a device whose only name is its address.</summary>
    public const string NamelessName = "BTHome sensor";

    private string? _heardName;

    public HomeAssistantDeviceName(string address) => Address = address;

    /// <summary>The device address as the scanner reports it, e.g. <c>AA:BB:CC:DD:EE:FF</c>.</summary>
    public string Address { get; }

    /// <summary>The longest local name heard so far; null while none was.</summary>
    public string? HeardName => _heardName;

    /// <summary>The device (and discovery title) name Home Assistant shows, e.g. "RetroWalk EEFF".</summary>
    public string DeviceName => $"{BtHomeName(_heardName ?? Address, Address)} {ShortAddress(Address)}";

    /// <summary>
    /// One advertising event: the advertisement, and the scan response when the scanner is active (an active scan
    /// requests it) or null when it scans passively. Returns false when a payload is not well-formed AD structures.
    /// </summary>
    public bool Hear(byte[] advertisement, int advertisementLength, byte[]? scanResponse = null, int scanResponseLength = 0)
    {
        bool ok = HearPayload(advertisement, advertisementLength);
        if (scanResponse is not null)
        {
            ok &= HearPayload(scanResponse, scanResponseLength);
        }

        return ok;
    }

    /// <summary>The local name carried by one payload (Complete, else Shortened), or null.</summary>
    public static string? LocalName(byte[] payload, int length)
    {
        foreach (byte type in new[] { AdvertisementCodec.TypeCompleteName, AdvertisementCodec.TypeShortenedName })
        {
            int at = AdvertisementCodec.Find(payload, 0, length, type, 0, out int nameLength);
            if (at >= 0)
            {
                return System.Text.Encoding.UTF8.GetString(payload, at, nameLength);
            }
        }

        return null;
    }

    /// <summary>bluetooth-data-tools <c>short_address</c>: the last two address bytes in upper-case hex.</summary>
    public static string ShortAddress(string address)
    {
        string[] parts = address.Replace('-', ':').Split(':');
        string tail = parts[^2].ToUpperInvariant() + parts[^1].ToUpperInvariant();
        return tail.Length <= 4 ? tail : tail[^4..];
    }

    /// <summary>bthome-ble <c>get_name</c> for a service-info name (the local name, or the address).</summary>
    public static string BtHomeName(string name, string address)
    {
        if (name == address)
        {
            name = NamelessName;
        }

        string atcIdentifier = address.Replace("-", "").Replace(":", "");
        atcIdentifier = atcIdentifier[^Math.Min(6, atcIdentifier.Length)..].ToUpperInvariant();
        if (name.Length >= 6 && name[^6..] == atcIdentifier)
        {
            name = name[..^6].TrimEnd(' ', '_');
        }

        return name;
    }

    private bool HearPayload(byte[] payload, int length)
    {
        if (length == 0)
        {
            return true;
        }

        if (AdvertisementCodec.CountStructures(payload, 0, length) < 0)
        {
            return false;
        }

        string? name = LocalName(payload, length);
        if (!string.IsNullOrEmpty(name) && (_heardName is null || name.Length >= _heardName.Length))
        {
            _heardName = name;
        }

        return true;
    }
}
