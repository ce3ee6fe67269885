using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using RetroWalk.Core.Ble;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// Connects one characteristic's events to <see cref="BleTracker"/> with its <see cref="GattTable"/> id, so no
    /// handler has to find out which characteristic raised it.
    /// </summary>
    public sealed class CharacteristicBinding
    {
        private readonly int _id;
        private readonly BleTracker _tracker;

        public CharacteristicBinding(int id, BleTracker tracker, GattLocalCharacteristic characteristic)
        {
            _id = id;
            _tracker = tracker;
            if (GattTable.Can(id, GattTable.PropertyRead))
            {
                characteristic.ReadRequested += OnRead;
            }

            if (GattTable.Can(id, GattTable.PropertyWrite | GattTable.PropertyWriteWithoutResponse))
            {
                characteristic.WriteRequested += OnWrite;
            }

            if (GattTable.Can(id, GattTable.PropertyNotify))
            {
                characteristic.SubscribedClientsChanged += OnSubscribersChanged;
            }
        }

        private void OnRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            _tracker.Read(_id, args);
        }

        private void OnWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            _tracker.Write(_id, args);
        }

        private void OnSubscribersChanged(GattLocalCharacteristic sender, object args)
        {
            _tracker.SubscribersChanged(_id, sender.SubscribedClients.Length);
        }
    }
}
