using System;
using System.IO;
using RetroWalk.Core.Storage;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>
    /// The two state slots as two files on the ESP32's internal littlefs volume (drive I:). Each save rewrites one whole
    /// file (the state store alternates), so a power cut can only damage the file being written. Errors (no I: drive,
    /// flash full, I/O error) come back as -1 / false, never as exceptions into the loop.
    /// </summary>
    public sealed class FlashCounterStore : ICounterStore
    {
        private static readonly string[] SlotPaths = new string[] { "I:\\retrowalk-state-0.bin", "I:\\retrowalk-state-1.bin" };

        public int Read(int slot, byte[] buffer)
        {
            try
            {
                string path = SlotPaths[slot];
                if (!File.Exists(path))
                {
                    return 0;
                }

                using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long length = file.Length;
                    if (length > buffer.Length)
                    {
                        // Longer than any valid record: report a size the codec rejects.
                        return buffer.Length + 1;
                    }

                    int total = 0;
                    while (total < length)
                    {
                        int n = file.Read(buffer, total, (int)length - total);
                        if (n <= 0)
                        {
                            break;
                        }

                        total += n;
                    }

                    return total;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public bool Write(int slot, byte[] data, int length)
        {
            try
            {
                using (FileStream file = new FileStream(SlotPaths[slot], FileMode.Create, FileAccess.Write))
                {
                    file.Write(data, 0, length);
                    file.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
