namespace RetroWalk.Host.Recordings;

/// <summary>
/// One labelled stretch of a RetroWalk recording: the samples from <see cref="StartSample"/> up to (not including)
/// <see cref="EndSample"/> under one label, with the gaps that fell inside it. Times are the samples' times
/// (index / rate), as the tracker replays them.
/// </summary>
public sealed record LabelledSegment(string Label, bool Treadmill, int StartSample, int EndSample, double StartS, double EndS,
    int MissingSamples, int UnknownGaps)
{
    public int Samples => EndSample - StartSample;

    /// <summary>"forward" or "backward" for the walking labels, else null.</summary>
    public string? ExpectedDirection => new RecordingLabel(StartSample, Label, Treadmill).ExpectedDirection;

    /// <summary>
    /// The segments of a recording of <paramref name="sampleCount"/> samples: one per label, each up to the next label
    /// or the end; samples before the first label are not a segment. Labels at the same sample: the last one counts; a label
    /// after the last sample makes no segment.
    /// A gap at a segment's first sample belongs to it (the samples lost were taken under its label).
    /// </summary>
    public static IReadOnlyList<LabelledSegment> From(IReadOnlyList<RecordingLabel> labels, IReadOnlyList<RecordingGap> gaps, int sampleCount, int rateHz)
    {
        var segments = new List<LabelledSegment>();
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var end = i + 1 < labels.Count ? labels[i + 1].StartSample : sampleCount;
            if (end <= label.StartSample)
            {
                continue; // replaced by a later label at the same sample, or after the last sample
            }
            var inside = gaps.Where(g => g.AtSample >= label.StartSample && (g.AtSample < end || (end == sampleCount && g.AtSample == end))).ToList();
            segments.Add(new LabelledSegment(label.Name, label.Treadmill, label.StartSample, end, (double)label.StartSample / rateHz, (double)end / rateHz,
                inside.Sum(g => g.MissingSamples ?? 0), inside.Count(g => g.MissingSamples is null)));
        }
        return segments;
    }
}
