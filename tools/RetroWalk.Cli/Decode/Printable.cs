using RetroWalk.Host.Recordings;

namespace RetroWalk.Cli.Decode;

/// <summary>Text from outside (an argument, a name in a payload) made safe to echo, quoted as the recording readers quote a field.</summary>
public static class Printable
{
    /// <summary>At most 60 characters, control characters escaped (<see cref="RecordingFormatException.Quote"/>).</summary>
    public static string Excerpt(string text) => RecordingFormatException.Quote(text);
}
