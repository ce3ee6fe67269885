using System;
using System.Device.I2c;
using System.Threading;
using RetroWalk.Core.Sensors;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>
    /// The core's I2C port on a System.Device.I2c device (one address). Transfers do not throw on a NACK: every
    /// I2cTransferResult is checked, and anything but a full transfer is reported as a failure for the driver to count
    /// and retry. Spans wrap the driver's preallocated arrays, so nothing is allocated per transfer.
    /// </summary>
    public sealed class I2cBusAdapter : II2cBus
    {
        private readonly I2cDevice _device;

        public I2cBusAdapter(I2cDevice device)
        {
            _device = device;
        }

        public bool Write(byte[] data, int writeLength)
        {
            return Check(_device.Write(new SpanByte(data, 0, writeLength)));
        }

        public bool WriteRead(byte[] write, int writeLength, byte[] read, int readLength)
        {
            I2cTransferResult result = _device.WriteRead(new SpanByte(write, 0, writeLength), new SpanByte(read, 0, readLength));
            bool full = Check(result);
            // BytesTransferred counts the address byte(s) written too; a partial read keeps what came through.
            long readBytes = (long)result.BytesTransferred - writeLength;
            LastReadBytes = full ? readLength
                : result.Status == I2cTransferStatus.PartialTransfer && readBytes > 0 && readBytes < readLength ? (int)readBytes : 0;
            return full;
        }

        /// <inheritdoc />
        public int LastReadBytes { get; private set; }

        public void DelayMs(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }

        private static bool Check(I2cTransferResult result)
        {
            return result.Status == I2cTransferStatus.FullTransfer;
        }
    }
}
