using System;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Power;
using RetroWalk.Core.Status;
using Buffer = nanoFramework.Device.Bluetooth.Buffer;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// The SIG services beside the RetroWalk service: Running Speed and Cadence (0x1814), Battery (0x180F), Immediate
    /// Alert (0x1802) and Local Time Information (0x2A0F) on the Current Time service. Only bytes move here: the
    /// payloads come from the core's codecs, what a write does from <see cref="StandardServiceWrites"/>. Written
    /// against ../shared/nanoframework/api/nanoFramework.Device.Bluetooth.txt (GattServiceUuids, GattCharacteristicUuids,
    /// GattLocalService.CreateCharacteristic, NotifyValue, RespondWithValue, RespondWithProtocolError, Respond).
    /// Called from BleTracker under its lock.
    /// </summary>
    public sealed class StandardServices
    {
        /// <summary>0x2904 unit "percentage".</summary>
        private const ushort UnitPercentage = 0x27AD;

        private readonly StandardServiceWrites _writes;
        private readonly IBatteryAdc _batteryAdc;
        private readonly BatteryGauge _gauge = BatteryDivider.NewGauge();
        private long _lastBatteryMs = long.MinValue;

        private readonly RscMeasurement _rsc = new RscMeasurement();
        private readonly byte[] _rscBytes = new byte[RscMeasurementCodec.MaxLength];
        private readonly GattLocalCharacteristic _rscMeasurement;
        private readonly byte[] _featureBytes = new byte[RscFeatureCodec.FeatureLength];
        private readonly byte[] _locationBytes = { RscFeatureCodec.LocationHip };

        private readonly byte[] _batteryBytes = new byte[BatteryLevelCodec.Length];
        private readonly GattLocalCharacteristic _batteryLevel;

        private readonly byte[] _localTimeBytes = new byte[LocalTimeInfoCodec.Length];
        private readonly byte[] _write = new byte[LocalTimeInfoCodec.Length];

        /// <summary>Step lengths for the RSC speed, cm (the defaults for 170 cm until settings carry them).</summary>
        public int ForwardStepCm = StepLengths.ForwardFromHeightCm(StepLengths.DefaultHeightCm);
        public int BackwardStepCm = StepLengths.BackwardFromForwardCm(StepLengths.ForwardFromHeightCm(StepLengths.DefaultHeightCm));

        /// <param name="currentTimeService">The Current Time service, which gets Local Time Information.</param>
        /// <param name="batteryAdc">The divider's ADC channel, or null on a board without one (no Battery service).</param>
        public StandardServices(GattLocalService currentTimeService, ICommandSink commands, IConfigSink config,
            IBatteryAdc batteryAdc)
        {
            _writes = new StandardServiceWrites(commands, config);
            _batteryAdc = batteryAdc;

            GattLocalService rsc = Provider(GattServiceUuids.RunningSpeedAndCadence).Service;
            _rscMeasurement = Characteristic(rsc, GattCharacteristicUuids.RscMeasurement, GattCharacteristicProperties.Notify);
            RscFeatureCodec.EncodeFeature(RscFeatureCodec.Supported, _featureBytes, 0);
            GattLocalCharacteristic feature = Characteristic(rsc, GattCharacteristicUuids.RscFeature, GattCharacteristicProperties.Read);
            feature.ReadRequested += (sender, args) => args.GetRequest().RespondWithValue(new Buffer(_featureBytes));
            GattLocalCharacteristic location = Characteristic(rsc, GattCharacteristicUuids.SensorLocation, GattCharacteristicProperties.Read);
            location.ReadRequested += (sender, args) => args.GetRequest().RespondWithValue(new Buffer(_locationBytes));

            if (batteryAdc != null)
            {
                GattLocalService battery = Provider(GattServiceUuids.Battery).Service;
                GattLocalCharacteristicParameters parameters = Parameters(GattCharacteristicProperties.Read | GattCharacteristicProperties.Notify);
                parameters.CreateGattPresentationFormat(PresentationFormat.FormatUInt8, 0, UnitPercentage,
                    PresentationFormat.NamespaceSig, PresentationFormat.DescriptionUnknown);
                _batteryLevel = Create(battery, GattCharacteristicUuids.BatteryLevel, parameters);
                _batteryLevel.ReadRequested += (sender, args) => args.GetRequest().RespondWithValue(new Buffer(_batteryBytes));
            }

            GattLocalService alert = Provider(GattServiceUuids.ImmediateAlert).Service;
            GattLocalCharacteristic level = Characteristic(alert, GattCharacteristicUuids.AlertLevel,
                GattCharacteristicProperties.WriteWithoutResponse);
            level.WriteRequested += OnAlertLevelWrite;

            GattLocalCharacteristicParameters lti = Parameters(GattCharacteristicProperties.Read | GattCharacteristicProperties.Write);
            lti.WriteProtectionLevel = GattProtectionLevel.EncryptionRequired;
            GattLocalCharacteristic localTime = Create(currentTimeService, GattCharacteristicUuids.LocalTimeInformation, lti);
            localTime.ReadRequested += OnLocalTimeRead;
            localTime.WriteRequested += OnLocalTimeWrite;
        }

        /// <summary>Notifies the RSC Measurement for a status whose Snapshot changed (cadence, direction, gait).</summary>
        public void PublishRsc(TrackerStatus status)
        {
            RscMetrics.Fill(status.CadenceSpm, status.Direction, status.Running, ForwardStepCm, BackwardStepCm, _rsc);
            int length = RscMeasurementCodec.Encode(_rsc, _rscBytes, 0);
            if (_rscMeasurement.SubscribedClients.Length > 0)
            {
                byte[] value = new byte[length];
                Array.Copy(_rscBytes, value, length);
                _rscMeasurement.NotifyValue(new Buffer(value));
            }
        }

        /// <summary>
        /// Measures the battery once a minute; writes the level (or -1) into <paramref name="status"/>, which the
        /// advertisement carries, and notifies Battery Level subscribers when it changed.
        /// </summary>
        public void UpdateBattery(TrackerStatus status, long nowMs)
        {
            if (_batteryAdc != null && (nowMs - _lastBatteryMs >= BatteryDivider.MeasureIntervalMs || _lastBatteryMs == long.MinValue))
            {
                _lastBatteryMs = nowMs;
                int sum = _batteryAdc.ReadRawSum(BatteryDivider.ReadingsPerMeasurement);
                if (sum >= 0 && _gauge.Update(sum, BatteryDivider.ReadingsPerMeasurement))
                {
                    BatteryLevelCodec.Encode(_gauge.Percent < 0 ? 0 : _gauge.Percent, _batteryBytes, 0);
                    System.Diagnostics.Debug.WriteLine("battery: " + _gauge.CellMv.ToString() + " mV, " + _gauge.Percent.ToString() + " %");
                    if (_batteryLevel.SubscribedClients.Length > 0)
                    {
                        _batteryLevel.NotifyValue(new Buffer(_batteryBytes));
                    }
                }
            }

            status.BatteryPercent = _gauge.Percent;
        }

        private void OnAlertLevelWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            int length = Read(request);
            if (length >= 0)
            {
                _writes.WriteAlertLevel(_write, length);
            }

            if (request.Option == GattWriteOption.WriteWithResponse)
            {
                request.Respond();
            }
        }

        private void OnLocalTimeRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            _writes.ReadLocalTimeInfo(_localTimeBytes, 0);
            args.GetRequest().RespondWithValue(new Buffer(_localTimeBytes));
        }

        private void OnLocalTimeWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            int length = Read(request);
            if (length < 0)
            {
                request.RespondWithProtocolError(CodecStatus.AttInvalidLength);
                return;
            }

            byte result = _writes.WriteLocalTimeInfo(_write, length);
            if (result == GattWrites.Accept)
            {
                request.Respond();
            }
            else
            {
                request.RespondWithProtocolError(result);
            }
        }

        /// <summary>Copies a write of at most <see cref="LocalTimeInfoCodec.Length"/> bytes; -1 if longer or at an offset.</summary>
        private int Read(GattWriteRequest request)
        {
            Buffer value = request.Value;
            int length = (int)value.Length;
            if (request.Offset != 0 || length > _write.Length)
            {
                return -1;
            }

            DataReader reader = DataReader.FromBuffer(value);
            for (int i = 0; i < length; i++)
            {
                _write[i] = reader.ReadByte();
            }

            return length;
        }

        private static GattServiceProvider Provider(Guid uuid)
        {
            GattServiceProviderResult result = GattServiceProvider.Create(uuid);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE service: " + result.Error.ToString());
            }

            return result.ServiceProvider;
        }

        private static GattLocalCharacteristicParameters Parameters(GattCharacteristicProperties properties)
        {
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = properties;
            parameters.ReadProtectionLevel = GattProtectionLevel.Plain;
            parameters.WriteProtectionLevel = GattProtectionLevel.Plain;
            return parameters;
        }

        private static GattLocalCharacteristic Characteristic(GattLocalService service, Guid uuid, GattCharacteristicProperties properties)
        {
            return Create(service, uuid, Parameters(properties));
        }

        private static GattLocalCharacteristic Create(GattLocalService service, Guid uuid, GattLocalCharacteristicParameters parameters)
        {
            GattLocalCharacteristicResult result = service.CreateCharacteristic(uuid, parameters);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE characteristic: " + result.Error.ToString());
            }

            return result.Characteristic;
        }
    }
}
