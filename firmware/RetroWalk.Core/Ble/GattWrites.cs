using RetroWalk.Core.Config;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// What the device does with each GATT write and with the reads that depend on settings, without any BLE API: the
    /// firmware adapter hands it the written bytes and answers the request with the ATT code returned here (0 = accept).
    /// Kept in the core so that every rule (validation, "a bad write changes nothing", local time ↔ UTC) is tested on
    /// the host. Not thread-safe: the adapter serialises calls.
    /// </summary>
    public sealed class GattWrites
    {
        public const byte Accept = 0;

        private readonly ICommandSink _commands;
        private readonly IConfigSink _config;
        private readonly UserSettings _settings = new UserSettings();
        private readonly UserSettings _scratch = new UserSettings();

        public GattWrites(ICommandSink commands, IConfigSink config)
        {
            _commands = commands;
            _config = config;
            _config.ReadSettings(_settings);
        }

        /// <summary>The settings in force, read from the sink now.</summary>
        public UserSettings ReadSettings()
        {
            _config.ReadSettings(_settings);
            return _settings;
        }

        /// <summary>The settings in force as last read from the sink.</summary>
        public UserSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>
        /// Decodes a Control Point write and hands it to the command sink; returns the <see cref="ControlStatus"/> for
        /// the response. Request History (0x10) is not forwarded: it returns <see cref="ControlStatus.Ok"/> with the
        /// epoch in <paramref name="argument"/>, and the adapter starts the stream and replaces the status if it cannot.
        /// Start/Stop Recording (0x11, 0x12) are not forwarded either: the adapter answers them with
        /// <see cref="RecordingControl.Apply"/>, which knows the Raw Samples subscription and the MTU. Request Sessions
        /// (0x13) is streamed by the adapter like Request History.
        /// </summary>
        public byte ControlPoint(byte[] src, int length, out byte op, out uint argument)
        {
            byte status = ControlPointCodec.DecodeRequest(src, 0, length, out op, out argument);
            if (status != ControlStatus.Ok || op == ControlOp.RequestHistory || op == ControlOp.StartRecording
                || op == ControlOp.StopRecording || op == ControlOp.RequestSessions)
            {
                return status;
            }

            return _commands.Submit(op, argument);
        }

        /// <summary>Encodes the settings in force (fresh from the sink) for a Config read; returns the length.</summary>
        public int ReadConfig(byte[] dst, int offset)
        {
            _config.ReadSettings(_settings);
            return ConfigCodec.Encode(_settings, dst, offset);
        }

        /// <summary>
        /// Validates and applies a Config write. Returns <see cref="Accept"/> or the ATT error to answer with; on any
        /// error the settings in force are unchanged. <paramref name="btHomeChanged"/> tells the adapter to rebuild
        /// the advertisement.
        /// </summary>
        public byte WriteConfig(byte[] src, int length, out bool btHomeChanged)
        {
            btHomeChanged = false;
            _config.ReadSettings(_settings);
            bool btHomeBefore = _settings.BtHomeAdvertising;
            byte result = ConfigCodec.Decode(src, 0, length, _scratch, _settings);
            if (result != CodecStatus.Ok)
            {
                return CodecStatus.ToAttError(result);
            }

            if (_config.ApplySettings(_settings) != ControlStatus.Ok)
            {
                _config.ReadSettings(_settings);
                return CodecStatus.AttWriteRequestRejected;
            }

            btHomeChanged = _settings.BtHomeAdvertising != btHomeBefore;
            return Accept;
        }

        /// <summary>Encodes the Current Time (local time, from UTC and the configured offset); returns the length.</summary>
        public int ReadCurrentTime(long utcEpochS, int millisecond, byte adjustReason, byte[] dst, int offset)
        {
            _config.ReadSettings(_settings);
            long local = utcEpochS + CurrentTimeCodec.UtcOffsetSeconds(_settings.UtcOffsetQuarterHours);
            if (local < 0)
            {
                local = 0;
            }
            else if (local > uint.MaxValue)
            {
                local = uint.MaxValue;
            }

            return CurrentTimeCodec.Encode((uint)local, (byte)(millisecond * 256 / 1000), adjustReason, dst, offset);
        }

        /// <summary>
        /// Validates a Current Time write (local time), converts it to UTC with the configured offset and sets the
        /// clock. Returns <see cref="Accept"/> or the ATT error to answer with.
        /// </summary>
        public byte WriteCurrentTime(byte[] src, int length)
        {
            uint localEpochS;
            byte result = CurrentTimeCodec.Decode(src, 0, length, out localEpochS);
            if (result != CodecStatus.Ok)
            {
                return CodecStatus.ToAttError(result);
            }

            _config.ReadSettings(_settings);
            long utc = (long)localEpochS - CurrentTimeCodec.UtcOffsetSeconds(_settings.UtcOffsetQuarterHours);
            if (utc < 0 || utc > uint.MaxValue)
            {
                return CodecStatus.AttOutOfRange;
            }

            return _config.SetClock((uint)utc) == ControlStatus.Ok ? Accept : CodecStatus.AttWriteRequestRejected;
        }
    }
}
