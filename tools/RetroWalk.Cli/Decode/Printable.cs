using System.Text;

namespace RetroWalk.Cli.Decode;

/// <summary>Text from outside made safe to echo: control characters escaped, at most <see cref="MaxChars"/> characters.</summary>
public static class Printable
{
    public const int MaxChars = 60;

    public static string Excerpt(string text)
    {
        var sb = new StringBuilder("'");
        var shown = 0;
        foreach (var c in text)
        {
            if (shown == MaxChars)
            {
                sb.Append($"…' ({text.Length} characters)");
                return sb.ToString();
            }
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
            shown++;
        }
        return sb.Append('\'').ToString();
    }
}
