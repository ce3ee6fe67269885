namespace RetroWalk.Core.Power
{
    /// <summary>
    /// State of charge of a single-cell LiPo from its voltage under the tracker's light load, interpolated linearly
    /// between the points of InfiniTime's curve for the PineTime's LiPo (src/components/battery/BatteryController.cpp:
    /// 3.50 V 0 %, 3.60 V 10 %, 3.70 V 25 %, 3.75 V 50 %, 3.90 V 75 %, 4.18 V 100 %). A LiPo's curve is flat in the
    /// middle, so a few millivolts of ADC error move the figure most there: read it as a gauge in steps of ~10 %, not
    /// an exact figure. 3.50 V is also about where the 3.3 V low-dropout regulator stops regulating (hardware/power.md).
    /// </summary>
    public static class LipoCurve
    {
        private static readonly short[] PointsMv = { 3500, 3600, 3700, 3750, 3900, 4180 };
        private static readonly byte[] PointsPercent = { 0, 10, 25, 50, 75, 100 };

        public const int EmptyMv = 3500;
        public const int FullMv = 4180;

        /// <summary>Percent 0..100 for a cell voltage in mV (clamped at both ends).</summary>
        public static int PercentFromMv(int cellMv)
        {
            if (cellMv <= PointsMv[0])
            {
                return 0;
            }

            int last = PointsMv.Length - 1;
            if (cellMv >= PointsMv[last])
            {
                return 100;
            }

            int i = 1;
            while (cellMv > PointsMv[i])
            {
                i++;
            }

            int mv0 = PointsMv[i - 1];
            int p0 = PointsPercent[i - 1];
            int span = PointsMv[i] - mv0;
            return p0 + ((cellMv - mv0) * (PointsPercent[i] - p0) + span / 2) / span;
        }
    }
}
