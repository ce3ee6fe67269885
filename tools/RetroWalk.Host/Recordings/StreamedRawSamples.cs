using RetroWalk.Core.Config;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// A recording as the device's MPU6050 would deliver it (<see cref="DeviceConverter.StreamRaw"/>), converted anew on
/// every enumeration: its length is known up front, its samples are never all held, so a replay of any length runs
/// in constant memory.
/// </summary>
public sealed class StreamedRawSamples : IReadOnlyCollection<RawSample>
{
    private readonly Recording _recording;
    private readonly SensorConfig _sensor;

    public StreamedRawSamples(Recording recording, SensorConfig sensor)
    {
        _recording = recording;
        _sensor = sensor;
        Count = DeviceConverter.RawCount(recording.Samples, sensor.SampleRateHz);
    }

    public int Count { get; }

    public IEnumerator<RawSample> GetEnumerator() => DeviceConverter.StreamRaw(_recording, _sensor).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
