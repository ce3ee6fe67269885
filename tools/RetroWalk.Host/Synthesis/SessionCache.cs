using System.Collections.Concurrent;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Synthesis;

/// <summary>
/// Named sessions synthesized once per process and handed out as copies: the tests, `simulate` and the dashboard's
/// emulator ask for the same few scenarios and seeds again and again, and synthesis (about 10-40 µs a sample) is what
/// they would spend their time on. Keyed by scenario, seed and the sensor's rate and ranges; only the default
/// <see cref="SynthesisOptions"/> are cached (other options, and home-made scripts, go to <see cref="SessionSynthesizer"/>).
/// Concurrent callers of one key wait for a single synthesis. <see cref="SessionSynthesizer.Generate"/> itself never
/// caches, so its determinism stays testable.
/// </summary>
public static class SessionCache
{
    private static readonly ConcurrentDictionary<string, Lazy<SynthesizedSession>> Sessions = new(StringComparer.Ordinal);

    /// <summary>The session <see cref="SessionSynthesizer.Generate"/> would give, its samples a fresh copy the caller may change.</summary>
    public static SynthesizedSession Get(string scenario = Scenarios.Default, SensorConfig? sensor = null, int seed = 1)
    {
        var config = sensor ?? new SensorConfig();
        // Scenarios.Script throws on an unknown name before anything is cached; the name is keyed as the table spells it.
        string name = Scenarios.Names.FirstOrDefault(n => string.Equals(n, scenario, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown scenario '{scenario}'; known: {string.Join(", ", Scenarios.Names)}", nameof(scenario));
        string key = $"{name}|{seed}|{config.SampleRateHz}|{config.AccelRange}|{config.GyroRange}";
        var cached = Sessions.GetOrAdd(key, _ => new Lazy<SynthesizedSession>(
            () => SessionSynthesizer.Generate(name, config, seed), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return cached with { Scenario = scenario, Sensor = config, Samples = (RawSample[])cached.Samples.Clone() };
    }
}
