using RetroWalk.Core.Device;

namespace RetroWalk.Tests.RecordingMode
{
    /// <summary>A sample FIFO for the tests: sample k reads (k, -k, 2k, 3k, -3k, 7) so every count says where it came from.</summary>
    public sealed class CountingFifo : ISampleFifo
    {
        public int Next;

        /// <summary>Samples the next read returns (then it returns that many again).</summary>
        public int BatchSamples = 10;

        public int ReadSamples(short[] dest, int maxSamples)
        {
            int n = BatchSamples < maxSamples ? BatchSamples : maxSamples;
            for (int i = 0; i < n; i++)
            {
                int k = Next++;
                dest[i * 6] = (short)k;
                dest[i * 6 + 1] = (short)-k;
                dest[i * 6 + 2] = (short)(2 * k);
                dest[i * 6 + 3] = (short)(3 * k);
                dest[i * 6 + 4] = (short)(-3 * k);
                dest[i * 6 + 5] = 7;
            }

            return n;
        }

        public static short Expected(int sample, int axis)
        {
            switch (axis)
            {
                case 0: return (short)sample;
                case 1: return (short)-sample;
                case 2: return (short)(2 * sample);
                case 3: return (short)(3 * sample);
                case 4: return (short)(-3 * sample);
                default: return 7;
            }
        }
    }
}
