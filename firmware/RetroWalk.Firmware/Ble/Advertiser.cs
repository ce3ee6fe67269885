using System;
using System.Collections;
using System.Threading;
using nanoFramework.Device.Bluetooth.Advertisement;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using RetroWalk.Core.Ble;
using Buffer = nanoFramework.Device.Bluetooth.Buffer;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// Carries out the core's <see cref="AdvertisingSequence"/> on a nanoFramework GattServiceProvider: stop, sleep,
    /// start with the sections the core built. The sequence decides every step; this class only calls the stack.
    /// Runs on the BLE worker thread (and once at start-up); takes <c>sync</c> around every use of the sequence.
    /// </summary>
    public sealed class Advertiser
    {
        private readonly GattServiceProvider _provider;
        private readonly AdvertisingSequence _sequence;
        private readonly object _sync;

        public Advertiser(GattServiceProvider provider, AdvertisingSequence sequence, object sync)
        {
            _provider = provider;
            _sequence = sequence;
            _sync = sync;
        }

        /// <summary>The first advertisement (the sequence's Start).</summary>
        public void Start(bool btHome)
        {
            lock (_sync)
            {
                _sequence.Start(btHome);
            }

            Run();
        }

        /// <summary>A due refresh, if the sequence begins one.</summary>
        public void Refresh(bool btHome)
        {
            bool begun;
            int status = (int)_provider.AdvertisementStatus;
            lock (_sync)
            {
                begun = _sequence.BeginRefresh(btHome, status);
            }

            if (begun)
            {
                Run();
            }
        }

        private void Run()
        {
            while (true)
            {
                int status = (int)_provider.AdvertisementStatus;
                int action;
                lock (_sync)
                {
                    action = _sequence.Next(status);
                }

                switch (action)
                {
                    case AdvertisingSequence.ActionStop:
                        _provider.StopAdvertising();
                        break;
                    case AdvertisingSequence.ActionWait:
                        Thread.Sleep(AdvertisingSequence.PollMs);
                        break;
                    case AdvertisingSequence.ActionStart:
                        _provider.StartAdvertising(Parameters());
                        return;
                    default:
                        return;
                }
            }
        }

        /// <summary>
        /// Advertising parameters carrying exactly the core's AD structures, in order. CustomAdvertisement drops
        /// nanoFramework's own Flags, name and 128-bit UUID sections (which would not leave room for BTHome); its
        /// first-fit packer then splits the structures as <see cref="AdvertisementCodec.Pack"/> does.
        /// </summary>
        private GattServiceProviderAdvertisingParameters Parameters()
        {
            var parameters = new GattServiceProviderAdvertisingParameters();
            parameters.IsConnectable = true;
            parameters.CustomAdvertisement = true;
            ArrayList sections = parameters.Advertisement.DataSections;
            lock (_sync)
            {
                AdvertisementFrames frames = _sequence.Frames;
                int at = 0;
                while (at < frames.SectionsLength)
                {
                    int dataLength = frames.Sections[at] - 1;
                    byte[] data = new byte[dataLength];
                    Array.Copy(frames.Sections, at + 2, data, 0, dataLength);
                    sections.Add(new BluetoothLEAdvertisementDataSection(frames.Sections[at + 1], new Buffer(data)));
                    at += dataLength + 2;
                }
            }

            return parameters;
        }
    }
}
