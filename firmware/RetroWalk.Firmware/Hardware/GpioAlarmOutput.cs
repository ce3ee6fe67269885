using System.Device.Gpio;
using RetroWalk.Core.Device;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>Buzzer (through an NPN transistor) and alarm LED, both active high; the core decides the patterns.</summary>
    public sealed class GpioAlarmOutput : IAlarmOutput
    {
        private readonly GpioPin _buzzer;
        private readonly GpioPin _led;

        public GpioAlarmOutput(GpioController gpio, int buzzerPin, int ledPin)
        {
            _buzzer = gpio.OpenPin(buzzerPin, PinMode.Output);
            _led = gpio.OpenPin(ledPin, PinMode.Output);
            Set(false, false);
        }

        public void Set(bool buzzerOn, bool ledOn)
        {
            _buzzer.Write(buzzerOn ? PinValue.High : PinValue.Low);
            _led.Write(ledOn ? PinValue.High : PinValue.Low);
        }
    }
}
