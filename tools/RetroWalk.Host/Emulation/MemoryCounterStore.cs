using RetroWalk.Core.Storage;

namespace RetroWalk.Host.Emulation;

/// <summary>How flash looks after a power cut during a write.</summary>
public enum TornWrite
{
    /// <summary>The file was truncated and rewritten: it holds only the bytes written before the cut.</summary>
    Truncated,

    /// <summary>The bytes were overwritten in place: new bytes up to the cut, old bytes after it.</summary>
    InPlace,
}

/// <summary>Thrown when the emulated power fails during a write; the emulated device is dead until rebooted.</summary>
public sealed class PowerCutException(int slot, int bytesWritten)
    : Exception($"power cut while writing state slot {slot} after {bytesWritten} bytes")
{
    public int Slot { get; } = slot;

    public int BytesWritten { get; } = bytesWritten;
}

/// <summary>
/// In-memory two-slot store that survives emulated reboots, with fault injection: a power cut after any byte of a
/// given write, failing reads or writes, and bit flips.
/// </summary>
public sealed class MemoryCounterStore : ICounterStore
{
    private readonly byte[]?[] _slots = new byte[]?[2];
    private int _cutWrite = -1;
    private int _cutAfterBytes;
    private TornWrite _cutMode;

    public int Writes { get; private set; }

    public bool FailWrites { get; set; }

    public bool FailReads { get; set; }

    public byte[]? Slot(int slot) => _slots[slot];

    /// <summary>The kept sessions' slot pair on the same flash (the device's second file pair), surviving reboots with this one.</summary>
    public MemoryCounterStore SessionFlash => _sessionFlash ??= new MemoryCounterStore();

    private MemoryCounterStore? _sessionFlash;

    /// <summary>Arms a power cut during write number <paramref name="writeIndex"/> (0 = the next one) after <paramref name="bytes"/> bytes.</summary>
    public void CutPowerDuringWrite(int writeIndex, int bytes, TornWrite mode)
    {
        _cutWrite = Writes + writeIndex;
        _cutAfterBytes = bytes;
        _cutMode = mode;
    }

    public void FlipBit(int slot, int byteIndex, int bit) => _slots[slot]![byteIndex] ^= (byte)(1 << bit);

    public int Read(int slot, byte[] buffer)
    {
        if (FailReads)
        {
            return -1;
        }

        var data = _slots[slot];
        if (data is null)
        {
            return 0;
        }

        int n = Math.Min(data.Length, buffer.Length);
        Array.Copy(data, buffer, n);
        return data.Length > buffer.Length ? buffer.Length + 1 : n;
    }

    public bool Write(int slot, byte[] data, int length)
    {
        if (FailWrites)
        {
            return false;
        }

        int index = Writes++;
        if (index == _cutWrite)
        {
            _cutWrite = -1;
            int n = Math.Min(_cutAfterBytes, length);
            var old = _slots[slot] ?? [];
            var torn = _cutMode == TornWrite.Truncated ? new byte[n] : new byte[Math.Max(n, old.Length)];
            if (_cutMode == TornWrite.InPlace)
            {
                Array.Copy(old, torn, old.Length);
            }

            Array.Copy(data, torn, n);
            _slots[slot] = torn;
            throw new PowerCutException(slot, n);
        }

        // Reuse the slot's array when the size is unchanged, so saves in steady state allocate nothing.
        var target = _slots[slot];
        if (target is null || target.Length != length)
        {
            target = new byte[length];
            _slots[slot] = target;
        }

        Array.Copy(data, target, length);
        return true;
    }
}
