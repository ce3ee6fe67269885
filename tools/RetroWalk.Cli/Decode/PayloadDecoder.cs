namespace RetroWalk.Cli.Decode;

/// <summary>One entry of the decode table: the name typed after `retrowalk decode`, what it is, and its decoder.</summary>
public sealed record PayloadDecoder(string Name, string Description, Func<byte[], DecodedPayload> Decode);
