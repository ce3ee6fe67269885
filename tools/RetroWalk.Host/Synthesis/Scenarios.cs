namespace RetroWalk.Host.Synthesis;

/// <summary>A scripted session's name and what it holds, one line.</summary>
public sealed record ScenarioInfo(string Name, string Description);

/// <summary>
/// The scripted sessions. The default follows what retro-walking guides recommend for a session: stand still first,
/// warm up walking forward for a few minutes, alternate backward intervals of one to two minutes with forward walking,
/// pause briefly when changing direction, cool down walking forward.
/// </summary>
public static class Scenarios
{
    public const string Default = "retro-session";

    private static readonly (ScenarioInfo Info, Action<SessionScript> Build)[] Table =
    {
        (new(Default, "about 12 min: stand, 2.5 min forward warm-up, backward intervals alternating with forward walking, pauses, one stumble, forward cool-down"),
            s => s.Stand(10).Walk(GaitProfile.Forward, 150).Stand(6)
                  .Walk(GaitProfile.Backward, 75).Stand(5)
                  .Walk(GaitProfile.Forward, 90, stumbleAtS: 40).Stand(8)
                  .Walk(GaitProfile.Backward, 90).Stand(5)
                  .Walk(GaitProfile.Forward, 60).Stand(5)
                  .Walk(GaitProfile.Backward, 75).Stand(6)
                  .Walk(GaitProfile.Forward, 120).Stand(10)),
        (new("short", "about 90 s: stand, forward, pause, backward, pause, forward, stand (for fast tests)"),
            s => s.Stand(8).Walk(GaitProfile.Forward, 28).Stand(4).Walk(GaitProfile.Backward, 30).Stand(4).Walk(GaitProfile.Forward, 12).Stand(4)),
        (new("forward-walk", "stand 5 s, walk forward 60 s, stand 5 s"),
            s => s.Stand(5).Walk(GaitProfile.Forward, 60).Stand(5)),
        (new("backward-walk", "stand 5 s, walk backward 60 s, stand 5 s"),
            s => s.Stand(5).Walk(GaitProfile.Backward, 60).Stand(5)),
        (new("stumble", "stand 5 s, walk forward 30 s with a trip recovered in a few quick steps at about 15 s, stand 5 s"),
            s => s.Stand(5).Walk(GaitProfile.Forward, 30, stumbleAtS: 15).Stand(5)),
        (new("lean-back", "stand 5 s, lean the trunk back 35° over 1 s, hold 3 s, return upright, stand 5 s"),
            s => s.Stand(5).LeanBack(35, 1.0, 3.0).Stand(5)),
        (new("fall-backward", "stand 5 s, walk backward about 10 s, lose balance and fall onto the back, lie still 15 s"),
            s => s.Stand(5).Walk(GaitProfile.Backward, 10, rampOut: false).FallBackward(15)),
        (new("slow-walk", "an older walker at about 45-60 steps/min: stand 5 s, forward 75 s, stand 5 s, backward 75 s, stand 5 s (short steps, little bounce)"),
            s => s.Stand(5).Walk(GaitProfile.SlowForward, 75).Stand(5).Walk(GaitProfile.SlowBackward, 75).Stand(5)),
        (new("treadmill", "about 7 min holding the rails: forward at 1.5 mph 60 s, backward at 1.0 mph 90 s, forward 60 s, backward 120 s, forward 60 s, a 4 s stop to turn around between"),
            s => s.Stand(8).Walk(GaitProfile.TreadmillForward, 60).Stand(4)
                  .Walk(GaitProfile.TreadmillBackward, 90).Stand(4)
                  .Walk(GaitProfile.TreadmillForward, 60).Stand(4)
                  .Walk(GaitProfile.TreadmillBackward, 120).Stand(4)
                  .Walk(GaitProfile.TreadmillForward, 60).Stand(8)),
        (new("still", "stand quietly for 60 s"),
            s => s.Stand(60)),
    };

    /// <summary>Every scenario, the default first.</summary>
    public static IReadOnlyList<ScenarioInfo> All { get; } = Table.Select(t => t.Info).ToArray();

    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Info.Name).ToArray();

    /// <summary>The script of a named scenario.</summary>
    public static Action<SessionScript> Script(string name)
    {
        foreach (var (info, build) in Table)
            if (string.Equals(info.Name, name, StringComparison.OrdinalIgnoreCase)) return build;
        throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", Names)}", nameof(name));
    }
}

/// <summary>A fluent list of segments that shares one seeded generator.</summary>
public sealed class SessionScript
{
    private readonly Random _rng;
    private readonly List<MotionSegment> _segments = new();

    public SessionScript(Random rng) => _rng = rng;

    public IReadOnlyList<MotionSegment> Segments => _segments;

    public SessionScript Stand(double seconds) => Add(new StandSegment(seconds, _rng));

    public SessionScript Walk(GaitProfile profile, double seconds, double? stumbleAtS = null, bool rampOut = true) =>
        Add(new WalkBout(profile, seconds, _rng, rampIn: true, rampOut: rampOut, stumbleAtS: stumbleAtS));

    public SessionScript LeanBack(double degrees, double moveS, double holdS) => Add(new LeanBackSegment(degrees, moveS, holdS, _rng));

    /// <summary>A backward fall that starts from the state the previous walking bout ends in.</summary>
    public SessionScript FallBackward(double lieS)
    {
        if (_segments.Count == 0 || _segments[^1] is not WalkBout walk)
            throw new InvalidOperationException("a backward fall follows a walking bout");
        return Add(new FallBackwardSegment(walk.FinalSpeedMps, walk.FinalPitchRad, lieS));
    }

    private SessionScript Add(MotionSegment segment)
    {
        _segments.Add(segment);
        return this;
    }
}
