using System;
using System.Collections.Generic;
using System.Linq;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Session;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>One true walking bout with its foot contacts, ms on the session clock.</summary>
    internal sealed record TrueWalk(WalkDirection Direction, long[] ContactMs, bool[] Regular)
    {
        public int Steps => ContactMs.Length;

        public long FirstMs => ContactMs[0];

        public long LastMs => ContactMs[^1];

        /// <summary>Mean step time, ms: the span of the contacts over the steps between them.</summary>
        public double MeanStepMs => (double)(LastMs - FirstMs) / (Steps - 1);

        /// <summary>Walking time as the recorder books it: every step with its step time.</summary>
        public double WalkingMs => Steps * MeanStepMs;

        public double CadenceSpm => 60000.0 / MeanStepMs;
    }

    /// <summary>
    /// What the synthesizer's ground truth says a session recorder should report, computed by hand (doubles, straight
    /// from the formulas in docs/coach.md) from the true foot contacts, independent of the core's integer code.
    /// </summary>
    internal static class WalkTruth
    {
        public static List<TrueWalk> Walks(GroundTruth truth)
        {
            var walks = new List<TrueWalk>();
            foreach (var b in truth.Bouts)
            {
                var steps = truth.Steps.Where(s => s.Sample >= b.StartSample && s.Sample < b.EndSample && s.Direction == b.Direction).ToArray();
                if (steps.Length < 2) continue;
                walks.Add(new TrueWalk(b.Direction, steps.Select(s => (long)s.Sample * 1000 / truth.SampleRateHz).ToArray(), steps.Select(s => s.Regular).ToArray()));
            }
            return walks;
        }

        /// <summary>Energy by hand, kcal: METs at each bout's true cadence × kg × hours (docs/coach.md, "Energy").</summary>
        public static double Kcal(IEnumerable<TrueWalk> walks, WalkDirection direction, int bodyMassKg)
        {
            double kcal = 0;
            foreach (var w in walks.Where(w => w.Direction == direction))
            {
                double met = Math.Clamp(3.0 + (w.CadenceSpm - 100) / 10.0, 2.0, 8.0);
                if (direction == WalkDirection.Backward) met *= 1.40;
                kcal += met * bodyMassKg * w.WalkingMs / 3600000.0;
            }
            return kcal;
        }

        /// <summary>
        /// True steadiness, percent: the step times of each bout between true contacts, without the warm-up and cool-down
        /// steps the recorder leaves out and without the irregular steps of a stumble (and the step after them); pooled
        /// within-bout CV and step-weighted |mean odd − mean even| / mean.
        /// </summary>
        public static (double CvPct, double AsymmetryPct, int Steps) Steadiness(IEnumerable<TrueWalk> walks, WalkDirection direction)
        {
            double ss = 0, sum = 0, weightedAsym = 0;
            int n = 0, bouts = 0;
            foreach (var w in walks.Where(w => w.Direction == direction))
            {
                var runs = new List<List<double>>();
                var run = new List<double>();
                for (int k = 1; k < w.Steps; k++)
                {
                    if (!w.Regular[k] || !w.Regular[k - 1])
                    {
                        runs.Add(run);
                        run = new List<double>();
                        continue;
                    }
                    run.Add(w.ContactMs[k] - w.ContactMs[k - 1]);
                }
                runs.Add(run);
                foreach (var r in runs)
                {
                    var kept = r.Skip(SessionRecorder.WarmUpSteps).Take(Math.Max(0, r.Count - SessionRecorder.WarmUpSteps - SessionRecorder.CoolDownSteps)).ToList();
                    if (kept.Count < SessionRecorder.MinBoutSteps) continue;
                    double mean = kept.Average();
                    ss += kept.Sum(x => (x - mean) * (x - mean));
                    sum += kept.Sum();
                    n += kept.Count;
                    bouts++;
                    double odd = kept.Where((x, i) => i % 2 == 0).Average();
                    double even = kept.Where((x, i) => i % 2 == 1).Average();
                    weightedAsym += Math.Abs(odd - even) / mean * kept.Count;
                }
            }
            if (n - bouts <= 0) return (0, 0, 0);
            double pooledMean = sum / n;
            return (100 * Math.Sqrt(ss / (n - bouts)) / pooledMean, 100 * weightedAsym / n, n);
        }
    }
}
