namespace RetroWalk.Host.Recordings;

/// <summary>One raw MPU6050 sample as the device reads it from the FIFO: accelerometer and gyroscope counts.</summary>
public readonly record struct RawSample(short Ax, short Ay, short Az, short Gx, short Gy, short Gz);
