using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RetroWalk.Host.Recordings;

/// <summary>
/// The samples of a recording in bounded memory: the first <see cref="InMemoryChunks"/> chunks of
/// <see cref="ChunkSamples"/> samples stay in memory (every dataset file fits there), later chunks go to an anonymous
/// temporary file (deleted when the store is closed or collected) and are read back a chunk at a time through a small
/// cache. So a recording of any length is read, converted and evaluated in memory that does not grow with its length,
/// forward or backward (the time-reversed copy is a view over the same store).
/// </summary>
public sealed class SampleStore : IReadOnlyList<MotionSample>, IDisposable
{
    /// <summary>Samples per chunk (56 bytes each: 3.7 MB a chunk).</summary>
    public const int ChunkSamples = 1 << 16;

    /// <summary>Chunks kept in memory before the store spills to its file (7.3 MB, 131072 samples: 11 min at 200 Hz).</summary>
    public const int InMemoryChunks = 2;

    /// <summary>Spilled chunks cached for reading (one for a forward pass, one for a backward or a second reader).</summary>
    public const int CachedChunks = 2;

    private static readonly int SampleBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<MotionSample>();

    private readonly List<MotionSample[]> _resident = new();
    private MotionSample[] _filling;
    private int _filled;
    private int _count;
    private SafeFileHandle? _file;
    private long _spilledChunks;
    private readonly MotionSample[][] _cache = new MotionSample[CachedChunks][];
    private readonly long[] _cachedChunk = { -1, -1 };
    private int _nextVictim;
    private readonly object _lock = new();

    /// <summary>First size of the chunk being filled; it doubles up to <see cref="ChunkSamples"/>, so a short file costs little.</summary>
    private const int FirstChunkSamples = 1024;

    public SampleStore()
    {
        _filling = new MotionSample[FirstChunkSamples];
    }

    public int Count => _count;

    /// <summary>Bytes of sample data held in memory now (resident chunks, the chunk being filled, the read cache).</summary>
    public long ResidentBytes
    {
        get
        {
            lock (_lock)
            {
                long chunks = _resident.Count + _cache.Count(c => c is not null);
                return (chunks * ChunkSamples + _filling.Length) * SampleBytes;
            }
        }
    }

    /// <summary>Appends a sample (readers only, before the store is read).</summary>
    public void Add(in MotionSample sample)
    {
        if (_filled == _filling.Length)
        {
            if (_filled < ChunkSamples)
            {
                Array.Resize(ref _filling, Math.Min(2 * _filled, ChunkSamples));
            }
            else
            {
                Seal();
            }
        }
        _filling[_filled++] = sample;
        _count++;
    }

    private void Seal()
    {
        if (_resident.Count < InMemoryChunks)
        {
            _resident.Add(_filling);
            _filling = new MotionSample[ChunkSamples];
        }
        else
        {
            _file ??= OpenSpillFile();
            RandomAccess.Write(_file, MemoryMarshal.AsBytes(_filling.AsSpan()), _spilledChunks * ChunkSamples * SampleBytes);
            _spilledChunks++;
        }
        _filled = 0;
    }

    private static SafeFileHandle OpenSpillFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"retrowalk-samples-{Guid.NewGuid():N}.bin");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // unlinked at once: the space is freed with the handle even if the process is killed
        }
        return handle;
    }

    public MotionSample this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"index {index} outside 0..{_count - 1}");
            }
            var chunk = index / ChunkSamples;
            var offset = index % ChunkSamples;
            if (chunk < _resident.Count)
            {
                return _resident[chunk][offset];
            }
            var spilled = chunk - _resident.Count;
            if (spilled == _spilledChunks)
            {
                return _filling[offset];
            }
            lock (_lock)
            {
                return Cached(spilled)[offset];
            }
        }
    }

    private MotionSample[] Cached(long spilled)
    {
        for (var i = 0; i < CachedChunks; i++)
        {
            if (_cachedChunk[i] == spilled)
            {
                return _cache[i]!;
            }
        }
        var slot = _nextVictim;
        _nextVictim = (_nextVictim + 1) % CachedChunks;
        var buffer = _cache[slot] ??= new MotionSample[ChunkSamples];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(_file!, bytes[read..], spilled * ChunkSamples * SampleBytes + read);
            if (n == 0)
            {
                throw new IOException("the temporary sample file ended early");
            }
            read += n;
        }
        _cachedChunk[slot] = spilled;
        return buffer;
    }

    public IEnumerator<MotionSample> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _file?.Dispose();
}
