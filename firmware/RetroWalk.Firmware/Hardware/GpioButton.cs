using System;
using System.Device.Gpio;
using System.Threading;
using RetroWalk.Core.Device;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>
    /// The acknowledge button to ground with the internal pull-up (pressed = low). The loop polls it every ~100 ms; a
    /// falling edge seen by the GPIO event in between is latched, so a quick tap is not lost. Press lengths are the
    /// core's business (ButtonLogic).
    /// </summary>
    public sealed class GpioButton : IButton
    {
        private readonly GpioPin _pin;
        private int _pressLatched;

        public GpioButton(GpioController gpio, int pinNumber)
        {
            _pin = gpio.OpenPin(pinNumber, PinMode.InputPullUp);
            _pin.DebounceTimeout = TimeSpan.FromMilliseconds(20);
            _pin.ValueChanged += OnValueChanged;
        }

        public bool IsPressed
        {
            get
            {
                bool latched = Interlocked.Exchange(ref _pressLatched, 0) != 0;
                return latched || _pin.Read() == PinValue.Low;
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                Interlocked.Exchange(ref _pressLatched, 1);
            }
        }
    }
}
