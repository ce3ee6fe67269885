namespace RetroWalk.Host.Emulation;

/// <summary>
/// What the MPU-6050's sensing elements experience at one instant, in physical units and device axes: specific force
/// in g (+1 g upward at rest) and angular rate in °/s. The emulator turns it into counts at the ranges the driver set.
/// </summary>
public readonly record struct ImuSample(double AxG, double AyG, double AzG, double GxDps, double GyDps, double GzDps);
