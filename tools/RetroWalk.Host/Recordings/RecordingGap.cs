namespace RetroWalk.Host.Recordings;

/// <summary>
/// A gap in a RetroWalk recording (format version 2): samples lost between the file's samples <see cref="AtSample"/> − 1
/// and <see cref="AtSample"/>. <see cref="MissingSamples"/> is exact where the recorder knew it (a Raw Samples
/// notification that never arrived: the sequence numbers say how many), null where the sensor itself lost an unknown
/// number (FIFO overflow). The file's samples stay contiguous; time does not skip over a gap.
/// </summary>
public readonly record struct RecordingGap(int AtSample, int? MissingSamples);
