using System.Text.Json;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Cli;

/// <summary>
/// `simulate --json FILE`: keys documented in the README ("simulate --json"). Times are device milliseconds since
/// the first boot (the clock runs on across a reboot).
/// </summary>
public static class SimulationJson
{
    public static void Write(string path, SimulationRecord r)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("input", r.Input);
        w.WriteString("events_injected", r.Events);
        w.WriteNumber("sample_rate_hz", r.SampleRateHz);
        w.WriteNumber("samples", r.Samples);
        w.WriteStartArray("events");
        foreach (var e in r.Timeline)
        {
            w.WriteStartObject();
            w.WriteNumber("time_ms", e.TimeMs);
            w.WriteString("kind", e.Kind);
            w.WriteString("what", e.What);
            w.WriteString("detail", e.Detail);
            if (e.PayloadHex is not null)
            {
                w.WriteString("payload_hex", e.PayloadHex);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("final");
        w.WriteNumber("forward_steps", r.ForwardSteps);
        w.WriteNumber("backward_steps", r.BackwardSteps);
        w.WriteNumber("today_forward", r.TodayForward);
        w.WriteNumber("today_backward", r.TodayBackward);
        w.WriteNumber("hourly_records", r.HourlyRecords);
        w.WriteString("alarm", r.Alarm);
        w.WriteNumber("backward_walking_s", r.BackwardWalkingS);
        w.WriteNumber("fifo_overflows", r.OverflowCount);
        w.WriteNumber("resyncs", r.ResyncCount);
        w.WriteNumber("i2c_errors", r.I2cErrors);
        w.WriteNumber("failed_saves", r.FailedSaves);
        w.WriteNumber("flash_writes", r.FlashWrites);
        w.WriteEndObject();
        if (r.Truth is { } t)
        {
            w.WriteStartObject("ground_truth");
            w.WriteNumber("forward_steps", t.ForwardSteps);
            w.WriteNumber("backward_steps", t.BackwardSteps);
            w.WriteNumber("falls", t.Falls.Count);
            w.WriteStartArray("fall_impact_ms");
            foreach (var f in t.Falls) w.WriteNumberValue(f.ImpactSample * 1000L / t.SampleRateHz);
            w.WriteEndArray();
            w.WriteStartArray("step_times_ms");
            foreach (var s in t.Steps) w.WriteNumberValue(s.Sample * 1000L / t.SampleRateHz);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("ground_truth");
        }
        w.WriteEndObject();
    }
}
