namespace RetroWalk.Core.Sensors
{
    /// <summary>
    /// The few I2C operations a register-level driver needs, on one device address. Every call returns false on any
    /// failure (NACK, partial transfer, timeout) instead of throwing: the driver counts the error and retries.
    /// The device wraps System.Device.I2c.I2cDevice; the host wraps the register-level MPU6050 emulator.
    /// </summary>
    public interface II2cBus
    {
        /// <summary>Writes <paramref name="writeLength"/> bytes (register address first, then data).</summary>
        bool Write(byte[] data, int writeLength);

        /// <summary>Writes the register address, then reads <paramref name="readLength"/> bytes with a repeated start.</summary>
        bool WriteRead(byte[] write, int writeLength, byte[] read, int readLength);

        /// <summary>
        /// Bytes the last <see cref="WriteRead"/> delivered into its read buffer: all of them after a success; after a
        /// transfer broken off mid-read, as many as the bus reports (0 when it cannot tell). The driver checks the
        /// figure against FIFO_COUNT before it resumes a read from it.
        /// </summary>
        int LastReadBytes { get; }

        /// <summary>Waits; used only by the init sequence (Thread.Sleep on the device, emulated time on the host).</summary>
        void DelayMs(int milliseconds);
    }
}
