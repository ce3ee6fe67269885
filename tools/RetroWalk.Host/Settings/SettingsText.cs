using System.Globalization;
using RetroWalk.Core.Config;

namespace RetroWalk.Host.Settings;

/// <summary>
/// Every setting of a <see cref="UserSettings"/> as a label and a value with its unit, straight from the core's
/// <see cref="SettingTable"/> (the CLI's `decode config`, `simulate`'s phone): a setting added to the table shows here
/// without a change.
/// </summary>
public static class SettingsText
{
    /// <summary>The first <paramref name="count"/> settings (all by default) in table order; flags one line per bit.</summary>
    public static IEnumerable<(string Label, string Value)> Lines(UserSettings settings, int count = int.MaxValue)
    {
        for (int id = 0; id < SettingTable.Count && id < count; id++)
        {
            SettingSpec row = SettingTable.Rows[id];
            int v = settings.Get(id);
            if (id == SettingTable.Flags)
            {
                for (int bit = 0; bit < SettingTable.FlagLabels.Length; bit++)
                {
                    yield return (SettingTable.FlagLabels[bit], (v & (1 << bit)) != 0 ? "on" : "off");
                }

                continue;
            }

            yield return (row.Label, Value(settings, id));
        }
    }

    /// <summary>One setting's value as a person reads it: "30 °", "PlusZ", "+05:30", "0 (from the height: 70 cm)".</summary>
    public static string Value(UserSettings settings, int id)
    {
        SettingSpec row = SettingTable.Rows[id];
        int v = settings.Get(id);
        switch (id)
        {
            case SettingTable.ForwardAxis:
                return ((MountAxis)v).ToString();
            case SettingTable.Flags:
                return "0x" + v.ToString("X2", CultureInfo.InvariantCulture);
            case SettingTable.UtcOffsetQuarterHours:
                int minutes = v * 15;
                return string.Create(CultureInfo.InvariantCulture, $"{(minutes < 0 ? "-" : "+")}{Math.Abs(minutes) / 60:D2}:{Math.Abs(minutes) % 60:D2}");
        }

        string plain = string.Create(CultureInfo.InvariantCulture, $"{v} {row.Unit}").TrimEnd();
        if (v != 0 || row.ZeroMeans is null)
        {
            return plain;
        }

        return id switch
        {
            SettingTable.ForwardStepCm => $"0 ({row.ZeroMeans}: {settings.ForwardStepLengthCm} cm)",
            SettingTable.BackwardStepCm => $"0 ({row.ZeroMeans}: {settings.BackwardStepLengthCm} cm)",
            _ => $"0 ({row.ZeroMeans})",
        };
    }

    /// <summary>The first setting out of range, with the range, for an error message; empty when all are valid.</summary>
    public static string RangeHint(UserSettings settings)
    {
        int id = settings.FirstInvalid();
        if (id < 0)
        {
            return "";
        }

        SettingSpec row = SettingTable.Rows[id];
        string allowed = id == SettingTable.Flags
            ? string.Create(CultureInfo.InvariantCulture, $"bits 0x{SettingTable.KnownFlags:X2} only")
            : string.Create(CultureInfo.InvariantCulture, $"allowed {row.Min}..{row.Max}{(row.ZeroMeans is null ? "" : ", or 0: " + row.ZeroMeans)}");
        return string.Create(CultureInfo.InvariantCulture, $": {row.Label.ToLowerInvariant()} {$"{settings.Get(id)} {row.Unit}".TrimEnd()} ({allowed})");
    }

    /// <summary>
    /// Applies "key=value" assignments (keys of <see cref="SettingTable"/>, case-insensitive, and the flag bits by name
    /// with on/off) to <paramref name="settings"/>; false with a one-line <paramref name="error"/> on an unknown key,
    /// a value that is no whole number, or a result out of range (then <paramref name="settings"/> is unchanged).
    /// </summary>
    public static bool TryAssign(IEnumerable<string> assignments, UserSettings settings, out string error)
    {
        var result = new UserSettings();
        result.CopyFrom(settings);
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            string key = eq < 0 ? assignment : assignment[..eq].Trim();
            string text = eq < 0 ? "" : assignment[(eq + 1)..].Trim();
            int flag = Array.FindIndex(SettingTable.FlagKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (flag >= 0)
            {
                bool? on = text.ToLowerInvariant() switch { "on" or "1" or "true" => true, "off" or "0" or "false" => false, _ => null };
                if (on is null)
                {
                    error = $"--set {Printable(assignment)}: {SettingTable.FlagKeys[flag]} is on or off";
                    return false;
                }

                result.Flags = on.Value ? result.Flags | (1 << flag) : result.Flags & ~(1 << flag);
                continue;
            }

            SettingSpec? row = SettingTable.Rows.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                error = $"--set {Printable(assignment)}: unknown setting; known: {string.Join(", ", SettingTable.Rows.Select(r => r.Key).Concat(SettingTable.FlagKeys))}";
                return false;
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || !result.Set(row.Id, value))
            {
                string zero = row.ZeroMeans is null ? "" : $", or 0 ({row.ZeroMeans})";
                error = string.Create(CultureInfo.InvariantCulture, $"--set {Printable(assignment)}: {row.Key} takes a whole number {row.Min}..{row.Max}{zero}");
                return false;
            }
        }

        settings.CopyFrom(result);
        error = "";
        return true;
    }

    private static string Printable(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
