namespace RetroWalk.Core.Dsp
{
    /// <summary>
    /// Counter arithmetic that stops at the type's maximum instead of wrapping: a count that wrapped would read as a
    /// handful of steps (or errors) after years of use, a saturated one stays the largest value it can show.
    /// </summary>
    public static class Saturating
    {
        /// <summary><paramref name="total"/> + <paramref name="amount"/>, at most uint.MaxValue.</summary>
        public static uint Add(uint total, uint amount)
        {
            uint sum = total + amount;
            return sum < total ? uint.MaxValue : sum;
        }

        /// <summary><paramref name="total"/> + <paramref name="amount"/> (amount ≥ 0), at most int.MaxValue.</summary>
        public static int Add(int total, int amount)
        {
            return total > int.MaxValue - amount ? int.MaxValue : total + amount;
        }

        /// <summary><paramref name="count"/> + 1, at most int.MaxValue.</summary>
        public static int Increment(int count)
        {
            return count == int.MaxValue ? count : count + 1;
        }

        /// <summary><paramref name="value"/> clamped to 0..uint.MaxValue (a duration or count stored in 32 bits).</summary>
        public static uint ToUInt32(long value)
        {
            return value <= 0 ? 0 : value >= uint.MaxValue ? uint.MaxValue : (uint)value;
        }

        /// <summary><paramref name="value"/> clamped to 0..ushort.MaxValue.</summary>
        public static ushort ToUInt16(long value)
        {
            return value <= 0 ? (ushort)0 : value >= ushort.MaxValue ? ushort.MaxValue : (ushort)value;
        }
    }
}
