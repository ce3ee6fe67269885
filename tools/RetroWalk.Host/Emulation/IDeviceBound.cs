using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;

namespace RetroWalk.Host.Emulation;

/// <summary>A publisher that also needs the device loop as its command sink, settings and history, and the sessions (a GATT server does).</summary>
public interface IDeviceBound
{
    void Bind(DeviceLoop loop, ISessionSource? sessions);
}
