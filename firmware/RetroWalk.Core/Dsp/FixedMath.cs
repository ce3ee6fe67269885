namespace RetroWalk.Core.Dsp
{
    /// <summary>
    /// Integer helpers the core needs because mscorlib 1.x has no System.Math. The hot path avoids <see cref="Isqrt"/>
    /// (about 340 IL instructions on the device): it is used only a few times a second, never per sample.
    /// </summary>
    public static class FixedMath
    {
        /// <summary>Fixed-point one in Q14 (unit vectors are stored in Q14 so a dot product with counts fits an int).</summary>
        public const int OneQ14 = 1 << 14;

        public static int Abs(int x)
        {
            return x < 0 ? -x : x;
        }

        public static int Clamp(int x, int min, int max)
        {
            return x < min ? min : (x > max ? max : x);
        }

        /// <summary>Floor of the square root of <paramref name="x"/> (exact for every uint).</summary>
        public static uint Isqrt(uint x)
        {
            return (uint)Isqrt64(x);
        }

        /// <summary>Floor of the square root of a non-negative long, bit by bit (0 for negative input).</summary>
        public static long Isqrt64(long x)
        {
            if (x <= 0)
            {
                return 0;
            }

            long result = 0;
            // Start at the highest power of four not above x; most inputs here fit 32 bits.
            long bit = x >= (1L << 32) ? 1L << 62 : 1L << 30;
            while (bit > x)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                if (x >= result + bit)
                {
                    x -= result + bit;
                    result = (result >> 1) + bit;
                }
                else
                {
                    result >>= 1;
                }

                bit >>= 2;
            }

            return result;
        }
    }
}
