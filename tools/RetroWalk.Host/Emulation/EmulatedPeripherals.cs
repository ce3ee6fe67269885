using RetroWalk.Core.Device;
using RetroWalk.Core.Status;


namespace RetroWalk.Host.Emulation;

/// <summary>The acknowledge button, pressed and released by the harness.</summary>
public sealed class EmulatedButton : IButton
{
    public bool IsPressed { get; set; }
}

/// <summary>One change of the buzzer/LED outputs.</summary>
public readonly record struct AlarmOutputChange(long TimeMs, bool Buzzer, bool Led);

/// <summary>Buzzer and LED: keeps their state and every change with its time.</summary>
public sealed class RecordingAlarmOutput(IClock clock) : IAlarmOutput
{
    public List<AlarmOutputChange> Changes { get; } = [];

    public bool Buzzer { get; private set; }

    public bool Led { get; private set; }

    /// <summary>False keeps only the current state (no list growth, for allocation measurements).</summary>
    public bool Record { get; set; } = true;

    public void Set(bool buzzerOn, bool ledOn)
    {
        Buzzer = buzzerOn;
        Led = ledOn;
        if (Record)
        {
            Changes.Add(new AlarmOutputChange(clock.MonotonicMs, buzzerOn, ledOn));
        }
    }
}

/// <summary>A notification or an advertisement refresh as a phone would receive it (a copy of the status).</summary>
public sealed record PublishedStatus(long TimeMs, int Fields, bool IsAdvertisement, TrackerStatus Status);

/// <summary>
/// A simple publisher for tests and the simulator: keeps a copy of every notification and advertisement with its
/// time. (The BLE helper's RecordingPublisher additionally encodes and decodes the real payloads.)
/// </summary>
public sealed class StatusLog(IClock clock) : IStatusPublisher
{
    public List<PublishedStatus> Entries { get; } = [];

    public void Publish(TrackerStatus status, int changedFields) => Add(changedFields, false, status);

    public void Advertise(TrackerStatus status) => Add(0, true, status);

    private void Add(int fields, bool advert, TrackerStatus status)
    {
        var copy = new TrackerStatus();
        copy.CopyFrom(status);
        Entries.Add(new PublishedStatus(clock.MonotonicMs, fields, advert, copy));
    }
}

/// <summary>Publishes nowhere; for measuring the loop alone.</summary>
public sealed class NullPublisher : IStatusPublisher
{
    public void Publish(TrackerStatus status, int changedFields)
    {
    }

    public void Advertise(TrackerStatus status)
    {
    }
}
