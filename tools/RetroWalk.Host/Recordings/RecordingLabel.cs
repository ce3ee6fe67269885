namespace RetroWalk.Host.Recordings;

/// <summary>
/// A label event of a RetroWalk recording (format version 2, docs/recording-format.md): from sample
/// <see cref="StartSample"/> (its index among the file's samples) on, the wearer was doing <see cref="Name"/>, on a
/// treadmill when <see cref="Treadmill"/> is set, until the next label.
/// </summary>
public readonly record struct RecordingLabel(int StartSample, string Name, bool Treadmill = false)
{
    public const string Standing = "standing";
    public const string WalkingForward = "walking_forward";
    public const string WalkingBackward = "walking_backward";
    public const string Turning = "turning";

    /// <summary>The modifier after a label's name: on a treadmill.</summary>
    public const string TreadmillModifier = "treadmill";

    /// <summary>The labels the dashboard writes; a file may carry other names (lower-case words), kept as they are.</summary>
    public static readonly string[] Known = { Standing, WalkingForward, WalkingBackward, Turning };

    /// <summary>Longest label name a reader accepts.</summary>
    public const int MaxNameLength = 40;

    /// <summary>The direction walking under this label must show ("forward", "backward"), or null where none is implied.</summary>
    public string? ExpectedDirection => Name switch
    {
        WalkingForward => "forward",
        WalkingBackward => "backward",
        _ => null,
    };

    /// <summary>True for a name of lower-case letters, digits and underscores (1 to <see cref="MaxNameLength"/>).</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }
        return true;
    }
}
