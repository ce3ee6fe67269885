using RetroWalk.Core.Diagnostics;

namespace RetroWalk.Portability.Fixture
{
    /// <summary>Code every rule accepts: no finding may name this class.</summary>
    [System.Diagnostics.DebuggerDisplay("{Count}", Name = "clean")]
    public sealed class CleanCode
    {
        private readonly int[] _window = new int[8];
        private int _index;
        private long _sum;
        private string _label = "clean";

        /// <summary>A per-sample path over two helpers and a property, with no allocation.</summary>
        [PerSample]
        public void Process(short value)
        {
            Store(value);
            _sum += Squared(value) >> 4;
            if (Count > 1000)
            {
                _index = 0;
            }
        }

        public int Count { get { return _index; } }

        private void Store(short value)
        {
            _window[_index & 7] = value;
            _index++;
        }

        private static long Squared(int value)
        {
            return (long)value * value;
        }

        /// <summary>Allocates and throws, but off the per-sample path; uses only listed mscorlib members.</summary>
        public string Describe(int steps)
        {
            if (steps < 0)
            {
                throw new System.ArgumentOutOfRangeException("steps");
            }
            // A field on the host, a property in nanoFramework's listing: the same source compiles on both.
            string order = System.BitConverter.IsLittleEndian ? "LE" : "BE";
            return string.Concat(_label, ": ", steps.ToString(), order);
        }
    }
}
