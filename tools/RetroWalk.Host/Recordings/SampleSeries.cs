namespace RetroWalk.Host.Recordings;

/// <summary>
/// Collects samples as a reader parses them: times are made relative to the first sample, a time going back is an
/// error naming the line, and a repeated time keeps the first sample only.
/// </summary>
public sealed class SampleSeries
{
    private readonly SampleStore _samples = new();
    private readonly string _path;
    private double _firstTime;
    private double _lastTime;

    public SampleSeries(string path)
    {
        _path = path;
    }

    public int Count => _samples.Count;

    /// <summary>Adds a sample at <paramref name="timeS"/> seconds on the source's own clock.</summary>
    public void Add(int lineNumber, double timeS, double ax, double ay, double az, double gx = 0, double gy = 0, double gz = 0)
    {
        if (_samples.Count == 0)
        {
            _firstTime = timeS;
        }
        else if (timeS < _lastTime)
        {
            throw new RecordingFormatException(_path, lineNumber, $"time goes back ({timeS - _firstTime:0.######} s after {_lastTime - _firstTime:0.######} s)");
        }
        else if (timeS == _lastTime)
        {
            return;
        }
        _lastTime = timeS;
        _samples.Add(new MotionSample(timeS - _firstTime, ax, ay, az, gx, gy, gz));
    }

    /// <summary>The samples, in bounded memory (<see cref="SampleStore"/>); a file without any is an error.</summary>
    public SampleStore Complete()
    {
        if (_samples.Count == 0)
        {
            throw new RecordingFormatException(_path, 0, "no samples");
        }
        return _samples;
    }
}
