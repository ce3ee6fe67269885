using System;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using RetroWalk.Core.Ble;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// Creates the GATT services of <see cref="GattTable"/> through nanoFramework.Device.Bluetooth 1.x, in table order,
    /// and Device Information. Nothing is decided here: UUIDs, properties, protection, descriptions and formats all
    /// come from the table. Written against ../shared/nanoframework/api/nanoFramework.Device.Bluetooth.txt.
    /// </summary>
    public sealed class GattServiceBuilder
    {
        /// <summary>The created characteristics by <see cref="GattTable"/> id (null where not created: no battery).</summary>
        public readonly GattLocalCharacteristic[] Characteristics = new GattLocalCharacteristic[GattTable.Count];

        private readonly GattServiceProvider[] _providers = new GattServiceProvider[GattTable.ServiceCount];

        /// <summary>The custom service's provider, which advertises.</summary>
        public GattServiceProvider Primary
        {
            get { return _providers[GattTable.ServiceRetroWalk]; }
        }

        /// <param name="withBattery">False on a board without a battery measurement: no Battery service.</param>
        public void Build(bool withBattery, string firmwareRevision, string hardwareRevision)
        {
            for (int service = 0; service < GattTable.ServiceCount; service++)
            {
                if (service == GattTable.ServiceBattery && !withBattery)
                {
                    continue;
                }

                ushort uuid16 = GattTable.ServiceUuid16(service);
                _providers[service] = CreateProvider(uuid16 == 0
                    ? new Guid(BleUuids.Service)
                    : Utilities.CreateUuidFromShortCode(uuid16));
                if (service == GattTable.ServiceRetroWalk)
                {
                    // nanoFramework adds its default Device Information service with the first service; a provider
                    // with the same UUID replaces it.
                    CreateDeviceInformation(firmwareRevision, hardwareRevision);
                }

                for (int id = 0; id < GattTable.Count; id++)
                {
                    if (GattTable.Service(id) == service)
                    {
                        Characteristics[id] = CreateCharacteristic(_providers[service].Service, id);
                    }
                }
            }
        }

        private static GattLocalCharacteristic CreateCharacteristic(GattLocalService service, int id)
        {
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = (GattCharacteristicProperties)(uint)GattTable.Properties(id);
            parameters.ReadProtectionLevel = GattProtectionLevel.Plain;
            // Every write needs an encrypted, authenticated link (NimBLE's WRITE_ENC | WRITE_AUTHEN): the stack answers
            // 0x05/0x0F and the phone pairs; GattSessionState checks the same again (docs/ble.md, Pairing).
            parameters.WriteProtectionLevel = GattTable.WriteEncrypted(id)
                ? GattProtectionLevel.EncryptionAndAuthenticationRequired
                : GattProtectionLevel.Plain;
            string description = GattTable.Description(id);
            if (description != null)
            {
                parameters.UserDescription = description;
            }

            if (GattTable.HasPresentationFormat(id))
            {
                parameters.CreateGattPresentationFormat(GattTable.Format(id), GattTable.Exponent(id), GattTable.Unit(id),
                    PresentationFormat.NamespaceSig, PresentationFormat.DescriptionUnknown);
            }

            string custom = GattTable.CustomUuid(id);
            Guid uuid = custom != null ? new Guid(custom) : Utilities.CreateUuidFromShortCode(GattTable.Uuid16(id));
            GattLocalCharacteristicResult result = service.CreateCharacteristic(uuid, parameters);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE characteristic " + GattTable.Name(id) + ": " + result.Error.ToString());
            }

            return result.Characteristic;
        }

        private static void CreateDeviceInformation(string firmwareRevision, string hardwareRevision)
        {
            GattLocalService dis = CreateProvider(GattServiceUuids.DeviceInformation).Service;
            StaticString(dis, GattCharacteristicUuids.ManufacturerNameString, DeviceInformation.Manufacturer);
            StaticString(dis, GattCharacteristicUuids.ModelNumberString, DeviceInformation.Model);
            StaticString(dis, GattCharacteristicUuids.FirmwareRevisionString, firmwareRevision);
            StaticString(dis, GattCharacteristicUuids.HardwareRevisionString, hardwareRevision);
            StaticString(dis, GattCharacteristicUuids.SoftwareRevisionString,
                DeviceInformation.SoftwarePrefix + nanoFramework.Runtime.Native.SystemInfo.Version.ToString());
        }

        private static void StaticString(GattLocalService service, Guid uuid, string text)
        {
            if (text == null || text.Length == 0)
            {
                return;
            }

            var writer = new DataWriter();
            writer.WriteString(text);
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = GattCharacteristicProperties.Read;
            parameters.StaticValue = writer.DetachBuffer();
            service.CreateCharacteristic(uuid, parameters);
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
    }
}
