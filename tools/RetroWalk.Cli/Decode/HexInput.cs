namespace RetroWalk.Cli.Decode;

/// <summary>Hex as nRF Connect and others copy it: "0A-1B-2C", "0a 1b 2c", "0A:1B:2C", "0x0A1B2C" or "0a1b2c".</summary>
public static class HexInput
{
    /// <summary>The bytes, or null with <paramref name="error"/> set (an odd digit count or a character that is not hex).</summary>
    public static byte[]? Parse(string text, out string? error)
    {
        error = null;
        var digits = new System.Text.StringBuilder(text.Length);
        var t = text.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }
        foreach (var c in t)
        {
            if (c is ' ' or '-' or ':' or '\t' or ',')
            {
                continue;
            }
            if (!Uri.IsHexDigit(c))
            {
                error = $"not a hex digit: {Printable.Excerpt(c.ToString())}";
                return null;
            }
            digits.Append(c);
        }
        if (digits.Length % 2 != 0)
        {
            error = $"odd number of hex digits ({digits.Length})";
            return null;
        }
        return Convert.FromHexString(digits.ToString());
    }

    public static string Format(byte[] bytes) => Convert.ToHexString(bytes);
}
