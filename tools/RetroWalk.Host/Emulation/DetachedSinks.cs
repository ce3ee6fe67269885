using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// Stands in for the device loop behind a <see cref="RecordingPublisher"/> that is not bound to one (codec tests that
/// feed it statuses by hand): accepts every command, keeps the settings written (the defaults at first: BTHome on), sets no clock.
/// </summary>
public sealed class DetachedSinks : ICommandSink, IConfigSink
{
    private readonly UserSettings _settings = new();

    public byte Submit(byte op, uint argument) => ControlStatus.Ok;

    public void ReadSettings(UserSettings into) => into.CopyFrom(_settings);

    public byte ApplySettings(UserSettings settings)
    {
        _settings.CopyFrom(settings);
        return ControlStatus.Ok;
    }

    public byte SetClock(uint utcEpochS) => ControlStatus.Ok;
}
