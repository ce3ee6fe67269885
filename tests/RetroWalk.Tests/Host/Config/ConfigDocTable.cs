using System.Collections.Generic;
using System.Globalization;
using System.Text;
using RetroWalk.Core.Config;

namespace RetroWalk.Tests.Host.Config
{
    /// <summary>
    /// The Config byte layout of docs/ble.md as it must read, generated from <see cref="SettingTable"/>: offset, type,
    /// setting, unit, accepted range and default of every row. A setting added to the table makes the doc check fail
    /// until the page carries its row (the failure prints the table to paste).
    /// </summary>
    public static class ConfigDocTable
    {
        public static string Markdown()
        {
            var text = new StringBuilder();
            text.Append("| Offset | Type | Setting | Unit | Accepted | Default |\n");
            text.Append("|---|---|---|---|---|---|\n");
            foreach (SettingSpec row in SettingTable.Rows)
            {
                text.Append("| " + N(SettingsCodec.Offset(row.Id)) + " | " + row.WireType + " | " + Setting(row) + " | " + row.Unit + " | "
                    + Accepted(row) + " | " + Default(row) + " |\n");
            }

            return text.ToString();
        }

        private static string Setting(SettingSpec row)
        {
            if (row.Id == SettingTable.Flags)
            {
                var bits = new StringBuilder("flags:");
                for (int bit = 0; bit < SettingTable.FlagLabels.Length; bit++)
                {
                    bits.Append(" bit " + N(bit) + " " + SettingTable.FlagLabels[bit] + (bit + 1 < SettingTable.FlagLabels.Length ? ";" : ""));
                }

                return bits + "; other bits 0";
            }

            if (row.Id == SettingTable.ForwardAxis)
            {
                return row.Label + " (0 +X, 1 −X, 2 +Y, 3 −Y, 4 +Z, 5 −Z, 6 learn it)";
            }

            return row.Label;
        }

        private static string Accepted(SettingSpec row)
        {
            if (row.Id == SettingTable.Flags)
            {
                return "0–" + N(row.Max);
            }

            string range = Signed(row.Min) + "–" + Signed(row.Max);
            return row.ZeroMeans is null ? range : range + ", or 0 = " + row.ZeroMeans;
        }

        private static string Default(SettingSpec row)
        {
            if (row.Id == SettingTable.Flags)
            {
                var on = new List<string>();
                for (int bit = 0; bit < SettingTable.FlagLabels.Length; bit++)
                {
                    if ((row.Default & (1 << bit)) != 0)
                    {
                        on.Add(bit.ToString(CultureInfo.InvariantCulture));
                    }
                }

                return N(row.Default) + " (bits " + string.Join(", ", on) + ")";
            }

            if (row.Id == SettingTable.ForwardAxis)
            {
                return N(row.Default) + " (" + ((MountAxis)row.Default).ToString() + ")";
            }

            return row.Default == 0 && row.ZeroMeans != null ? "0 (" + row.ZeroMeans + ")" : Signed(row.Default);
        }

        private static string Signed(int v) => v < 0 ? "−" + N(-v) : N(v);

        private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
