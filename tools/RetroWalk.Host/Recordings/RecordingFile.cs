using RetroWalk.Core.Config;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// One recording of any supported kind, recognised by its name and first line: a RetroWalk CSV, a SisFall trial, an ipol-gait trunk file, a
/// Bangle.js CSV, an Oxford validation file, or an Oxford optimisation folder. For tools that take a single file
/// (`eval FILE`, a simulator input) rather than a dataset folder.
/// </summary>
public static class RecordingFile
{
    public static Recording Read(string path, string? relativeFile = null)
    {
        relativeFile ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (Directory.Exists(path))
        {
            if (!File.Exists(Path.Combine(path, OxfordReader.AccelerometerFile)))
            {
                throw new RecordingFormatException(path, 0, $"a folder is read only as an Oxford recording, with {OxfordReader.AccelerometerFile} in it");
            }
            var stats = Path.Combine(path, "..", "..", OxfordReader.StatsFile);
            return OxfordReader.ReadOptimisation(path, relativeFile, File.Exists(stats) ? OxfordReader.ReadStats(stats) : null);
        }
        if (SisFallReader.IsTrialFileName(Path.GetFileName(path)))
        {
            return SisFallReader.Read(path, relativeFile);
        }
        if (IpolGaitReader.IsTrialFileName(Path.GetFileName(path)))
        {
            return IpolGaitReader.Read(path, relativeFile);
        }
        var first = TextRecord.Lines(path).FirstOrDefault().Text?.Trim() ?? "";
        if (first.StartsWith('#'))
        {
            return RetroWalkCsv.Read(path, relativeFile);
        }
        if (first.Equals(BangleReader.Header, StringComparison.OrdinalIgnoreCase))
        {
            return BangleReader.Read(path, relativeFile);
        }
        if (first.Split(',').Length == OxfordReader.ValidationColumns)
        {
            return OxfordReader.ReadValidation(path, relativeFile);
        }
        throw new RecordingFormatException(path, 1,
            $"not a recording this tool reads: expected a RetroWalk CSV (first line '# {RetroWalkCsv.FormatKey}: {RetroWalkCsv.FormatVersion}'), " +
            $"a SisFall trial (<code>_<subject>_<trial>.txt), an ipol-gait trunk file (<subject>-<trial>_lb.txt), a Bangle.js CSV ('{BangleReader.Header}') " +
            $"or an Oxford validation file ({OxfordReader.ValidationColumns} columns)");
    }

    /// <summary>A recording as the device's MPU6050 would deliver it at <paramref name="sensor"/>'s rate and ranges.</summary>
    public static RawSample[] ReadRaw(string path, SensorConfig sensor) => DeviceConverter.ToRaw(Read(path), sensor);

    /// <summary><see cref="ReadRaw"/> without holding the device samples: converted as they are enumerated.</summary>
    public static StreamedRawSamples StreamRaw(string path, SensorConfig sensor) => new(Read(path), sensor);

    /// <summary>
    /// The recording, and for forward walking with a known forward axis (a SisFall walk or jog D01-D04, every
    /// ipol-gait trial) also its time-reversed copy (backward-walking proxy).
    /// </summary>
    public static IReadOnlyList<Recording> WithReversedCopy(Recording recording) =>
        HasReversedCopy(recording.Info)
            ? new[] { recording, recording.TimeReversed() }
            : new[] { recording };

    /// <summary>True for the recordings that eval also runs time-reversed.</summary>
    public static bool HasReversedCopy(RecordingInfo info) =>
        !info.Reversed && (info.Dataset == SisFallReader.DatasetName && SisFallReader.IsWalkOrJog(info.Activity ?? "")
                           || info.Dataset == IpolGaitReader.DatasetName);
}
