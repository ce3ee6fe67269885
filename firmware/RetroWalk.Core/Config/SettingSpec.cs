namespace RetroWalk.Core.Config
{
    /// <summary>
    /// One user setting: its id (also its place in the record <see cref="SettingsCodec"/> writes), the key and label
    /// the phone page and the CLI show, its unit, accepted range, default and width on the wire. Rows live in
    /// <see cref="SettingTable"/>; nothing else defines a setting's range or default.
    /// </summary>
    public sealed class SettingSpec
    {
        public readonly int Id;

        /// <summary>camelCase name: JSON key of the companion page and the CLI.</summary>
        public readonly string Key;

        /// <summary>What the setting is, for a person (docs, page, CLI).</summary>
        public readonly string Label;

        /// <summary>Unit as shown ("°", "ms", "cm"...; empty for a choice or a bit set).</summary>
        public readonly string Unit;

        public readonly int Min;
        public readonly int Max;
        public readonly int Default;

        /// <summary>Bytes on the wire and on flash (1 or 2), little-endian.</summary>
        public readonly int Bytes;

        /// <summary>Two's complement on the wire (s8, s16); otherwise unsigned.</summary>
        public readonly bool Signed;

        /// <summary>
        /// What 0 means when 0 is accepted outside <see cref="Min"/>..<see cref="Max"/> ("off", "from height"); null
        /// when 0 has no special meaning.
        /// </summary>
        public readonly string ZeroMeans;

        public SettingSpec(int id, string key, string label, string unit, int min, int max, int defaultValue,
            int bytes, bool signed, string zeroMeans)
        {
            Id = id;
            Key = key;
            Label = label;
            Unit = unit;
            Min = min;
            Max = max;
            Default = defaultValue;
            Bytes = bytes;
            Signed = signed;
            ZeroMeans = zeroMeans;
        }

        /// <summary>True if <paramref name="value"/> is accepted: inside the range, or 0 where 0 has a meaning.</summary>
        public bool Accepts(int value)
        {
            return (value >= Min && value <= Max) || (value == 0 && ZeroMeans != null);
        }

        /// <summary>"u8", "s8", "u16" or "s16".</summary>
        public string WireType
        {
            get { return (Signed ? "s" : "u") + (Bytes * 8).ToString(); }
        }
    }
}
