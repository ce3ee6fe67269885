using RetroWalk.Core.Diagnostics;

namespace RetroWalk.Portability.Fixture
{
    /// <summary>The [PerSample] method is clean itself; its callees, two and three calls deep, are not.</summary>
    public sealed class PerSampleViolations
    {
        private object _boxed;
        private int[] _buffer;
        private ISampleSink _sink = new AllocatingSink();

        [PerSample]
        public void Process(int value)
        {
            Filter(value);
            _sink.Accept(value);
        }

        private void Filter(int value)
        {
            Allocates(value);
            Boxes(value);
            Throws(value);
            Describes(value);
        }

        private string _label;

        private void Describes(int value)
        {
            _label = value.ToString();
        }

        private void Allocates(int value)
        {
            _buffer = new int[value & 3];
        }

        private void Boxes(int value)
        {
            _boxed = value;
        }

        private static void Throws(int value)
        {
            if (value < 0)
            {
                throw new System.ArgumentException("negative");
            }
        }

        /// <summary>Allocates too, but nothing per-sample calls it: not reported.</summary>
        public void OffThePath()
        {
            _buffer = new int[16];
        }
    }

    public interface ISampleSink
    {
        void Accept(int value);
    }

    /// <summary>Reached only through the interface call: the checker follows calls to every implementation.</summary>
    public sealed class AllocatingSink : ISampleSink
    {
        public object Last;

        public void Accept(int value)
        {
            Last = new AllocatingSink();
        }
    }
}
