using RetroWalk.Core.Config;

namespace RetroWalk.Host.Recordings;

/// <summary>What is known about a recording besides its samples: origin, placement, truth and labels.</summary>
public sealed record RecordingInfo
{
    /// <summary>Dataset folder name (sisfall, oxford-stepcounter, banglejs-stepcount) or <see cref="RetroWalkCsv.DatasetName"/>.</summary>
    public required string Dataset { get; init; }

    /// <summary>Path of the file relative to the evaluated folder, with '/' separators.</summary>
    public required string File { get; init; }

    /// <summary>Where the sensor was worn (waist, wrist, FrontPocket, ...), or null when unknown.</summary>
    public string? Placement { get; init; }

    /// <summary>Reference step count, or null when the dataset has none.</summary>
    public int? TrueSteps { get; init; }

    /// <summary>Oxford optimisation set: 0→1 foot-switch transitions counted in stepcounter.csv (beside stats.csv's value).</summary>
    public int? FootSwitchSteps { get; init; }

    /// <summary>Step counts of other counters on the same recording (the watch's own count, Android's counter...).</summary>
    public IReadOnlyDictionary<string, int> PeerSteps { get; init; } = new Dictionary<string, int>();

    /// <summary>What was done: the SisFall activity or fall code (D01..F15), the Bangle.js file's kind (walk, drive...); or null.</summary>
    public string? Activity { get; init; }

    /// <summary>True for SisFall falls (F codes), false for SisFall activities (D codes), null where a dataset has no fall labels.</summary>
    public bool? FallExpected { get; init; }

    /// <summary>Time of a fall's impact (SisFall falls only; <see cref="SisFallReader"/> says how it is found), in ms from the start.</summary>
    public double? ImpactMs { get; init; }

    /// <summary>Time of a fall's first contact with the ground, at or before <see cref="ImpactMs"/>: a fall alarm before it is
    /// an alarm on the motion before the fall. Null where <see cref="ImpactMs"/> is, and in time-reversed copies.</summary>
    public double? FirstImpactMs { get; init; }

    /// <summary>How the recording's device frame relates to the body; Unknown when the sensor was not body-aligned.</summary>
    public MountAxis ForwardAxis { get; init; } = MountAxis.Unknown;

    /// <summary>Who wore the sensor, as the dataset names them (SisFall SA02, ipol-gait 7, Oxford Jamie/user1), or null.</summary>
    public string? Subject { get; init; }

    /// <summary>The subject's age in years where the dataset gives it, else null.</summary>
    public int? SubjectAge { get; init; }

    /// <summary>
    /// The time of every true footstep in seconds from the start, ascending, where the dataset marks them (ipol-gait:
    /// each footstep's heel strike, the end of its swing); null where only a total is known. In a time-reversed copy
    /// the times are mirrored (t → duration − t) and stay ascending. When present, its length is <see cref="TrueSteps"/>.
    /// </summary>
    public IReadOnlyList<double>? StepTimesS { get; init; }

    /// <summary>Where the wearer walks, from the first to the last marked sample of the walk (ipol-gait), or null.</summary>
    public TimeRangeS? WalkS { get; init; }

    /// <summary>The turn(s) within the walk (ipol-gait: the U-turn), empty where none is marked.</summary>
    public IReadOnlyList<TimeRangeS> TurnsS { get; init; } = Array.Empty<TimeRangeS>();

    /// <summary>The labelled segments of a RetroWalk recording (format version 2), empty where none are marked.</summary>
    public IReadOnlyList<LabelledSegment> Segments { get; init; } = Array.Empty<LabelledSegment>();

    /// <summary>The gaps of a RetroWalk recording (format version 2): samples lost while recording, never filled in.</summary>
    public IReadOnlyList<RecordingGap> Gaps { get; init; } = Array.Empty<RecordingGap>();

    /// <summary>True for a time-reversed copy (backward-walking proxy).</summary>
    public bool Reversed { get; init; }
}
