using RetroWalk.Core.Ble;
using RetroWalk.Core.Bytes;
using RetroWalk.Core.Session;

namespace RetroWalk.Host.Emulation;

/// <summary>One session as the phone decoded it from the Session log: the summary, its steadiness figures, its intervals.</summary>
public sealed record DownloadedSession(SessionRecord Record, int[] Figures);

/// <summary>
/// The phone's side of a Session log download (docs/ble.md, "Session log"): takes the notifications in order, checks
/// their sequence bytes, reassembles the byte stream and decodes each session with the core's SessionCodec, until the
/// end marker, whose count it checks.
/// </summary>
public sealed class SessionLogReader
{
    private readonly List<byte> _stream = new();
    private int _expectedSequence;

    public List<DownloadedSession> Sessions { get; } = new();

    /// <summary>True once the end marker arrived.</summary>
    public bool Ended { get; private set; }

    /// <summary>The count the end marker carried (-1 before it).</summary>
    public int EndCount { get; private set; } = -1;

    /// <summary>Why the download cannot be trusted (a lost notification, a bad record, a wrong count), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Takes one notification; false once something is wrong (see <see cref="Error"/>).</summary>
    public bool Add(byte[] packet)
    {
        if (Error is not null || Ended)
        {
            Error ??= "a notification after the end marker";
            return false;
        }

        if (packet.Length < SessionStream.HeaderLength + 1 || packet[0] != (byte)_expectedSequence)
        {
            Error = packet.Length == 0 ? "an empty notification" : $"notification {packet[0]} where {(byte)_expectedSequence} was expected (one was lost)";
            return false;
        }

        _expectedSequence++;
        _stream.AddRange(packet.Skip(SessionStream.HeaderLength));
        while (TryTakeOne())
        {
        }

        return Error is null;
    }

    private bool TryTakeOne()
    {
        if (_stream.Count < SessionStream.EndMarkerLength || Ended || Error is not null)
        {
            return false;
        }

        byte[] head = _stream.Take(SessionCodec.SummaryLength).ToArray();
        if (LittleEndian.GetU32(head, 0) == SessionStream.EndMarkerNumber)
        {
            Ended = true;
            EndCount = LittleEndian.GetU16(head, 4);
            _stream.RemoveRange(0, SessionStream.EndMarkerLength);
            if (EndCount != Sessions.Count)
            {
                Error = $"the end marker counts {EndCount} sessions, {Sessions.Count} arrived";
            }
            else if (_stream.Count > 0)
            {
                Error = $"{_stream.Count} bytes after the end marker";
            }

            return false;
        }

        if (head.Length < SessionCodec.SummaryLength)
        {
            return false;
        }

        int listed = SessionCodec.ListedIntervals(head, 0);
        int length = SessionCodec.SummaryLength + listed * SessionCodec.IntervalLength;
        if (_stream.Count < length)
        {
            return false;
        }

        byte[] bytes = _stream.Take(length).ToArray();
        _stream.RemoveRange(0, length);
        var record = new SessionRecord();
        var figures = new int[SessionCodec.FigureCount];
        if (SessionCodec.DecodeSummary(bytes, 0, SessionCodec.SummaryLength, record, figures) != CodecStatus.Ok)
        {
            Error = "a session summary the codec refuses";
            return false;
        }

        for (int k = 0; k < listed; k++)
        {
            if (SessionCodec.DecodeInterval(bytes, SessionCodec.SummaryLength + k * SessionCodec.IntervalLength, SessionCodec.IntervalLength,
                out byte direction, out int startS, out int durationS, out int steps) != CodecStatus.Ok)
            {
                Error = $"session {record.Number}: interval {k + 1} the codec refuses";
                return false;
            }

            record.IntervalDirection[k] = direction;
            record.IntervalStartMs[k] = startS * 1000L;
            record.IntervalDurationMs[k] = durationS * 1000L;
            record.IntervalSteps[k] = steps;
        }

        Sessions.Add(new DownloadedSession(record, figures));
        return true;
    }
}
