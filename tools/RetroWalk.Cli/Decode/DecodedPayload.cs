namespace RetroWalk.Cli.Decode;

/// <summary>The outcome of decoding one payload: its fields in order (name, value with unit), or one error line.</summary>
public sealed class DecodedPayload
{
    private readonly List<(string Name, string Value)> _fields = new();

    public IReadOnlyList<(string Name, string Value)> Fields => _fields;

    /// <summary>Null when the payload decoded; otherwise why not, in one line.</summary>
    public string? Error { get; private set; }

    public DecodedPayload Add(string name, string value)
    {
        _fields.Add((name, value));
        return this;
    }

    public static DecodedPayload Fail(string error) => new() { Error = error };
}
