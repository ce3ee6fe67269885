using System;
using System.Collections.Generic;
using System.Linq;
using RetroWalk.Core.Device;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>Inputs whose samples carry their own index, so a test can tell delivered, lost and misaligned samples apart.</summary>
    internal static class IndexedSamples
    {
        public static IEnumerable<RawSample> Generate(int count)
        {
            for (int i = 0; i < count; i++)
            {
                yield return Make(i);
            }
        }

        public static RawSample Make(int i)
        {
            short low = (short)(i & 0x7FFF);
            return new RawSample(low, (short)(i >> 15), (short)~low, (short)(i * 7), (short)(0x5A5A ^ low), (short)-low);
        }

        /// <summary>The index a sample carries, or -1 if its fields disagree (a misaligned or corrupted frame).</summary>
        public static int IndexOf(RawSample s)
        {
            int i = (s.Ax & 0x7FFF) | (s.Ay << 15);
            return s.Ax >= 0 && Make(i) == s ? i : -1;
        }
    }

    /// <summary>Sessions from the gait synthesizer, as the emulated sensor's input: synthesized once per run, each
    /// caller given its own copy.</summary>
    internal static class Sessions
    {
        private static readonly Lazy<RawSample[]> WalkThenFallSamples = new Lazy<RawSample[]>(() =>
            SessionSynthesizer.Plan(s => s.Stand(5).Walk(GaitProfile.Forward, 70).Walk(GaitProfile.Backward, 10, rampOut: false).FallBackward(15))
                .Samples().ToArray());

        /// <summary>A synthesizer scenario (seed 1).</summary>
        public static RawSample[] Named(string scenario)
        {
            return SessionCache.Get(scenario).Samples;
        }

        /// <summary>Over a minute of forward walking, a few backward steps, then a backward fall and 15 s lying.</summary>
        public static RawSample[] WalkThenFall()
        {
            return (RawSample[])WalkThenFallSamples.Value.Clone();
        }

        /// <summary>A backward fall, 3 s lying, then standing again for 10 s.</summary>
        public static RawSample[] FallThenGetUp()
        {
            return SessionSynthesizer.Plan(s => s.Stand(5).Walk(GaitProfile.Backward, 10, rampOut: false).FallBackward(3).Stand(10))
                .Samples().ToArray();
        }
    }

    /// <summary>Sits between the driver and the loop and keeps every sample the loop is given.</summary>
    internal sealed class TapFifo : ISampleFifo
    {
        private readonly ISampleFifo inner;

        public TapFifo(ISampleFifo inner)
        {
            this.inner = inner;
        }

        public List<RawSample> Delivered { get; } = new List<RawSample>();

        public int ReadSamples(short[] dest, int maxSamples)
        {
            int n = inner.ReadSamples(dest, maxSamples);
            for (int i = 0; i < n; i++)
            {
                int o = i * 6;
                Delivered.Add(new RawSample(dest[o], dest[o + 1], dest[o + 2], dest[o + 3], dest[o + 4], dest[o + 5]));
            }

            return n;
        }
    }
}
