namespace RetroWalk.Core.Board
{
    /// <summary>
    /// ESP32 GPIO numbers of the reference build (ESP32 DevKit + GY-521). One source of truth: the firmware uses these
    /// constants and a host test checks hardware/pins.md and the wiring diagram against them.
    /// </summary>
    public static class BoardPins
    {
        /// <summary>I2C1 data to the MPU6050 SDA (the DevKit's usual I2C pins).</summary>
        public const int I2cSda = 21;

        /// <summary>I2C1 clock to the MPU6050 SCL.</summary>
        public const int I2cScl = 22;

        /// <summary>I2C bus id of I2C1 in nanoFramework.</summary>
        public const int I2cBusId = 1;

        /// <summary>MPU6050 address with AD0 tied low.</summary>
        public const int Mpu6050Address = 0x68;

        /// <summary>Buzzer drive, through an NPN transistor (active high).</summary>
        public const int Buzzer = 25;

        /// <summary>Alarm LED through a series resistor (active high).</summary>
        public const int AlarmLed = 26;

        /// <summary>Acknowledge button to GND, internal pull-up (active low). Long press resets the counts.</summary>
        public const int AckButton = 27;

        /// <summary>
        /// Battery voltage through a 2 × 100 kΩ divider (half the cell voltage) with 100 nF to GND. GPIO35 is input-only
        /// and on ADC1, which keeps working while the radio runs (ADC2 does not while Wi-Fi is on).
        /// </summary>
        public const int BatteryAdc = 35;

        /// <summary>
        /// nanoFramework's ADC channel number of <see cref="BatteryAdc"/>: on the ESP32 its channels 0-7 are ADC1's,
        /// 0 = GPIO36, 1 = 37, 2 = 38, 3 = 39, 4 = 32, 5 = 33, 6 = 34, 7 = 35 (nf-interpreter,
        /// targets/ESP32/_nanoCLR/System.Device.Adc, sys_dev_adc_native_System_Device_Adc_AdcController.cpp).
        /// </summary>
        public const int BatteryAdcChannel = 7;
    }
}
