using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetroWalk.Host.Evaluation;

/// <summary>
/// The JSON file of an evaluation run. Stable interface: a top-level object with a <c>recordings</c> array whose entries
/// always carry every key below (null where unknown), a <c>summary</c> object and a <c>problems</c> array.
/// </summary>
public static class EvalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record Entry(
        string Dataset,
        string File,
        string? Placement,
        bool Reversed,
        int? TrueSteps,
        int CountedSteps,
        int ForwardSteps,
        int BackwardSteps,
        double? StepErrorPct,
        bool? FallExpected,
        bool FallAlarm,
        double? FallAlarmMs,
        int TiltWarnings,
        double? ImpactMs,
        string? Activity,
        int? FootSwitchSteps,
        IReadOnlyDictionary<string, int> PeerSteps,
        string ForwardAxis,
        bool HasGyro,
        double DurationS,
        int DeviceSamples,
        string? Subject,
        int? SubjectAge,
        double? StepTimeCvPct,
        double? TrueStepTimeCvPct,
        IReadOnlyList<SegmentResult> Segments);

    public sealed record Device(int SampleRateHz, int AccelCountsPerG, int GyroCountsPer10Dps);

    public sealed record Document(
        string Root,
        Device Device,
        double ElapsedMs,
        IReadOnlyList<Entry> Recordings,
        EvalSummary Summary,
        IReadOnlyList<Recordings.RecordingProblem> Problems);

    public static Entry ToEntry(EvalResult r) => new(
        r.Info.Dataset, r.Info.File, r.Info.Placement, r.Info.Reversed, r.Info.TrueSteps,
        r.CountedSteps, r.ForwardSteps, r.BackwardSteps, Round(r.StepErrorPct),
        r.Info.FallExpected, r.FallAlarm, r.FallAlarmMs, r.TiltWarnings, r.Info.ImpactMs,
        r.Info.Activity, r.Info.FootSwitchSteps, r.Info.PeerSteps, r.Info.ForwardAxis.ToString(), r.HasGyro,
        Math.Round(r.DurationS, 3), r.DeviceSamples, r.Info.Subject, r.Info.SubjectAge,
        Round(r.StepTimeCvPct), Round(r.TrueStepTimeCvPct), r.Segments);

    public static Document ToDocument(EvalReport report) => new(
        report.Root,
        new Device(report.Sensor.SampleRateHz, report.Sensor.AccelCountsPerG, report.Sensor.GyroCountsPer10Dps),
        Math.Round(report.Elapsed.TotalMilliseconds),
        report.Results.Select(ToEntry).ToList(),
        report.Summary,
        report.Problems);

    public static void Write(string path, EvalReport report)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, ToDocument(report), Options);
    }

    public static string Serialize(EvalReport report) => JsonSerializer.Serialize(ToDocument(report), Options);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
