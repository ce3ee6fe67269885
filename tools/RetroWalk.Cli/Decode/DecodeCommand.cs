using System.CommandLine;

namespace RetroWalk.Cli.Decode;

/// <summary>
/// `retrowalk decode WHAT HEX…` and `retrowalk decode --list`: a payload field by field, with the core's codecs.
/// Exit codes: 0 decoded; 1 the payload is invalid (wrong length, a bad value, not hex); 64 unknown WHAT.
/// </summary>
public static class DecodeCommand
{
    public const int ExitOk = ExitCodes.Ok;
    public const int ExitInvalidPayload = ExitCodes.Failed;
    public const int ExitUsage = ExitCodes.Usage;

    public static Command Create()
    {
        var what = new Argument<string?>("what") { Description = "What the bytes are (see --list)", Arity = ArgumentArity.ZeroOrOne };
        var hex = new Argument<string[]>("hex")
        {
            Description = "The payload in hex, as nRF Connect copies it: 0A-1B-2C, \"0a 1b 2c\", 0A:1B:2C or 0a1b2c",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var list = new Option<bool>("--list") { Description = "Name every payload this command decodes" };
        var command = new Command("decode", "Decode a BLE payload the tracker sends or accepts, field by field with units") { what, hex, list };
        command.SetAction(parse => Run(parse.GetValue(what), parse.GetValue(hex) ?? [], parse.GetValue(list), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? what, string[] hex, bool list, TextWriter output, TextWriter error)
    {
        if (list || what is null)
        {
            if (!list)
            {
                error.WriteLine("error: say what to decode, e.g. `retrowalk decode snapshot 0A000000...`; `retrowalk decode --list` names them all");
                return ExitUsage;
            }
            var width = PayloadDecoders.All.Max(d => d.Name.Length);
            foreach (var d in PayloadDecoders.All)
            {
                output.WriteLine($"{d.Name.PadRight(width)}  {d.Description}");
            }
            return ExitOk;
        }
        var decoder = PayloadDecoders.Find(what);
        if (decoder is null)
        {
            error.WriteLine($"error: cannot decode {Printable.Excerpt(what)}; choose one of: {string.Join(", ", PayloadDecoders.All.Select(d => d.Name))}");
            return ExitUsage;
        }
        var bytes = HexInput.Parse(string.Join("", hex), out var hexError);
        if (bytes is null)
        {
            error.WriteLine($"error: {decoder.Name}: {hexError}");
            return ExitInvalidPayload;
        }
        var decoded = decoder.Decode(bytes);
        if (decoded.Error is not null)
        {
            error.WriteLine($"error: {decoder.Name}: {decoded.Error}");
            return ExitInvalidPayload;
        }
        var nameWidth = decoded.Fields.Count == 0 ? 0 : decoded.Fields.Max(f => f.Name.Length);
        foreach (var (name, value) in decoded.Fields)
        {
            output.WriteLine($"{(name + ":").PadRight(nameWidth + 1)} {value}");
        }
        return ExitOk;
    }
}
