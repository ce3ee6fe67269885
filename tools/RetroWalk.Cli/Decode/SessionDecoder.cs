using System.Globalization;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Session;

namespace RetroWalk.Cli.Decode;

/// <summary>
/// `retrowalk decode coach-session`: a session record as the core's <see cref="SessionCodec"/> writes it (docs/coach.md,
/// "BLE: Session characteristic"): the 48-byte summary, then one 8-byte record per listed interval.
/// </summary>
public static class SessionDecoder
{
    public const string Name = "coach-session";

    public static PayloadDecoder Entry { get; } = new(Name,
        $"Coach session record ({SessionCodec.SummaryLength}-byte summary + {SessionCodec.IntervalLength} bytes per interval): times, steps, cadence, energy, steadiness, intervals",
        Decode);

    public static DecodedPayload Decode(byte[] bytes)
    {
        var s = new SessionRecord();
        var figures = new int[SessionCodec.FigureCount];
        byte status = SessionCodec.DecodeSummary(bytes, 0, bytes.Length, s, figures);
        int extra = bytes.Length - SessionCodec.SummaryLength;
        if (status == CodecStatus.Ok && (extra % SessionCodec.IntervalLength != 0 || extra / SessionCodec.IntervalLength > s.IntervalCount))
        {
            status = CodecStatus.BadLength;
        }
        if (status != CodecStatus.Ok)
        {
            return DecodedPayload.Fail(PayloadDecoders.Problem(status, bytes.Length,
                $"{SessionCodec.SummaryLength} + {SessionCodec.IntervalLength} × intervals (at most {SessionRecord.MaxIntervals})"));
        }

        static string Pct(int permille) => (permille / 10.0).ToString("F1", CultureInfo.InvariantCulture) + " %";
        var d = new DecodedPayload()
            .Add("session", s.Number.ToString(CultureInfo.InvariantCulture))
            .Add("started", s.StartEpochS == 0 ? "clock not set" : DateTimeOffset.FromUnixTimeSeconds(s.StartEpochS).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Add("duration", $"{s.DurationMs / 1000} s")
            .Add("forward", $"{s.ForwardSteps} steps in {s.ForwardMs / 1000} s, {bytes[30]} steps/min, {s.ForwardKcal} kcal")
            .Add("backward", $"{s.BackwardSteps} steps in {s.BackwardMs / 1000} s, {bytes[31]} steps/min, {s.BackwardKcal} kcal")
            .Add("longest backward streak", $"{s.LongestBackwardStreakSteps} steps")
            .Add("forward steadiness", $"step-time CV {Pct(figures[SessionCodec.ForwardCv])}, asymmetry {Pct(figures[SessionCodec.ForwardAsymmetry])} ({figures[SessionCodec.ForwardBouts]} bouts, {figures[SessionCodec.ForwardSteadySteps]} steps)")
            .Add("backward steadiness", $"step-time CV {Pct(figures[SessionCodec.BackwardCv])}, asymmetry {Pct(figures[SessionCodec.BackwardAsymmetry])} ({figures[SessionCodec.BackwardBouts]} bouts, {figures[SessionCodec.BackwardSteadySteps]} steps)")
            .Add("intervals", $"{s.IntervalTotal}{((bytes[47] & SessionCodec.FlagIntervalsTruncated) != 0 ? " (list truncated)" : "")}")
            .Add("started / ended by", $"{(s.StartedByCommand ? "command" : "walking")} / {(SessionCodec.InProgress(bytes, 0) ? "still running" : s.EndedByCommand ? "command" : "rest")}");
        for (int i = 0; i < extra / SessionCodec.IntervalLength; i++)
        {
            int o = SessionCodec.SummaryLength + i * SessionCodec.IntervalLength;
            if (SessionCodec.DecodeInterval(bytes, o, SessionCodec.IntervalLength, out byte direction, out int startS, out int durationS, out int steps) != CodecStatus.Ok)
            {
                return DecodedPayload.Fail($"interval {i + 1}: direction {direction} is neither 1 (forward) nor 2 (backward)");
            }
            d.Add($"interval {i + 1}", $"{(direction == 1 ? "forward" : "backward")} from {startS} s for {durationS} s, {steps} steps");
        }
        return d;
    }
}
