using System;
using System.Threading;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Health;
using RetroWalk.Core.Power;
using RetroWalk.Core.Recording;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;
using Buffer = nanoFramework.Device.Bluetooth.Buffer;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// The tracker's GATT server and advertisement (docs/ble.md): a thin adapter between nanoFramework.Device.Bluetooth
    /// 1.x and the core. Every decision (what a read answers, what a write does and its ATT code, who is notified, the
    /// History transfer, when and how advertising is refreshed) is the core's <see cref="GattSessionState"/> and
    /// <see cref="AdvertisingSequence"/>; this class hands them the stack's events and carries out what they leave.
    /// <para>Threads: <see cref="Publish"/> and <see cref="Advertise"/> come from the device loop and never block on
    /// the radio; read/write handlers run on the BLE event thread and answer from the session; a worker thread
    /// streams History and refreshes the advertisement (both can take a second or more). One lock guards the core.</para>
    /// <para>Pairing (docs/ble.md, Pairing): a phone bonds only while the loop's <see cref="PairingWindow"/> is open,
    /// and every write is checked by the session against the link's state, which <see cref="PairingAdapter"/> reports
    /// from the stack's pairing events.</para>
    /// <para>Start order: construct, attach to the device loop (which then publishes everything),
    /// <see cref="AttachPairing"/>, <see cref="Start"/>.</para>
    /// </summary>
    public sealed class BleTracker : IStatusPublisher, IHealthPublisher, IRawPacketSink
    {
        private readonly object _sync = new object();
        private readonly GattSessionState _session;
        private readonly AdvertisingSequence _adverts = new AdvertisingSequence(AdvertisementCodec.DefaultDeviceName);
        private readonly GattLocalCharacteristic[] _characteristics;
        private readonly Buffer[] _buffers = new Buffer[GattTable.Count];
        private readonly Advertiser _advertiser;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private bool _advertPending;
        private Thread _worker;
        private readonly PairingAdapter _pairing;

        /// <summary>Recording mode's packets are copied here to be notified (the packer keeps filling its own).</summary>
        private readonly byte[] _rawPacket = new byte[HistoryCodec.MaxPayloadLength];
        private readonly Buffer _rawBuffer;

        /// <param name="commands">Receives decoded Control Point ops (all but Request History).</param>
        /// <param name="history">Hourly records for the History characteristic; read from the BLE worker thread.</param>
        /// <param name="config">Config characteristic and clock (Current Time writes).</param>
        /// <param name="firmwareRevision">"MAJOR.MINOR.PATCH", shown in Device Information.</param>
        /// <param name="hardwareRevision">Board revision, shown in Device Information.</param>
        /// <param name="batteryAdc">The battery divider's ADC channel, or null without one (no Battery service).</param>
        public BleTracker(ICommandSink commands, IHistorySource history, IConfigSink config,
            string firmwareRevision, string hardwareRevision, IBatteryAdc batteryAdc)
        {
            _session = new GattSessionState(commands, config, history,
                batteryAdc == null ? null : new BatteryReporter(batteryAdc));

            BluetoothLEServer server = BluetoothLEServer.Instance;
            server.DeviceName = AdvertisementCodec.DefaultDeviceName;
            server.Appearance = AdvertisementCodec.AppearanceOnHipWalkingSensor;

            // Pairing that needs the wearer (docs/ble.md, Pairing): configured before the services are added.
            _pairing = new PairingAdapter(server.Pairing, _session.Link, _sync);

            var builder = new GattServiceBuilder();
            builder.Build(_session.HasBattery, firmwareRevision, hardwareRevision);
            _characteristics = builder.Characteristics;
            for (int id = 0; id < GattTable.Count; id++)
            {
                if (_characteristics[id] != null)
                {
                    _buffers[id] = new Buffer(_session.Value(id));
                    new CharacteristicBinding(id, this, _characteristics[id]);
                }
            }

            _advertiser = new Advertiser(builder.Primary, _adverts, _sync);
            _rawBuffer = new Buffer(_rawPacket);
        }

        /// <summary>Recording mode (docs/ble.md, Raw samples): the loop's RawSampleTap reads the same control.</summary>
        public void AttachRecording(RecordingControl recording, SensorConfig sensor)
        {
            lock (_sync)
            {
                _session.AttachRecording(recording, sensor);
            }
        }

        /// <summary>Sessions (docs/ble.md, Session and Session log): the loop thread books them, BLE reads them.</summary>
        public void AttachSessions(ISessionSource sessions)
        {
            lock (_sync)
            {
                _session.AttachSessions(sessions);
            }
        }

        /// <summary>From the device loop's HealthMonitor: the Health notification (at once on a fault).</summary>
        public void PublishHealth(DeviceHealth health)
        {
            lock (_sync)
            {
                _session.PublishHealth(health);
                SendNotifications();
            }
        }

        /// <summary>
        /// A Raw Samples packet from the device loop's thread: notified at once, without retrying (the loop must not
        /// wait on the radio). False if nobody subscribed or NimBLE refused it; the phone sees the gap in the sequence.
        /// </summary>
        public bool SendRawPacket(byte[] packet, int length)
        {
            lock (_sync)
            {
                GattLocalCharacteristic characteristic = _characteristics[GattTable.RawSamples];
                if (characteristic == null || !_session.IsSubscribed(GattTable.RawSamples) || length > _rawPacket.Length)
                {
                    return false;
                }

                Array.Copy(packet, _rawPacket, length);
                _rawBuffer.Length = (uint)length;
                GattClientNotificationResult[] results = characteristic.NotifyValue(_rawBuffer);
                bool sent = results.Length > 0;
                for (int i = 0; i < results.Length; i++)
                {
                    sent &= results[i].Status == GattCommunicationStatus.Success;
                }

                return sent;
            }
        }

        /// <summary>
        /// The loop's pairing window, and its monotonic clock (the window's times): without them no phone can bond and
        /// no write is ever accepted.
        /// </summary>
        public void AttachPairing(PairingWindow window, IClock clock)
        {
            _pairing.Attach(window, clock);
        }

        /// <summary>Starts advertising and the worker thread. Call after attaching to the loop.</summary>
        public void Start()
        {
            GattSession session = BluetoothLEServer.Instance.Session;
            if (session != null)
            {
                session.SessionStatusChanged += OnSessionStatusChanged;
                session.MaxPduSizeChanged += OnMtuChanged;
            }

            _worker = new Thread(WorkerLoop);
            _worker.Start();
            bool btHome;
            lock (_sync)
            {
                btHome = _session.BtHomeAdvertising;
            }

            _advertiser.Start(btHome);
        }

        public void Publish(TrackerStatus status, int changedFields)
        {
            lock (_sync)
            {
                _session.Publish(status, changedFields);
                _adverts.Published(status);
                SendNotifications();
            }
        }

        public void Advertise(TrackerStatus status)
        {
            bool wake;
            lock (_sync)
            {
                long now = Environment.TickCount64;

                // The loop does not measure the battery: the session does, when due, and fills it in.
                if (_session.UpdateBattery(status, now))
                {
                    System.Diagnostics.Debug.WriteLine("battery: " + _session.BatteryCellMv.ToString() + " mV, "
                        + status.BatteryPercent.ToString() + " %");
                }

                // The device fault (BTHome problem_2) and the Session characteristic's due notification.
                _session.BeforeAdvertise(status, now);
                SendNotifications();
                wake = _adverts.Offer(status, now);
                _advertPending |= wake;
            }

            // Offered every second by the loop: the stack may store a bond from the hold on, until the window closes.
            _pairing.SyncBonding();

            if (wake)
            {
                _wake.Set();
            }
        }

        /// <summary>A read of characteristic <paramref name="id"/> (BLE event thread).</summary>
        internal void Read(int id, GattReadRequestedEventArgs args)
        {
            GattReadRequest request = args.GetRequest();
            DateTime now = DateTime.UtcNow;
            lock (_sync)
            {
                byte answer = _session.Read(id, now.ToUnixTimeSeconds(), now.Millisecond);
                if (answer != GattWrites.Accept)
                {
                    request.RespondWithProtocolError(answer);
                    return;
                }

                _buffers[id].Length = (uint)_session.ValueLength(id);
                request.RespondWithValue(_buffers[id]);
            }
        }

        /// <summary>A write to characteristic <paramref name="id"/> (BLE event thread).</summary>
        internal void Write(int id, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            GattSession link = args.Session;
            Buffer value = request.Value;
            int length = (int)value.Length;
            byte answer;
            bool history;
            lock (_sync)
            {
                if (link != null)
                {
                    _session.MtuChanged(link.MaxMtuSize);
                }

                byte[] bytes = _session.WriteBuffer;
                int copied = length < bytes.Length ? length : bytes.Length;
                DataReader reader = DataReader.FromBuffer(value);
                for (int i = 0; i < copied; i++)
                {
                    bytes[i] = reader.ReadByte();
                }

                answer = _session.Write(id, (int)request.Offset, length);
                if (_session.TakeAdvertisementChanged())
                {
                    _adverts.Invalidate();
                }
            }

            if (request.Option == GattWriteOption.WriteWithResponse)
            {
                if (answer == GattWrites.Accept)
                {
                    request.Respond();
                }
                else
                {
                    request.RespondWithProtocolError(answer);
                }
            }

            // Responses (Control Point, Current Time) go out after the write's own answer.
            lock (_sync)
            {
                SendNotifications();
                history = _session.HistoryActive || _session.SessionLogActive;
            }

            if (history)
            {
                _wake.Set();
            }
        }

        internal void SubscribersChanged(int id, int count)
        {
            lock (_sync)
            {
                _session.SubscribersChanged(id, count);
            }
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            bool active = args.Status == GattSessionStatus.Active;
            lock (_sync)
            {
                _session.ConnectionChanged(active);
                _adverts.ConnectionChanged(active);
            }
        }

        private void OnMtuChanged(object sender, EventArgs args)
        {
            GattSession session = sender as GattSession;
            if (session != null)
            {
                lock (_sync)
                {
                    _session.MtuChanged(session.MaxMtuSize);
                }
            }
        }

        /// <summary>Sends what the session queued (caller holds the lock).</summary>
        private void SendNotifications()
        {
            int pending = _session.TakeNotifications();
            for (int id = 0; pending != 0 && id < GattTable.Count; id++)
            {
                int bit = GattSessionState.Bit(id);
                if ((pending & bit) == 0)
                {
                    continue;
                }

                pending &= ~bit;
                if (_characteristics[id] != null)
                {
                    _buffers[id].Length = (uint)_session.ValueLength(id);
                    _characteristics[id].NotifyValue(_buffers[id]);
                }
            }
        }

        private void WorkerLoop()
        {
            while (true)
            {
                _wake.WaitOne();
                bool advert;
                bool btHome;
                lock (_sync)
                {
                    advert = _advertPending;
                    _advertPending = false;
                    btHome = _session.BtHomeAdvertising;
                }

                StreamHistory();
                StreamSessionLog();
                if (advert)
                {
                    _advertiser.Refresh(btHome);
                }
            }
        }

        private void StreamHistory()
        {
            Buffer buffer = _buffers[GattTable.History];
            while (true)
            {
                lock (_sync)
                {
                    int length = _session.NextHistoryPacket();
                    if (length == 0)
                    {
                        return;
                    }

                    buffer.Length = (uint)length;
                }

                NotifyWithRetry(_characteristics[GattTable.History], buffer);
                Thread.Sleep(GattSessionState.HistoryPacketGapMs);
            }
        }

        /// <summary>A session download (Control Point 0x13), paced as History.</summary>
        private void StreamSessionLog()
        {
            Buffer buffer = _buffers[GattTable.SessionLog];
            while (true)
            {
                lock (_sync)
                {
                    int length = _session.NextSessionLogPacket();
                    if (length == 0)
                    {
                        return;
                    }

                    buffer.Length = (uint)length;
                }

                NotifyWithRetry(_characteristics[GattTable.SessionLog], buffer);
                Thread.Sleep(GattSessionState.HistoryPacketGapMs);
            }
        }

        /// <summary>NimBLE refuses a notification when its buffers are full; wait and try again a few times.</summary>
        private static void NotifyWithRetry(GattLocalCharacteristic characteristic, Buffer value)
        {
            for (int attempt = 0; attempt < GattSessionState.NotifyAttempts; attempt++)
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

                Thread.Sleep(GattSessionState.NotifyRetryDelayMs);
            }
        }
    }
}
