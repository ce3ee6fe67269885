using RetroWalk.Core.Config;
using RetroWalk.Core.Health;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The GATT server's state and every rule it follows, for one connection at a time, without any BLE API: who
    /// subscribed to what, the negotiated MTU, what a read answers, what a write does and which ATT code answers it,
    /// which notifications are due, the History transfer. The device adapter (firmware Ble/BleTracker) and the host's
    /// emulated phone and dashboard GATT table call it with <see cref="GattTable"/> ids and move the bytes it leaves
    /// in <see cref="Value"/>. Not thread-safe: callers serialise (the device adapter under its lock).
    /// <para>After any call, <see cref="TakeNotifications"/> says which characteristics to notify now (one bit per id),
    /// each with the bytes in <see cref="Value"/>. A notification is only ever queued for a subscribed characteristic.</para>
    /// </summary>
    public sealed class GattSessionState
    {
        /// <summary>ATT_MTU before (or without) an MTU exchange, Core spec Vol 3 Part G 5.2.1.</summary>
        public const int DefaultAttMtu = 23;

        /// <summary>
        /// Bytes of a write the adapter copies: the largest write at the default MTU (ATT_MTU − 3), or the whole Config
        /// record if longer (it arrives in one write after an MTU exchange or a long write).
        /// </summary>
        public static readonly int WriteBufferLength = ConfigCodec.Length > DefaultAttMtu - 3 ? ConfigCodec.Length : DefaultAttMtu - 3;

        /// <summary>Pause between two History notifications, so NimBLE's buffers drain.</summary>
        public const int HistoryPacketGapMs = 20;

        /// <summary>NimBLE refuses a notification while its buffers are full: try this often, this far apart.</summary>
        public const int NotifyAttempts = 3;
        public const int NotifyRetryDelayMs = 50;

        /// <summary>While a session runs, its summary is notified at most this often (at once when one starts or ends).</summary>
        public const int SessionNotifyIntervalMs = 60000;

        private readonly GattWrites _writes;
        private readonly StandardServiceWrites _standard;
        private readonly IHistorySource _history;
        private readonly BatteryReporter _battery;
        private readonly byte[][] _values = new byte[GattTable.Count][];
        private readonly int[] _lengths = new int[GattTable.Count];
        private readonly int[] _subscribers = new int[GattTable.Count];
        private readonly byte[] _write = new byte[WriteBufferLength];
        private readonly HistoryStream _historyStream = new HistoryStream();
        private readonly RscMeasurement _rsc = new RscMeasurement();
        private readonly LinkSecurity _link = new LinkSecurity();
        private int _pending;
        private bool _connected;
        private int _attMtu = DefaultAttMtu;
        private bool _historyActive;
        private bool _advertisementChanged;
        private RecordingControl _recording;
        private SensorConfig _recordingSensor = new SensorConfig();
        private bool _healthFault;
        private ISessionSource _sessions;
        private SessionStream _sessionStream;
        private bool _sessionLogActive;
        private int _sessionGeneration;
        private long _lastSessionNotifyMs;

        /// <param name="commands">Receives Control Point ops (all but Request History, which the session streams).</param>
        /// <param name="config">Settings and clock (Config, Current Time, Local Time Information writes).</param>
        /// <param name="history">Hourly records for History, or null (Request History then answers "not supported").</param>
        /// <param name="battery">The battery measurement, or null on a board without one (no Battery service).</param>
        public GattSessionState(ICommandSink commands, IConfigSink config, IHistorySource history, BatteryReporter battery)
        {
            _writes = new GattWrites(commands, config);
            _standard = new StandardServiceWrites(commands, config);
            _history = history;
            _battery = battery;
            for (int id = 0; id < GattTable.Count; id++)
            {
                _values[id] = new byte[MaxLength(id)];
                _lengths[id] = FixedLength(id);
            }

            RscFeatureCodec.EncodeFeature(RscFeatureCodec.Supported, _values[GattTable.RscFeature], 0);
            _values[GattTable.SensorLocation][0] = RscFeatureCodec.LocationHip;
        }

        /// <summary>
        /// Recording mode (Raw Samples, docs/ble.md): Control Point 0x11/0x12 go to <paramref name="recording"/>, which
        /// the device loop's RawSampleTap reads; the link dropping or the phone unsubscribing stops it. The format read
        /// tells the phone <paramref name="sensor"/>'s rate and ranges. Without it, the ops answer "not supported".
        /// </summary>
        public void AttachRecording(RecordingControl recording, SensorConfig sensor)
        {
            _recording = recording;
            _recordingSensor = sensor;
        }

        /// <summary>
        /// Sessions (docs/ble.md, "Session" and "Session log"): the Session characteristic reads and notifies the
        /// current or last session, Control Point 0x13 downloads the kept ones. Without it, reads of Session are empty
        /// and 0x13 answers "not supported".
        /// </summary>
        public void AttachSessions(ISessionSource sessions)
        {
            _sessions = sessions;
            _sessionStream = sessions == null ? null : new SessionStream(sessions.MaxRecordLength);
            _sessionGeneration = sessions == null ? 0 : sessions.Generation;
        }

        /// <summary>False on a board without a battery measurement: the Battery service is not created.</summary>
        public bool HasBattery
        {
            get { return _battery != null; }
        }

        public bool Connected
        {
            get { return _connected; }
        }

        /// <summary>The link's encryption and bond, as the adapter reports them; every write is checked against it.</summary>
        public LinkSecurity Link
        {
            get { return _link; }
        }

        public int AttMtu
        {
            get { return _attMtu; }
        }

        /// <summary>BTHome advertising, as last read from the settings.</summary>
        public bool BtHomeAdvertising
        {
            get { return _writes.Settings.BtHomeAdvertising; }
        }

        /// <summary>The adapter copies a write's bytes here (at most its length) before <see cref="Write"/>.</summary>
        public byte[] WriteBuffer
        {
            get { return _write; }
        }

        /// <summary>The bytes of the characteristic's current value (read answer or notification); see <see cref="ValueLength"/>.</summary>
        public byte[] Value(int id)
        {
            return _values[id];
        }

        public int ValueLength(int id)
        {
            return _lengths[id];
        }

        public bool IsSubscribed(int id)
        {
            return GattTable.IsValid(id) && _subscribers[id] > 0;
        }

        /// <summary>
        /// A connection opened or closed: either way nobody is subscribed yet, the MTU is the default and the link is
        /// neither encrypted nor approved.
        /// </summary>
        public void ConnectionChanged(bool active)
        {
            _connected = active;
            _link.Reset();
            for (int id = 0; id < GattTable.Count; id++)
            {
                _subscribers[id] = 0;
            }

            _attMtu = DefaultAttMtu;
            _historyActive = false;
            _sessionLogActive = false;
            _pending = 0;
            if (_recording != null)
            {
                _recording.LinkDropped();
            }
        }

        /// <summary>The stack reports how many clients have enabled notifications of <paramref name="id"/>.</summary>
        public void SubscribersChanged(int id, int count)
        {
            if (!GattTable.IsValid(id) || !GattTable.Can(id, GattTable.PropertyNotify))
            {
                return;
            }

            _subscribers[id] = count < 0 ? 0 : count;
            if (count <= 0)
            {
                _pending &= ~Bit(id);
                if (id == GattTable.History)
                {
                    _historyActive = false;
                }
                else if (id == GattTable.SessionLog)
                {
                    _sessionLogActive = false;
                }
                else if (id == GattTable.RawSamples && _recording != null)
                {
                    _recording.Unsubscribed();
                }
            }
        }

        public void MtuChanged(int attMtu)
        {
            _attMtu = attMtu < DefaultAttMtu ? DefaultAttMtu : attMtu;
        }

        /// <summary>The notifications due now, one bit per <see cref="GattTable"/> id (1 &lt;&lt; id); clears them.</summary>
        public int TakeNotifications()
        {
            int pending = _pending;
            _pending = 0;
            return pending;
        }

        public static int Bit(int id)
        {
            return 1 << id;
        }

        /// <summary>True once after a write changed what the advertisement carries (BTHome switched on or off).</summary>
        public bool TakeAdvertisementChanged()
        {
            bool changed = _advertisementChanged;
            _advertisementChanged = false;
            return changed;
        }

        /// <summary>
        /// Answers a read: leaves the value in <see cref="Value"/> and returns <see cref="GattWrites.Accept"/>, or the
        /// ATT error. The clock is only used by Current Time (local time from it and the configured offset).
        /// </summary>
        public byte Read(int id, long utcNowS, int millisecond)
        {
            if (!GattTable.IsValid(id) || !GattTable.Can(id, GattTable.PropertyRead))
            {
                return CodecStatus.AttReadNotPermitted;
            }

            switch (id)
            {
                case GattTable.Config:
                    _lengths[id] = _writes.ReadConfig(_values[id], 0);
                    break;
                case GattTable.CurrentTime:
                    _lengths[id] = _writes.ReadCurrentTime(utcNowS, millisecond, 0, _values[id], 0);
                    break;
                case GattTable.LocalTimeInformation:
                    _lengths[id] = _standard.ReadLocalTimeInfo(_values[id], 0);
                    break;
                case GattTable.RawSamples:
                    _lengths[id] = RawSamplesCodec.EncodeFormat(_recording != null && _recording.IsOn, _recordingSensor, _values[id], 0);
                    break;
                case GattTable.Session:
                    _lengths[id] = _sessions == null ? 0 : _sessions.EncodeCurrent(_values[id], 0);
                    break;
            }

            return GattWrites.Accept;
        }

        /// <summary>
        /// Handles a write of <paramref name="length"/> bytes at <paramref name="offset"/>, whose first bytes (at most
        /// <see cref="WriteBufferLength"/>) the adapter copied into <see cref="WriteBuffer"/>. Returns the ATT answer
        /// (<see cref="GattWrites.Accept"/> = respond; a Write Without Response is never answered). Every write is
        /// refused with <see cref="CodecStatus.AttInsufficientAuthentication"/> unless <see cref="Link"/> is encrypted
        /// with an approved bond (<see cref="LinkSecurity.WriteAnswer"/>), before anything else is looked at.
        /// </summary>
        public byte Write(int id, int offset, int length)
        {
            if (!GattTable.IsValid(id)
                || !GattTable.Can(id, GattTable.PropertyWrite | GattTable.PropertyWriteWithoutResponse))
            {
                return CodecStatus.AttWriteNotPermitted;
            }

            byte security = _link.WriteAnswer();
            if (security != GattWrites.Accept)
            {
                return security;
            }

            if (offset != 0)
            {
                return CodecStatus.AttInvalidOffset;
            }

            if (id == GattTable.ControlPoint)
            {
                return WriteControlPoint(length);
            }

            if (length > _write.Length)
            {
                return id == GattTable.AlertLevel ? GattWrites.Accept : CodecStatus.AttInvalidLength;
            }

            switch (id)
            {
                case GattTable.Config:
                    bool btHomeChanged;
                    byte answer = _writes.WriteConfig(_write, length, out btHomeChanged);
                    _advertisementChanged |= btHomeChanged;
                    return answer;
                case GattTable.CurrentTime:
                    return WriteCurrentTime(length);
                case GattTable.LocalTimeInformation:
                    return _standard.WriteLocalTimeInfo(_write, length);
                default:
                    _standard.WriteAlertLevel(_write, length);
                    return GattWrites.Accept;
            }
        }

        /// <summary>Encodes the changed status values and queues their notifications (RSC Measurement follows the Snapshot).</summary>
        public void Publish(TrackerStatus status, int changedFields)
        {
            for (int c = 0; c < StatusCharacteristics.Count; c++)
            {
                if ((changedFields & StatusCharacteristics.Field(c)) != 0)
                {
                    StatusCharacteristics.Encode(c, status, _values[c], 0);
                    Queue(c);
                }
            }

            if ((changedFields & StatusFields.Snapshot) != 0)
            {
                // Speed and stride from the step lengths in force (Config: height or the lengths themselves).
                UserSettings settings = _writes.ReadSettings();
                RscMetrics.Fill(status.CadenceSpm, status.Direction, status.Running, settings.ForwardStepLengthCm,
                    settings.BackwardStepLengthCm, _rsc);
                _lengths[GattTable.RscMeasurement] = RscMeasurementCodec.Encode(_rsc, _values[GattTable.RscMeasurement], 0);
                Queue(GattTable.RscMeasurement);
            }
        }

        /// <summary>
        /// Measures the battery when due and writes the level (or -1 while unknown, or without a battery) into
        /// <paramref name="status"/>, which the advertisement carries; queues a Battery Level notification on a change. Returns true when the level changed.
        /// </summary>
        public bool UpdateBattery(TrackerStatus status, long nowMs)
        {
            if (_battery == null)
            {
                status.BatteryPercent = -1;
                return false;
            }

            bool changed = _battery.Update(nowMs);
            if (changed)
            {
                int percent = _battery.Percent;
                BatteryLevelCodec.Encode(percent < 0 ? 0 : percent, _values[GattTable.BatteryLevel], 0);
                Queue(GattTable.BatteryLevel);
            }

            status.BatteryPercent = _battery.Percent;
            return changed;
        }

        /// <summary>
        /// From the device loop's <see cref="HealthMonitor"/>: encodes the Health value and queues its notification;
        /// the fault flag goes into the advertisement (<see cref="BeforeAdvertise"/>).
        /// </summary>
        public void PublishHealth(DeviceHealth health)
        {
            _lengths[GattTable.Health] = HealthCodec.Encode(health, _values[GattTable.Health], 0);
            _healthFault = health.HasFault;
            Queue(GattTable.Health);
        }

        /// <summary>True if the last Health publication had a fault (BTHome's problem_2).</summary>
        public bool HealthFault
        {
            get { return _healthFault; }
        }

        /// <summary>
        /// Before the adapter offers <paramref name="status"/> to the advertisement (every offer, after
        /// <see cref="UpdateBattery"/>): fills in the device fault, and queues a Session notification when a session
        /// started or ended, or every <see cref="SessionNotifyIntervalMs"/> while one runs.
        /// </summary>
        public void BeforeAdvertise(TrackerStatus status, long nowMs)
        {
            status.HealthFault = _healthFault;
            if (_sessions == null)
            {
                return;
            }

            int generation = _sessions.Generation;
            bool due = generation != _sessionGeneration
                || (_sessions.Running && nowMs - _lastSessionNotifyMs >= SessionNotifyIntervalMs);
            if (!due)
            {
                return;
            }

            _sessionGeneration = generation;
            _lastSessionNotifyMs = nowMs;
            int length = _sessions.EncodeCurrent(_values[GattTable.Session], 0);
            if (length > 0)
            {
                _lengths[GattTable.Session] = length;
                Queue(GattTable.Session);
            }
        }

        /// <summary>The cell voltage of the last battery measurement, mV (0 without a battery).</summary>
        public int BatteryCellMv
        {
            get { return _battery == null ? 0 : _battery.CellMv; }
        }

        /// <summary>True while a History transfer has packets left to send.</summary>
        public bool HistoryActive
        {
            get { return _historyActive; }
        }

        /// <summary>
        /// The next History notification into <see cref="Value"/>(History); returns its length, or 0 when the transfer
        /// is over (sent, unsubscribed or disconnected).
        /// </summary>
        public int NextHistoryPacket()
        {
            if (!_historyActive || !IsSubscribed(GattTable.History))
            {
                _historyActive = false;
                return 0;
            }

            int length = _historyStream.Next(_values[GattTable.History], 0);
            _lengths[GattTable.History] = length;
            _historyActive = length > 0 && _historyStream.Active;
            return length;
        }

        /// <summary>True while a session download has packets left to send.</summary>
        public bool SessionLogActive
        {
            get { return _sessionLogActive; }
        }

        /// <summary>
        /// The next Session log notification into <see cref="Value"/>(SessionLog); returns its length, or 0 when the
        /// download is over (sent, unsubscribed or disconnected).
        /// </summary>
        public int NextSessionLogPacket()
        {
            if (!_sessionLogActive || !IsSubscribed(GattTable.SessionLog))
            {
                _sessionLogActive = false;
                return 0;
            }

            int length = _sessionStream.Next(_values[GattTable.SessionLog], 0);
            _lengths[GattTable.SessionLog] = length;
            _sessionLogActive = length > 0 && _sessionStream.Active;
            return length;
        }

        private byte WriteControlPoint(int length)
        {
            if (!IsSubscribed(GattTable.ControlPoint))
            {
                // As the SIG's control points: the result is notified, so a client must subscribe first.
                return CodecStatus.AttCccdImproperlyConfigured;
            }

            // Longer than any request: decode as one byte too long, so it is answered "bad parameter" with its op.
            int decoded = length > ControlPointCodec.MaxRequestLength ? ControlPointCodec.MaxRequestLength + 1 : length;
            byte op;
            uint argument;
            byte status = _writes.ControlPoint(_write, decoded, out op, out argument);
            if (status == ControlStatus.Ok && op == ControlOp.RequestHistory)
            {
                status = BeginHistory(argument);
            }
            else if (status == ControlStatus.Ok && op == ControlOp.RequestSessions)
            {
                status = BeginSessions(argument);
            }
            else if (status == ControlStatus.Ok && (op == ControlOp.StartRecording || op == ControlOp.StopRecording))
            {
                status = _recording == null ? ControlStatus.Unsupported
                    : _recording.Apply(op, IsSubscribed(GattTable.RawSamples), HistoryCodec.PayloadLengthForMtu(_attMtu));
            }

            ControlPointCodec.EncodeResponse(op, status, _values[GattTable.ControlPoint], 0);
            Queue(GattTable.ControlPoint);
            return GattWrites.Accept;
        }

        private byte BeginHistory(uint sinceEpochS)
        {
            if (_history == null)
            {
                return ControlStatus.Unsupported;
            }

            if (!IsSubscribed(GattTable.History) || _historyActive)
            {
                // Not subscribed, or a transfer is running (it goes on; ask again after its terminator).
                return ControlStatus.Failed;
            }

            _historyStream.Begin(_history, sinceEpochS, HistoryCodec.PayloadLengthForMtu(_attMtu));
            _historyActive = true;
            return ControlStatus.Ok;
        }

        private byte BeginSessions(uint fromNumber)
        {
            if (_sessions == null)
            {
                return ControlStatus.Unsupported;
            }

            if (!IsSubscribed(GattTable.SessionLog) || _sessionLogActive)
            {
                // As History: not subscribed, or a download is running (it goes on; ask again after its end marker).
                return ControlStatus.Failed;
            }

            _sessionStream.Begin(_sessions, fromNumber, HistoryCodec.PayloadLengthForMtu(_attMtu));
            _sessionLogActive = true;
            return ControlStatus.Ok;
        }

        private byte WriteCurrentTime(int length)
        {
            byte answer = _writes.WriteCurrentTime(_write, length);
            uint localEpochS;
            if (answer == GattWrites.Accept
                && CurrentTimeCodec.Decode(_write, 0, length, out localEpochS) == CodecStatus.Ok)
            {
                // The loop sets the clock at its next iteration: the notification carries the time written.
                CurrentTimeCodec.Encode(localEpochS, 0, CurrentTimeCodec.AdjustManual, _values[GattTable.CurrentTime], 0);
                _lengths[GattTable.CurrentTime] = CurrentTimeCodec.Length;
                Queue(GattTable.CurrentTime);
            }

            return answer;
        }

        private void Queue(int id)
        {
            if (_subscribers[id] > 0)
            {
                _pending |= Bit(id);
            }
        }

        private static int MaxLength(int id)
        {
            switch (id)
            {
                case GattTable.History:
                case GattTable.Session:
                case GattTable.SessionLog:
                    return HistoryCodec.MaxPayloadLength;
                case GattTable.RscMeasurement: return RscMeasurementCodec.MaxLength;
                default:
                    int length = FixedLength(id);
                    return length < 1 ? 1 : length;
            }
        }

        /// <summary>The value's length before anything was encoded (fixed-length values keep it).</summary>
        private static int FixedLength(int id)
        {
            if (id >= 0 && id < StatusCharacteristics.Count)
            {
                return StatusCharacteristics.Length(id);
            }

            switch (id)
            {
                case GattTable.ControlPoint: return ControlPointCodec.ResponseLength;
                case GattTable.Config: return ConfigCodec.Length;
                case GattTable.CurrentTime: return CurrentTimeCodec.Length;
                case GattTable.LocalTimeInformation: return LocalTimeInfoCodec.Length;
                case GattTable.RscFeature: return RscFeatureCodec.FeatureLength;
                case GattTable.SensorLocation: return RscFeatureCodec.LocationLength;
                case GattTable.BatteryLevel: return BatteryLevelCodec.Length;
                case GattTable.RawSamples: return RawSamplesCodec.FormatLength;
                case GattTable.Health: return HealthCodec.Length;
                default: return 0;
            }
        }
    }
}
