using System;
using System.Collections;
using System.Threading;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.Advertisement;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Power;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;
using Buffer = nanoFramework.Device.Bluetooth.Buffer;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// The tracker's GATT server and advertisement (docs/ble.md). A thin adapter: every byte is encoded and decoded
    /// by RetroWalk.Core.Ble; this class only moves those bytes through nanoFramework.Device.Bluetooth 1.x.
    /// <para>Threads: <see cref="Publish"/> and <see cref="Advertise"/> come from the device loop and never block on
    /// the radio; read/write handlers run on the BLE event thread and answer from cached values; a worker thread
    /// streams History and restarts advertising (both can take a second or more).</para>
    /// <para>Start order: construct, attach to the device loop (which then publishes everything and advertises on its
    /// next iteration), <see cref="Start"/>. <see cref="Advertise"/> may be called as often as the loop likes: it
    /// rate-limits itself and never restarts advertising while a phone is connected.</para>
    /// </summary>
    public sealed class BleTracker : IStatusPublisher
    {
        public const string Manufacturer = "RetroWalk project";
        public const string Model = "RetroWalk clip (ESP32 + MPU6050)";

        /// <summary>GAP appearance 0x0540: Generic Sensor.</summary>

        private const int HistoryPacketGapMs = 20;
        private const int NotifyRetries = 3;
        private const int AdvertStopTimeoutMs = 2000;

        private readonly IHistorySource _history;
        private readonly GattWrites _writes;
        private readonly object _sync = new object();

        private readonly GattServiceProvider _provider;
        private readonly GattLocalCharacteristic[] _values = new GattLocalCharacteristic[StatusCharacteristics.Count];
        private readonly byte[][] _valueBytes = new byte[StatusCharacteristics.Count][];
        private readonly Buffer[] _valueBuffers = new Buffer[StatusCharacteristics.Count];
        private readonly int[] _valueSubscribers = new int[StatusCharacteristics.Count];

        private readonly GattLocalCharacteristic _controlPoint;
        private readonly byte[] _controlResponse = new byte[ControlPointCodec.ResponseLength];
        private readonly Buffer _controlResponseBuffer;
        private int _controlSubscribers;

        private readonly GattLocalCharacteristic _configCharacteristic;
        private readonly byte[] _configBytes = new byte[ConfigCodec.Length];
        private readonly Buffer _configBuffer;

        private readonly GattLocalCharacteristic _historyCharacteristic;
        private readonly HistoryStream _historyStream = new HistoryStream();
        private readonly byte[] _historyPacket = new byte[HistoryCodec.MaxPayloadLength];
        private readonly Buffer _historyBuffer;
        private int _historySubscribers;
        private bool _historyPending;

        private readonly GattLocalCharacteristic _currentTime;
        private readonly byte[] _timeBytes = new byte[CurrentTimeCodec.Length];
        private readonly Buffer _timeBuffer;
        private int _timeSubscribers;

        /// <summary>Largest write any characteristic accepts (Current Time, 10 bytes); longer writes are refused.</summary>
        private readonly byte[] _write = new byte[CurrentTimeCodec.Length];

        private readonly AdvertRefreshPolicy _advertPolicy = new AdvertRefreshPolicy();
        private readonly AdvertisementFrames _frames = new AdvertisementFrames();
        private readonly TrackerStatus _advertStatus = new TrackerStatus();
        private bool _advertPending;
        private bool _connected;

        /// <summary>RSC, Battery, Immediate Alert and Local Time Information.</summary>
        private readonly StandardServices _standard;

        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private Thread _worker;

        /// <param name="commands">Receives decoded Control Point ops (all but Request History).</param>
        /// <param name="history">Hourly records for the History characteristic; read from the BLE worker thread.</param>
        /// <param name="config">Config characteristic and clock (Current Time writes).</param>
        /// <param name="firmwareRevision">"MAJOR.MINOR.PATCH", shown in Device Information.</param>
        /// <param name="hardwareRevision">Board revision, shown in Device Information.</param>
        /// <param name="batteryAdc">The battery divider's ADC channel, or null without one (no Battery service).</param>
        public BleTracker(ICommandSink commands, IHistorySource history, IConfigSink config,
            string firmwareRevision, string hardwareRevision, IBatteryAdc batteryAdc)
        {
            _history = history;
            _writes = new GattWrites(commands, config);

            BluetoothLEServer server = BluetoothLEServer.Instance;
            server.DeviceName = AdvertisementCodec.DefaultDeviceName;
            server.Appearance = AdvertisementCodec.AppearanceOnHipWalkingSensor;

            // Just Works pairing (no display, no keyboard): enough for the encrypted link the writes require.
            server.Pairing.IOCapabilities = DevicePairingIOCapabilities.NoInputNoOutput;
            server.Pairing.AllowBonding = true;

            // The custom service first: nanoFramework then adds its default Device Information service, which
            // CreateDeviceInformation below replaces (a provider with the same UUID replaces the earlier one).
            _provider = CreateProvider(new Guid(BleUuids.Service));
            GattLocalService service = _provider.Service;
            for (int c = 0; c < StatusCharacteristics.Count; c++)
            {
                _valueBytes[c] = new byte[StatusCharacteristics.Length(c)];
                _valueBuffers[c] = new Buffer(_valueBytes[c]);
                GattLocalCharacteristicParameters parameters = Parameters(
                    GattCharacteristicProperties.Read | GattCharacteristicProperties.Notify,
                    StatusCharacteristics.Description(c));
                parameters.CreateGattPresentationFormat(StatusCharacteristics.Format(c), StatusCharacteristics.Exponent(c),
                    StatusCharacteristics.Unit(c), PresentationFormat.NamespaceSig, PresentationFormat.DescriptionUnknown);
                _values[c] = Characteristic(service, StatusCharacteristics.Uuid(c), parameters);
                _values[c].ReadRequested += OnValueRead;
                _values[c].SubscribedClientsChanged += OnSubscribersChanged;
            }

            _controlResponseBuffer = new Buffer(_controlResponse);
            _controlPoint = Characteristic(service, BleUuids.ControlPoint, Parameters(
                GattCharacteristicProperties.Write | GattCharacteristicProperties.Notify,
                "Control point: write op [+params], notified 0x80 op status"));
            _controlPoint.WriteRequested += OnControlPointWrite;
            _controlPoint.SubscribedClientsChanged += OnSubscribersChanged;

            _configBuffer = new Buffer(_configBytes);
            _configCharacteristic = Characteristic(service, BleUuids.Config, Parameters(
                GattCharacteristicProperties.Read | GattCharacteristicProperties.Write,
                "Config: tilt back/fwd deg u8, hold ms u16, start steps u8, axis u8, flags u8, UTC offset s8 x15min"));
            _configCharacteristic.ReadRequested += OnConfigRead;
            _configCharacteristic.WriteRequested += OnConfigWrite;

            _historyBuffer = new Buffer(_historyPacket);
            _historyCharacteristic = Characteristic(service, BleUuids.History, Parameters(
                GattCharacteristicProperties.Notify,
                "History: hour epoch u32, fwd u16, bwd u16 records; FFFFFFFF ends"));
            _historyCharacteristic.SubscribedClientsChanged += OnSubscribersChanged;

            CreateDeviceInformation(firmwareRevision, hardwareRevision);

            GattServiceProvider timeProvider = CreateProvider(GattServiceUuids.CurrentTime);
            _timeBuffer = new Buffer(_timeBytes);
            GattLocalCharacteristicParameters timeParameters = Parameters(
                GattCharacteristicProperties.Read | GattCharacteristicProperties.Write | GattCharacteristicProperties.Notify,
                null);
            _currentTime = Characteristic(timeProvider.Service, null, timeParameters);
            _currentTime.ReadRequested += OnTimeRead;
            _currentTime.WriteRequested += OnTimeWrite;
            _currentTime.SubscribedClientsChanged += OnSubscribersChanged;

            _standard = new StandardServices(timeProvider.Service, commands, config, batteryAdc);
        }

        /// <summary>Starts advertising and the worker thread. Call after a first <see cref="Publish"/>.</summary>
        public void Start()
        {
            GattSession session = BluetoothLEServer.Instance.Session;
            if (session != null)
            {
                session.SessionStatusChanged += OnSessionStatusChanged;
            }

            _worker = new Thread(WorkerLoop);
            _worker.Start();
            lock (_sync)
            {
                // Not marked as advertised: the loop's first Advertise call refreshes it with the restored counts.
                _frames.Build(_advertStatus, _writes.Settings.BtHomeAdvertising, AdvertisementCodec.DefaultDeviceName);
            }

            _provider.StartAdvertising(AdvertisingParameters());
        }

        public void Publish(TrackerStatus status, int changedFields)
        {
            lock (_sync)
            {
                for (int c = 0; c < StatusCharacteristics.Count; c++)
                {
                    if ((changedFields & StatusCharacteristics.Field(c)) == 0)
                    {
                        continue;
                    }

                    StatusCharacteristics.Encode(c, status, _valueBytes[c], 0);
                    if (_valueSubscribers[c] > 0)
                    {
                        _values[c].NotifyValue(_valueBuffers[c]);
                    }
                }

                if ((changedFields & StatusFields.Snapshot) != 0)
                {
                    _standard.PublishRsc(status);
                }

                if (_worker == null)
                {
                    // Before Start: the first advertisement carries the latest published status.
                    _advertStatus.CopyFrom(status);
                }
            }
        }

        public void Advertise(TrackerStatus status)
        {
            lock (_sync)
            {
                long now = Environment.TickCount64;

                // The loop does not measure the battery: this adapter does, once a minute, and fills it in.
                _standard.UpdateBattery(status, now);
                if (_worker == null || !_advertPolicy.IsDue(status, now, _connected))
                {
                    return;
                }

                _advertPolicy.MarkAdvertised(status, now);
                _advertStatus.CopyFrom(status);
                _advertPending = true;
            }

            _wake.Set();
        }

        private void OnValueRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            int c = IndexOf(sender);
            lock (_sync)
            {
                args.GetRequest().RespondWithValue(_valueBuffers[c]);
            }
        }

        private void OnControlPointWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            int length = ReadWrite(request);
            if (length < 0)
            {
                return;
            }

            if (_controlSubscribers == 0)
            {
                // As the SIG's control points: the result is notified, so a client must subscribe first.
                request.RespondWithProtocolError(CodecStatus.AttCccdImproperlyConfigured);
                return;
            }

            byte op;
            uint argument;
            byte status;
            lock (_sync)
            {
                status = _writes.ControlPoint(_write, length, out op, out argument);
            }

            if (status == ControlStatus.Ok && op == ControlOp.RequestHistory)
            {
                status = BeginHistory(argument);
            }

            request.Respond();
            lock (_sync)
            {
                ControlPointCodec.EncodeResponse(op, status, _controlResponse, 0);
                _controlPoint.NotifyValue(_controlResponseBuffer);
            }
        }

        private byte BeginHistory(uint sinceEpochS)
        {
            if (_history == null)
            {
                return ControlStatus.Unsupported;
            }

            if (_historySubscribers == 0)
            {
                return ControlStatus.Failed;
            }

            GattSession session = BluetoothLEServer.Instance.Session;
            int mtu = session == null ? 23 : session.MaxMtuSize;
            lock (_sync)
            {
                _historyStream.Begin(_history, sinceEpochS, HistoryCodec.PayloadLengthForMtu(mtu));
                _historyPending = true;
            }

            _wake.Set();
            return ControlStatus.Ok;
        }

        private void OnConfigRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            lock (_sync)
            {
                _writes.ReadConfig(_configBytes, 0);
                args.GetRequest().RespondWithValue(_configBuffer);
            }
        }

        private void OnConfigWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            int length = ReadWrite(request);
            if (length < 0)
            {
                return;
            }

            byte answer;
            lock (_sync)
            {
                bool btHomeChanged;
                answer = _writes.WriteConfig(_write, length, out btHomeChanged);
                if (btHomeChanged)
                {
                    _advertPolicy.Invalidate();
                }
            }

            Answer(request, answer);
        }

        private void OnTimeRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            lock (_sync)
            {
                EncodeLocalTime(0);
                args.GetRequest().RespondWithValue(_timeBuffer);
            }
        }

        private void OnTimeWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            int length = ReadWrite(request);
            if (length < 0)
            {
                return;
            }

            byte answer;
            lock (_sync)
            {
                answer = _writes.WriteCurrentTime(_write, length);
            }

            Answer(request, answer);
            lock (_sync)
            {
                if (answer == GattWrites.Accept && _timeSubscribers > 0)
                {
                    EncodeLocalTime(CurrentTimeCodec.AdjustManual);
                    _currentTime.NotifyValue(_timeBuffer);
                }
            }
        }

        /// <summary>The device clock as local time into <see cref="_timeBytes"/> (caller holds the lock).</summary>
        private void EncodeLocalTime(byte adjustReason)
        {
            DateTime now = DateTime.UtcNow;
            _writes.ReadCurrentTime(now.ToUnixTimeSeconds(), now.Millisecond, adjustReason, _timeBytes, 0);
        }

        private static void Answer(GattWriteRequest request, byte attCode)
        {
            if (attCode == GattWrites.Accept)
            {
                request.Respond();
            }
            else
            {
                request.RespondWithProtocolError(attCode);
            }
        }

        private void OnSubscribersChanged(GattLocalCharacteristic sender, object args)
        {
            int count = sender.SubscribedClients.Length;
            lock (_sync)
            {
                if (sender == _controlPoint)
                {
                    _controlSubscribers = count;
                }
                else if (sender == _historyCharacteristic)
                {
                    _historySubscribers = count;
                }
                else if (sender == _currentTime)
                {
                    _timeSubscribers = count;
                }
                else
                {
                    _valueSubscribers[IndexOf(sender)] = count;
                }
            }
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            lock (_sync)
            {
                _connected = args.Status == GattSessionStatus.Active;
                if (!_connected)
                {
                    // A new connection subscribes afresh; SubscribedClientsChanged recounts then.
                    _controlSubscribers = 0;
                    _historySubscribers = 0;
                    _timeSubscribers = 0;
                    Array.Clear(_valueSubscribers, 0, _valueSubscribers.Length);
                }
            }
        }

        /// <summary>
        /// Copies a write into <see cref="_write"/> and returns its length, or answers the request with an ATT
        /// error and returns -1 (long/offset writes, or longer than any of our values).
        /// </summary>
        private int ReadWrite(GattWriteRequest request)
        {
            if (request.Offset != 0)
            {
                request.RespondWithProtocolError(GattProtocolError.InvalidOffset);
                return -1;
            }

            Buffer value = request.Value;
            int length = (int)value.Length;
            if (length > _write.Length)
            {
                request.RespondWithProtocolError(GattProtocolError.InvalidAttributeValueLength);
                return -1;
            }

            DataReader reader = DataReader.FromBuffer(value);
            for (int i = 0; i < length; i++)
            {
                _write[i] = reader.ReadByte();
            }

            return length;
        }

        private void WorkerLoop()
        {
            while (true)
            {
                _wake.WaitOne();
                bool history;
                bool advert;
                lock (_sync)
                {
                    history = _historyPending;
                    advert = _advertPending;
                    _historyPending = false;
                    _advertPending = false;
                }

                if (history)
                {
                    StreamHistory();
                }

                if (advert)
                {
                    RestartAdvertising();
                }
            }
        }

        private void StreamHistory()
        {
            while (true)
            {
                lock (_sync)
                {
                    int length = _historyStream.Next(_historyPacket, 0);
                    if (length == 0 || _historySubscribers == 0)
                    {
                        return;
                    }

                    _historyBuffer.Length = (uint)length;
                }

                NotifyWithRetry(_historyCharacteristic, _historyBuffer);
                Thread.Sleep(HistoryPacketGapMs);
            }
        }

        /// <summary>NimBLE refuses a notification when its buffers are full; wait and try again a few times.</summary>
        private static void NotifyWithRetry(GattLocalCharacteristic characteristic, Buffer value)
        {
            for (int attempt = 0; attempt < NotifyRetries; attempt++)
            {
                GattClientNotificationResult[] results = characteristic.NotifyValue(value);
                bool sent = true;
                for (int i = 0; i < results.Length; i++)
                {
                    sent &= results[i].Status == GattCommunicationStatus.Success;
                }

                if (sent)
                {
                    return;
                }

                Thread.Sleep(50);
            }
        }

        /// <summary>
        /// nanoFramework 1.x cannot change advertising data in place: stop, wait until the stack reports Stopped
        /// (stopping disposes the native GATT configuration, and starting before that would be undone by it), then
        /// start with the new data. Skipped while a phone is connected.
        /// </summary>
        private void RestartAdvertising()
        {
            lock (_sync)
            {
                if (_connected)
                {
                    return;
                }

                _frames.Build(_advertStatus, _writes.Settings.BtHomeAdvertising, AdvertisementCodec.DefaultDeviceName);
            }

            GattServiceProviderAdvertisementStatus state = _provider.AdvertisementStatus;
            if (state == GattServiceProviderAdvertisementStatus.Started
                || state == GattServiceProviderAdvertisementStatus.StartedWithoutAllAdvertisementData)
            {
                _provider.StopAdvertising();
                int waitedMs = 0;
                while (_provider.AdvertisementStatus != GattServiceProviderAdvertisementStatus.Stopped)
                {
                    if (waitedMs >= AdvertStopTimeoutMs)
                    {
                        return; // the next due refresh tries again
                    }

                    Thread.Sleep(50);
                    waitedMs += 50;
                }
            }

            _provider.StartAdvertising(AdvertisingParameters());
        }

        /// <summary>
        /// Advertising parameters carrying exactly the core's AD structures, in order. CustomAdvertisement drops
        /// nanoFramework's own Flags, name and 128-bit UUID sections (which would not leave room for BTHome); its
        /// first-fit packer then splits the structures as <see cref="AdvertisementCodec.Pack"/> does.
        /// </summary>
        private GattServiceProviderAdvertisingParameters AdvertisingParameters()
        {
            var parameters = new GattServiceProviderAdvertisingParameters();
            parameters.IsConnectable = true;
            parameters.CustomAdvertisement = true;
            ArrayList sections = parameters.Advertisement.DataSections;
            lock (_sync)
            {
                int at = 0;
                while (at < _frames.SectionsLength)
                {
                    int dataLength = _frames.Sections[at] - 1;
                    byte[] data = new byte[dataLength];
                    Array.Copy(_frames.Sections, at + 2, data, 0, dataLength);
                    sections.Add(new BluetoothLEAdvertisementDataSection(_frames.Sections[at + 1], new Buffer(data)));
                    at += dataLength + 2;
                }
            }

            return parameters;
        }

        private void CreateDeviceInformation(string firmwareRevision, string hardwareRevision)
        {
            GattLocalService dis = CreateProvider(GattServiceUuids.DeviceInformation).Service;
            StaticString(dis, GattCharacteristicUuids.ManufacturerNameString, Manufacturer);
            StaticString(dis, GattCharacteristicUuids.ModelNumberString, Model);
            StaticString(dis, GattCharacteristicUuids.FirmwareRevisionString, firmwareRevision);
            StaticString(dis, GattCharacteristicUuids.HardwareRevisionString, hardwareRevision);
            StaticString(dis, GattCharacteristicUuids.SoftwareRevisionString,
                "nanoFramework " + nanoFramework.Runtime.Native.SystemInfo.Version.ToString());
        }

        private static void StaticString(GattLocalService service, Guid uuid, string text)
        {
            if (text == null || text.Length == 0)
            {
                return;
            }

            var writer = new DataWriter();
            writer.WriteString(text);
            GattLocalCharacteristicParameters parameters = Parameters(GattCharacteristicProperties.Read, null);
            parameters.StaticValue = writer.DetachBuffer();
            service.CreateCharacteristic(uuid, parameters);
        }

        /// <summary>Parameters with reads open to all and state-changing writes only over an encrypted (paired) link.</summary>
        private static GattLocalCharacteristicParameters Parameters(GattCharacteristicProperties properties, string description)
        {
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = properties;
            parameters.ReadProtectionLevel = GattProtectionLevel.Plain;
            parameters.WriteProtectionLevel = (properties & GattCharacteristicProperties.Write) != 0
                ? GattProtectionLevel.EncryptionRequired
                : GattProtectionLevel.Plain;
            if (description != null)
            {
                parameters.UserDescription = description;
            }

            return parameters;
        }

        /// <summary>Creates a characteristic from a custom UUID string, or Current Time (0x2A2B) when it is null.</summary>
        private static GattLocalCharacteristic Characteristic(GattLocalService service, string uuid,
            GattLocalCharacteristicParameters parameters)
        {
            Guid id = uuid == null ? GattCharacteristicUuids.CurrentTime : new Guid(uuid);
            GattLocalCharacteristicResult result = service.CreateCharacteristic(id, parameters);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE characteristic " + uuid + ": " + result.Error.ToString());
            }

            return result.Characteristic;
        }

        private static GattServiceProvider CreateProvider(Guid uuid)
        {
            GattServiceProviderResult result = GattServiceProvider.Create(uuid);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE service: " + result.Error.ToString());
            }

            return result.ServiceProvider;
        }

        private int IndexOf(GattLocalCharacteristic characteristic)
        {
            for (int c = 0; c < _values.Length; c++)
            {
                if (_values[c] == characteristic)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
