using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Host.Il;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Bench;

/// <summary>
/// The device-cost figure that matters: IL instructions actually executed per sample, counted by interpreting
/// <see cref="Tracker.Process"/> on the synthesized "short" session (standing, forward and backward walking, pauses).
/// </summary>
public static class ExecutedCost
{
    private const double FastUsPerInstruction = 0.15, SlowUsPerInstruction = 0.3;

    public static void Print(TextWriter output)
    {
        var session = SessionSynthesizer.Generate("short", seed: 1);
        var tracker = new Tracker(new TrackerConfig());
        var counter = new IlStepCounter(typeof(Tracker).Assembly);
        var process = typeof(Tracker).GetMethod(nameof(Tracker.Process))!;
        var perSample = new long[session.Samples.Length];
        for (int i = 0; i < perSample.Length; i++)
        {
            var s = session.Samples[i];
            long before = counter.Executed;
            counter.Invoke(process, tracker, s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            perSample[i] = counter.Executed - before;
        }

        var sorted = perSample.Order().ToArray();
        double mean = perSample.Average();
        long p99 = sorted[(int)(sorted.Length * 0.99)], max = sorted[^1];
        output.WriteLine($"Executed IL per sample in Tracker.Process (interpreted, '{session.Scenario}' session, {perSample.Length:N0} samples, " +
                         $"{tracker.ForwardSteps} forward + {tracker.BackwardSteps} backward steps):");
        output.WriteLine($"  mean {mean:F0}, median {sorted[sorted.Length / 2]}, 99th percentile {p99}, max {max} instructions");
        output.WriteLine($"  on the ESP32: mean {mean * FastUsPerInstruction:F0}-{mean * SlowUsPerInstruction:F0} µs, " +
                         $"max {max * FastUsPerInstruction:F0}-{max * SlowUsPerInstruction:F0} µs per 10 ms sample " +
                         $"({100 * mean * SlowUsPerInstruction / 10000:F1} % of the period at the slow rate, on average)");
        output.WriteLine("  where they go (mean per sample, the method itself without its callees):");
        foreach (var (method, count) in counter.SelfCounts.OrderByDescending(kv => kv.Value).Take(8).Select(kv => (kv.Key, kv.Value)))
        {
            output.WriteLine($"    {(double)count / perSample.Length,7:F1}  {method}");
        }
    }
}
