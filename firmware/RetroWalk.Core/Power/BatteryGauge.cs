namespace RetroWalk.Core.Power
{
    /// <summary>
    /// Turns raw ADC readings of the battery divider into the Battery Level the tracker publishes: averages a burst of
    /// readings, converts to cell millivolts, maps through <see cref="LipoCurve"/>, and publishes a level that only
    /// falls while running on the battery. A walk's load steps (buzzer, radio) sag the voltage for moments, and a
    /// level that went 62, 61, 63, 60 would notify every phone each time; a level that rises by
    /// <see cref="RiseHysteresisPercent"/> or more is accepted (the cell was charged with the switch on). Called
    /// about once a minute, not per sample.
    /// </summary>
    public sealed class BatteryGauge
    {
        /// <summary>A rise smaller than this is noise or the load easing, not charge.</summary>
        public const int RiseHysteresisPercent = 5;

        /// <summary>Below this the pin reads nothing a divider on a cell could give: no battery part fitted (USB only).</summary>
        public const int NoBatteryBelowMv = 2500;

        private readonly int _fullScaleMv;
        private readonly int _maxRaw;
        private readonly int _dividerNumerator;
        private readonly int _dividerDenominator;
        private int _percent = -1;
        private int _cellMv;

        /// <param name="fullScaleMv">Pin voltage at the ADC's maximum reading.</param>
        /// <param name="maxRaw">The ADC's maximum reading (4095 for 12 bits).</param>
        /// <param name="dividerNumerator">Cell voltage / pin voltage = numerator / denominator (2/1 for two equal resistors).</param>
        public BatteryGauge(int fullScaleMv, int maxRaw, int dividerNumerator, int dividerDenominator)
        {
            _fullScaleMv = fullScaleMv;
            _maxRaw = maxRaw;
            _dividerNumerator = dividerNumerator;
            _dividerDenominator = dividerDenominator;
        }

        /// <summary>Published level 0..100, or -1 before the first valid measurement or without a battery.</summary>
        public int Percent { get { return _percent; } }

        /// <summary>Cell voltage of the last measurement, mV.</summary>
        public int CellMv { get { return _cellMv; } }

        /// <summary>Cell millivolts for the mean of <paramref name="count"/> raw readings.</summary>
        public int CellMvFromRaw(int rawSum, int count)
        {
            if (count <= 0 || _maxRaw <= 0 || _dividerDenominator <= 0)
            {
                return 0;
            }

            long pinMv = ((long)rawSum * _fullScaleMv + (long)count * _maxRaw / 2) / ((long)count * _maxRaw);
            return (int)(pinMv * _dividerNumerator / _dividerDenominator);
        }

        /// <summary>
        /// Takes a measurement (the sum of <paramref name="count"/> raw readings); returns true when the published
        /// level changed, i.e. when subscribers should be notified and the advertisement refreshed.
        /// </summary>
        public bool Update(int rawSum, int count)
        {
            _cellMv = CellMvFromRaw(rawSum, count);
            if (_cellMv < NoBatteryBelowMv)
            {
                bool had = _percent >= 0;
                _percent = -1;
                return had;
            }

            int measured = LipoCurve.PercentFromMv(_cellMv);
            if (_percent < 0 || measured < _percent || measured >= _percent + RiseHysteresisPercent)
            {
                bool changed = measured != _percent;
                _percent = measured;
                return changed;
            }

            return false;
        }
    }
}
