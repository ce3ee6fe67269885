using RetroWalk.Core.Power;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// When the battery is measured and what the Battery Level reports: once every
    /// <see cref="BatteryDivider.MeasureIntervalMs"/> (and at the first call), <see cref="BatteryDivider.ReadingsPerMeasurement"/>
    /// readings through the divider into <see cref="BatteryGauge"/>. The BLE adapter calls it from the device loop's
    /// Advertise; the level goes into the status (BTHome carries it) and, when it changed, to Battery Level subscribers.
    /// </summary>
    public sealed class BatteryReporter
    {
        private readonly IBatteryAdc _adc;
        private readonly BatteryGauge _gauge = BatteryDivider.NewGauge();
        private bool _measured;
        private long _lastMs;

        public BatteryReporter(IBatteryAdc adc)
        {
            _adc = adc;
        }

        /// <summary>Percent 0-100, or -1 while unknown (no reading yet, or no cell on the divider).</summary>
        public int Percent
        {
            get { return _gauge.Percent; }
        }

        /// <summary>The cell voltage of the last measurement, mV.</summary>
        public int CellMv
        {
            get { return _gauge.CellMv; }
        }

        /// <summary>Measures if due; returns true when the reported level changed.</summary>
        public bool Update(long nowMs)
        {
            if (_measured && nowMs - _lastMs < BatteryDivider.MeasureIntervalMs)
            {
                return false;
            }

            _measured = true;
            _lastMs = nowMs;
            int sum = _adc.ReadRawSum(BatteryDivider.ReadingsPerMeasurement);
            return sum >= 0 && _gauge.Update(sum, BatteryDivider.ReadingsPerMeasurement);
        }
    }
}
