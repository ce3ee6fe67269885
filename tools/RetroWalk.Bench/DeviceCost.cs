using RetroWalk.Host.Il;

namespace RetroWalk.Bench;

/// <summary>
/// The device-cost figure: nanoFramework interprets IL, so cost follows IL instructions executed. This reports the
/// static instruction count of each [PerSample] method and of every core method it may call (each counted once).
/// </summary>
public static class DeviceCost
{
    /// <summary>Interpreter cost per IL instruction on an ESP32 (DEVELOPERS.md): 0.15 to 0.3 µs.</summary>
    private const double FastUsPerInstruction = 0.15, SlowUsPerInstruction = 0.3;

    public static void Print(string corePath, int sampleRateHz, TextWriter output)
    {
        using var core = new IlAssembly(corePath);
        var roots = core.PerSampleMethods;
        output.WriteLine($"Device cost (static IL instructions of the [PerSample] path in {Path.GetFileName(corePath)}):");
        if (roots.Count == 0)
        {
            output.WriteLine("  no method is marked [PerSample]");
            return;
        }
        foreach (var root in roots)
        {
            var path = core.HotPath(root);
            int total = 0;
            foreach (var method in path)
            {
                int count = core.Instructions(method).Count;
                total += count;
                output.WriteLine($"  {count,6}  {(method == root ? "" : "  ")}{core.Name(method)}");
            }
            double periodUs = 1_000_000.0 / sampleRateHz;
            output.WriteLine($"  {total,6}  total over {path.Count} method(s); if each ran once: " +
                             $"{total * FastUsPerInstruction:F1}-{total * SlowUsPerInstruction:F1} µs per sample on the ESP32, " +
                             $"{100 * total * FastUsPerInstruction / periodUs:F2}-{100 * total * SlowUsPerInstruction / periodUs:F2}% of the {periodUs / 1000:F0} ms sample period");
        }
    }
}
