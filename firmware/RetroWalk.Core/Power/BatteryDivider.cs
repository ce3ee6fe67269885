namespace RetroWalk.Core.Power
{
    /// <summary>
    /// The battery measurement of the reference build: the cell through two equal 100 kΩ resistors (pin = cell / 2)
    /// into ADC1 on <see cref="RetroWalk.Core.Board.BoardPins.BatteryAdc"/>, read with nanoFramework's
    /// System.Device.Adc (12-bit raw values 0..4095; its ESP32 driver opens ADC1 channels at 11 dB attenuation, about
    /// 0.15-2.45 V of usable range; 4.2 V / 2 = 2.1 V stays inside it). The raw value is not calibrated (the API
    /// returns adc1_get_raw), so the full-scale figure is nominal: hardware/power.md says how to check a board
    /// against a meter and adjust <see cref="FullScaleMv"/>.
    /// </summary>
    public static class BatteryDivider
    {
        public const int MaxRaw = 4095;

        /// <summary>Pin voltage at the maximum reading with 11 dB attenuation (nominal; ±5 % from chip to chip).</summary>
        public const int FullScaleMv = 3300;

        public const int CellPerPinNumerator = 2;
        public const int CellPerPinDenominator = 1;

        /// <summary>Readings averaged per measurement (the ADC is noisy by ±20 LSB on its own).</summary>
        public const int ReadingsPerMeasurement = 16;

        /// <summary>How often the device measures: the level changes over hours, not seconds.</summary>
        public const long MeasureIntervalMs = 60000;

        public static BatteryGauge NewGauge()
        {
            return new BatteryGauge(FullScaleMv, MaxRaw, CellPerPinNumerator, CellPerPinDenominator);
        }
    }
}
