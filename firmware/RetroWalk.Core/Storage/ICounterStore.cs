namespace RetroWalk.Core.Storage
{
    /// <summary>
    /// Raw non-volatile storage with two independent slots (two files on the device's littlefs). The state store
    /// alternates between them, so a power cut during a write can only damage the slot being written.
    /// </summary>
    public interface ICounterStore
    {
        /// <summary>Reads slot <paramref name="slot"/> (0 or 1) into <paramref name="buffer"/>; returns the bytes read, 0 when the slot is empty, -1 on a read error.</summary>
        int Read(int slot, byte[] buffer);

        /// <summary>Replaces the content of slot <paramref name="slot"/> with the first <paramref name="length"/> bytes of <paramref name="data"/>; false on an error.</summary>
        bool Write(int slot, byte[] data, int length);
    }
}
