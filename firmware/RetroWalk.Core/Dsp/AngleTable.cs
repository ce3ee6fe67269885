namespace RetroWalk.Core.Dsp
{
    /// <summary>
    /// Angles without trigonometry at run time: cosines of whole degrees in Q14, and an arc-cosine by table look-up
    /// with linear interpolation to tenths of a degree. Thresholds are compared as squared cosines instead.
    /// </summary>
    public static class AngleTable
    {
        /// <summary>cos(d°) in Q14 for d = 0..90.</summary>
        private static readonly short[] CosQ14 =
        {
            16384, 16382, 16374, 16362, 16344, 16322, 16294, 16262, 16225, 16182,
            16135, 16083, 16026, 15964, 15897, 15826, 15749, 15668, 15582, 15491,
            15396, 15296, 15191, 15082, 14968, 14849, 14726, 14598, 14466, 14330,
            14189, 14044, 13894, 13741, 13583, 13421, 13255, 13085, 12911, 12733,
            12551, 12365, 12176, 11982, 11786, 11585, 11381, 11174, 10963, 10749,
            10531, 10311, 10087, 9860, 9630, 9397, 9162, 8923, 8682, 8438,
            8192, 7943, 7692, 7438, 7182, 6924, 6664, 6402, 6138, 5872,
            5604, 5334, 5063, 4790, 4516, 4240, 3964, 3686, 3406, 3126,
            2845, 2563, 2280, 1997, 1713, 1428, 1143, 857, 572, 286,
            0,
        };

        /// <summary>cos(<paramref name="degrees"/>) in Q14 for 0..180 degrees (clamped).</summary>
        public static int CosDegQ14(int degrees)
        {
            if (degrees <= 0)
            {
                return CosQ14[0];
            }

            if (degrees >= 180)
            {
                return -CosQ14[0];
            }

            return degrees <= 90 ? CosQ14[degrees] : -CosQ14[180 - degrees];
        }

        /// <summary>Arc-cosine of a Q14 cosine, in tenths of a degree (0..1800).</summary>
        public static int AcosDeciDeg(int cosQ14)
        {
            if (cosQ14 >= FixedMath.OneQ14)
            {
                return 0;
            }

            if (cosQ14 <= -FixedMath.OneQ14)
            {
                return 1800;
            }

            if (cosQ14 < 0)
            {
                return 1800 - AcosDeciDeg(-cosQ14);
            }

            // The table falls with the angle: find d with cos(d) >= c > cos(d + 1).
            int lo = 0;
            int hi = 90;
            while (hi - lo > 1)
            {
                int mid = (lo + hi) >> 1;
                if (CosQ14[mid] >= cosQ14)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            int span = CosQ14[lo] - CosQ14[hi];
            int tenths = span == 0 ? 0 : (CosQ14[lo] - cosQ14) * 10 / span;
            return lo * 10 + tenths;
        }
    }
}
