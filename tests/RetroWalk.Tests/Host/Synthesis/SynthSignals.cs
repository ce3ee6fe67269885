using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Synthesis
{
    /// <summary>Small signal helpers for checking synthesized sessions (device units to g and °/s, statistics, the direction cue).</summary>
    internal static class SynthSignals
    {
        public const double CountsPerG = 4096;
        public const double CountsPerDps = 65.5;

        public static double[] Axis(RawSample[] samples, int from, int to, Func<RawSample, double> pick) =>
            samples.Skip(from).Take(to - from).Select(pick).ToArray();

        public static double Mean(double[] a) => a.Average();

        public static double Std(double[] a)
        {
            double m = a.Average();
            return Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / a.Length);
        }

        public static double Correlation(double[] a, double[] b)
        {
            double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
            for (int i = 0; i < a.Length; i++)
            {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
                sbb += (b[i] - mb) * (b[i] - mb);
            }
            return sab / Math.Sqrt(saa * sbb);
        }

        /// <summary>Asserts lower &lt; value &lt; upper, naming the quantity when it fails.</summary>
        public static void Between(double lower, double upper, double value, string what)
        {
            Assert.IsGreaterThan(lower, value, what);
            Assert.IsLessThan(upper, value, what);
        }

        public static double MagnitudeG(RawSample s) =>
            Math.Sqrt((double)s.Ax * s.Ax + (double)s.Ay * s.Ay + (double)s.Az * s.Az) / CountsPerG;

        /// <summary>
        /// The physical direction cue, step by step: between consecutive contacts, the vertical velocity (device X, the
        /// belt clip's up axis, integrated after removing its mean, then linearly detrended) is correlated with the
        /// front-back acceleration (device Z). Returns one correlation per step.
        /// </summary>
        public static double[] CuePerStep(RawSample[] samples, IReadOnlyList<int> contacts)
        {
            var result = new List<double>();
            for (int k = 0; k + 1 < contacts.Count; k++)
            {
                int a = contacts[k], n = contacts[k + 1] - a;
                if (n < 20 || n > 200) continue; // a pause or a bout boundary, not a step
                var vertical = Axis(samples, a, a + n, s => s.Ax / CountsPerG);
                var forward = Axis(samples, a, a + n, s => s.Az / CountsPerG);
                double mean = vertical.Average();
                var velocity = new double[n];
                double v = 0;
                for (int i = 0; i < n; i++) velocity[i] = v += vertical[i] - mean;
                double mx = (n - 1) / 2.0, my = velocity.Average(), sxy = 0, sxx = 0;
                for (int i = 0; i < n; i++) { sxy += (i - mx) * (velocity[i] - my); sxx += (i - mx) * (i - mx); }
                for (int i = 0; i < n; i++) velocity[i] -= my + sxy / sxx * (i - mx);
                result.Add(Correlation(velocity, forward));
            }
            return result.ToArray();
        }

        /// <summary>Forward recording played backward in time: accelerations keep their sign, angular rates flip.</summary>
        public static RawSample[] TimeReversed(RawSample[] samples) =>
            samples.Reverse().Select(s => new RawSample(s.Ax, s.Ay, s.Az, (short)-s.Gx, (short)-s.Gy, (short)-s.Gz)).ToArray();
    }
}
