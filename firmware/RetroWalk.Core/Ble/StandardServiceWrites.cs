using RetroWalk.Core.Config;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// What writes to the standard services do, decided here so the device adapter only moves bytes: Alert Level
    /// (Immediate Alert) and Local Time Information (Current Time Service). Results are ATT errors as in
    /// <see cref="GattWrites"/> (<see cref="GattWrites.Accept"/> = 0 = accepted).
    /// </summary>
    public sealed class StandardServiceWrites
    {
        private readonly ICommandSink _commands;
        private readonly IConfigSink _config;
        private readonly UserSettings _settings = new UserSettings();

        /// <summary>
        /// The DST part of the UTC offset, as last written through Local Time Information. Kept in RAM only (the
        /// settings store the combined offset): after a reboot a read reports the whole offset as time zone, DST 0,
        /// until a phone writes it again, which a CTS client does on every connection.
        /// </summary>
        private byte _dstOffset15Min;

        public StandardServiceWrites(ICommandSink commands, IConfigSink config)
        {
            _commands = commands;
            _config = config;
        }

        /// <summary>
        /// An Alert Level write (Write Without Response: nothing is answered). Mild or High start the Identify
        /// signal (Control Point op 0x03, 3 s of beeps and LED); No Alert and invalid values do nothing (the
        /// signal ends by itself). Returns true if the tracker signals.
        /// </summary>
        public bool WriteAlertLevel(byte[] src, int length)
        {
            byte level;
            if (AlertLevelCodec.Decode(src, 0, length, out level) != CodecStatus.Ok || !AlertLevelCodec.Signals(level))
            {
                return false;
            }

            return _commands.Submit(ControlOp.Identify, 0) == ControlStatus.Ok;
        }

        public int ReadLocalTimeInfo(byte[] dst, int offset)
        {
            _config.ReadSettings(_settings);
            byte dstPart = _dstOffset15Min;
            int zone = _settings.UtcOffsetQuarterHours - dstPart;
            if (zone < LocalTimeInfoCodec.MinTimeZone || zone > LocalTimeInfoCodec.MaxTimeZone)
            {
                dstPart = 0; // the offset was changed through Config since: report it all as time zone
            }

            return LocalTimeInfoCodec.Encode(_settings.UtcOffsetQuarterHours, dstPart, dst, offset);
        }

        /// <summary>Sets the Config UTC offset to time zone + DST; ATT 0x0D / 0xFF for a bad value, 0xFC if not applied.</summary>
        public byte WriteLocalTimeInfo(byte[] src, int length)
        {
            int utcOffset;
            byte dstPart;
            byte result = LocalTimeInfoCodec.Decode(src, 0, length, out utcOffset, out dstPart);
            if (result != CodecStatus.Ok)
            {
                return CodecStatus.ToAttError(result);
            }

            _config.ReadSettings(_settings);
            _settings.UtcOffsetQuarterHours = utcOffset;
            if (_config.ApplySettings(_settings) != ControlStatus.Ok)
            {
                return CodecStatus.AttWriteRequestRejected;
            }

            _dstOffset15Min = dstPart;
            return GattWrites.Accept;
        }
    }
}
