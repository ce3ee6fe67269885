using System.CommandLine;
using RetroWalk.Bench;
using RetroWalk.Core;

var full = new Option<bool>("--full") { Description = "Time 24 hours of samples, 5 passes, instead of the quick default (1 hour, 5 passes)." };
var seed = new Option<int>("--seed") { Description = "Seed of the synthetic stream's noise.", DefaultValueFactory = _ => 1 };
var root = new RootCommand("Benchmarks the RetroWalk core pipeline on a synthetic walking-like stream: host ns and bytes " +
                           "allocated per sample, the static IL instruction count of the per-sample path, and the IL instructions actually " +
                           "executed per sample (the device-cost figure).")
{
    full, seed,
};
root.SetAction(parse => Run(parse.GetValue(full), parse.GetValue(seed)));
return root.Parse(args).Invoke();

static int Run(bool full, int seed)
{
    const int passes = 5;
    int hours = full ? 24 : 1;
    int count = hours * 3600 * WalkLikeSignal.SampleRateHz;
    var samples = WalkLikeSignal.Generate(count, seed);
    Console.WriteLine($"Stream: {count:N0} samples ({hours} h at {WalkLikeSignal.SampleRateHz} Hz, seed {seed}), {passes} timed passes after one warm-up pass.");

    PipelineTiming.RunPass(samples); // warm-up: JIT tiers, caches
    var results = Enumerable.Range(0, passes).Select(_ => PipelineTiming.RunPass(samples)).ToList();
    var ns = results.Select(r => r.NsPerSample).Order().ToList();
    long allocated = results.Sum(r => r.AllocatedBytes);
    var last = results[^1];
    Console.WriteLine($"Host time: {ns[ns.Count / 2]:F1} ns per sample (median; min {ns[0]:F1}, max {ns[^1]:F1}).");
    Console.WriteLine($"Host allocation: {(double)allocated / ((long)count * passes):F3} bytes per sample ({allocated:N0} bytes in {passes} passes; must be 0).");
    Console.WriteLine($"Counted per pass: {last.ForwardSteps} forward, {last.BackwardSteps} backward steps.");
    Console.WriteLine();
    DeviceCost.Print(typeof(Tracker).Assembly.Location, WalkLikeSignal.SampleRateHz, Console.Out);
    Console.WriteLine();
    ExecutedCost.Print(Console.Out);
    Console.WriteLine();
    LoopCost.Print(Console.Out);
    return allocated == 0 ? 0 : 1;
}
