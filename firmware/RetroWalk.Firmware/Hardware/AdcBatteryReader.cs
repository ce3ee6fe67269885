using System;
using System.Device.Adc;
using System.Diagnostics;
using RetroWalk.Core.Power;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>
    /// The battery divider on an ESP32 ADC1 channel through nanoFramework's System.Device.Adc
    /// (package nanoFramework.System.Device.Adc 1.1.24, the release built against CoreLibrary 1.17.11).
    /// ../shared/nanoframework/api has no listing for this assembly, so the calls below were checked against its
    /// upstream source instead (nanoframework/System.Device.Adc, tag v1.1.24): <c>new AdcController()</c> (throws
    /// InvalidOperationException if one already exists, so it is created once), <c>OpenChannel(int)</c> returning an
    /// <c>AdcChannel</c>, <c>AdcChannel.ReadValue()</c> returning the raw int; on the ESP32 the native driver reads
    /// adc1_get_raw for channels 0-7 at 11 dB attenuation, 12 bits, and throws when the pin is unavailable.
    /// </summary>
    public sealed class AdcBatteryReader : IBatteryAdc
    {
        private readonly AdcChannel _channel;

        public AdcBatteryReader(int channelNumber)
        {
            var controller = new AdcController();
            _channel = controller.OpenChannel(channelNumber);
        }

        public int ReadRawSum(int count)
        {
            try
            {
                int sum = 0;
                for (int i = 0; i < count; i++)
                {
                    sum += _channel.ReadValue();
                }

                return sum;
            }
            catch (Exception e)
            {
                Debug.WriteLine("battery: ADC read failed: " + e.Message);
                return -1;
            }
        }
    }
}
