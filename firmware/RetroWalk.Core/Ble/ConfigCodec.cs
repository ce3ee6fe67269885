using RetroWalk.Core.Config;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The Config characteristic (read/write): the settings record of <see cref="SettingsCodec"/>, every
    /// <see cref="SettingTable"/> row in id order (docs/ble.md, "Config"). A read gives the whole record. A write may
    /// stop at any field boundary: it sets the leading fields and keeps the others; it is validated whole.
    /// </summary>
    public static class ConfigCodec
    {
        public static readonly int Length = SettingsCodec.Length;

        public static int Encode(UserSettings settings, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            return SettingsCodec.Encode(settings, dst, offset);
        }

        /// <summary>
        /// Decodes and validates a write over the settings in <paramref name="into"/>. <paramref name="scratch"/>
        /// receives <paramref name="into"/> with the written fields; it is copied back only when every value is valid,
        /// so a bad write changes nothing. Wrong length (empty, longer than the record, or ending inside a field):
        /// <see cref="CodecStatus.BadLength"/>; a value out of range: <see cref="CodecStatus.OutOfRange"/>.
        /// </summary>
        public static byte Decode(byte[] src, int offset, int length, UserSettings scratch, UserSettings into)
        {
            if (src == null || offset < 0 || length <= 0 || length > Length || offset + length > src.Length
                || !SettingsCodec.IsFieldBoundary(length))
            {
                return CodecStatus.BadLength;
            }

            scratch.CopyFrom(into);
            SettingsCodec.Decode(src, offset, length, scratch);
            if (!scratch.IsValid())
            {
                return CodecStatus.OutOfRange;
            }

            into.CopyFrom(scratch);
            return CodecStatus.Ok;
        }
    }
}
