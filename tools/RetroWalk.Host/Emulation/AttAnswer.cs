using RetroWalk.Core.Ble;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// The names of the ATT answers the tracker gives (<see cref="CodecStatus"/>, docs/ble.md "ATT errors"), as the
/// Core Specification (Vol 3, Part F, 3.4.1.1) and its Supplement (Part B, common profile and service error codes)
/// name them, so that the emulated phone says what a write got instead of a bare number.
/// </summary>
public static class AttAnswer
{
    /// <summary>Every ATT error the tracker (or its stack, for 0x0F) can answer with, by code.</summary>
    public static readonly IReadOnlyDictionary<byte, string> Names = new Dictionary<byte, string>
    {
        [CodecStatus.AttReadNotPermitted] = "Read Not Permitted",
        [CodecStatus.AttWriteNotPermitted] = "Write Not Permitted",
        [CodecStatus.AttInsufficientAuthentication] = "Insufficient Authentication",
        [CodecStatus.AttInvalidOffset] = "Invalid Offset",
        [CodecStatus.AttInvalidLength] = "Invalid Attribute Value Length",
        [CodecStatus.AttInsufficientEncryption] = "Insufficient Encryption",
        [CodecStatus.AttWriteRequestRejected] = "Write Request Rejected",
        [CodecStatus.AttCccdImproperlyConfigured] = "CCCD Improperly Configured",
        [CodecStatus.AttOutOfRange] = "Out of Range",
    };

    /// <summary>"accepted", or "ATT error 0xFC Write Request Rejected" (an unknown code is given as its number).</summary>
    public static string Describe(byte answer) =>
        answer == GattWrites.Accept ? "accepted"
        : Names.TryGetValue(answer, out string? name) ? $"ATT error 0x{answer:X2} {name}"
        : $"ATT error 0x{answer:X2}";
}
