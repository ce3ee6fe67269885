using System;
using System.IO;
using RetroWalk.Core.Storage;

namespace RetroWalk.Firmware.Hardware
{
    /// <summary>
    /// Two slots as two files on the ESP32's internal littlefs volume (drive I:): the counter state's pair, or the kept
    /// sessions' pair (<see cref="SessionsName"/>), so a session save never rewrites the counts. Each save rewrites one whole
    /// file (the state store alternates), so a power cut can only damage the file being written. Errors (no I: drive,
    /// flash full, I/O error) come back as -1 / false, never as exceptions into the loop.
    /// </summary>
    public sealed class FlashCounterStore : ICounterStore
    {
        /// <summary>The counter state's files: I:\retrowalk-state-0.bin and -1.bin.</summary>
        public const string StateName = "state";

        /// <summary>The kept sessions' files: I:\retrowalk-sessions-0.bin and -1.bin.</summary>
        public const string SessionsName = "sessions";

        private readonly string[] _slotPaths;

        public FlashCounterStore()
            : this(StateName)
        {
        }

        public FlashCounterStore(string name)
        {
            _slotPaths = new string[] { "I:\\retrowalk-" + name + "-0.bin", "I:\\retrowalk-" + name + "-1.bin" };
        }

        public int Read(int slot, byte[] buffer)
        {
            try
            {
                string path = _slotPaths[slot];
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
                using (FileStream file = new FileStream(_slotPaths[slot], FileMode.Create, FileAccess.Write))
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
