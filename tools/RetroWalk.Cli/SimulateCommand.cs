using RetroWalk.Host.Coach;
using System.CommandLine;
using RetroWalk.Cli.Decode;
using RetroWalk.Cli.Plot;
using RetroWalk.Core.Config;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

using RetroWalk.Host.Settings;

namespace RetroWalk.Cli;

/// <summary>
/// `retrowalk simulate [--recording FILE] [--scenario NAME] [--events NAME] [--seed N] [--verbose] [--json FILE] [--plot FILE]`:
/// the device loop on the emulated board. Exit codes: 0 done; 1 the recording cannot be read or an output file cannot
/// be written; 64 a bad option.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var recording = new Option<string?>("--recording")
        {
            Description = "A recording to replay on the emulated MPU-6050 instead of a synthesized session: a RetroWalk CSV (docs/recording-format.md), a SisFall trial, an Oxford or Bangle.js file",
        };
        var scenario = new Option<string>("--scenario")
        {
            Description = "Synthesized session: " + string.Join(", ", Scenarios.Names),
            DefaultValueFactory = _ => Scenarios.Default,
        };
        scenario.AcceptOnlyFromAmong(Scenarios.Names.ToArray());
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the synthesized session",
            DefaultValueFactory = _ => 1,
        };
        var events = new Option<string>("--events")
        {
            Description = "Device events on top of the input: " + string.Join(", ", Simulator.Events),
            DefaultValueFactory = _ => "none",
        };
        events.AcceptOnlyFromAmong(Simulator.Events);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Print every notification (default: advertisements, alarm changes and the phone's view every 30 s)",
        };
        var json = new Option<string?>("--json") { Description = "Also write the session as JSON (events with times, final counts, ground truth; keys in the README)" };
        var plot = new Option<string?>("--plot") { Description = "Also plot the input as the tracker saw it to this PNG (like `retrowalk plot`, with the synthesizer's true steps)" };
        var sessions = new Option<bool>("--sessions") { Description = "Also print the walking sessions the core's session recorder books (docs/coach.md), and the same sessions as the emulated phone downloads them over BLE (Control Point 0x13, Session log)" };
        var set = new Option<string[]>("--set")
        {
            Description = "A setting the phone writes through Config after setting the clock, as key=value (keys as in docs/ble.md's Config table, e.g. heightCm=185, backwardStepCm=40, coach=off); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var (from, to, width, height) = PlotCommand.WindowOptions();
        var command = new Command("simulate", "Run the firmware's device loop on the host emulation and print what a phone would see")
        {
            recording, scenario, seed, events, verbose, json, plot, from, to, width, height, sessions, set,
        };
        command.SetAction(parse =>
        {
            var options = new SimulationOptions
            {
                Recording = parse.GetValue(recording),
                Scenario = parse.GetValue(scenario)!,
                Seed = parse.GetValue(seed),
                Events = parse.GetValue(events)!,
                Verbose = parse.GetValue(verbose),
                Settings = parse.GetValue(set) ?? [],
                Sessions = parse.GetValue(sessions),
            };
            int code = Run(options, parse.GetValue(json), parse.GetValue(plot), parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(width), parse.GetValue(height), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ProgressRunner.Interactive);
            if (code == ExitCodes.Ok && parse.GetValue(sessions))
            {
                var config = new TrackerConfig();
                var settings = new UserSettings();
                SettingsText.TryAssign(options.Settings, settings, out _);
                settings.ApplyTo(config);
                SessionReport.Print(SessionReport.Record(Simulator.OpenInput(options, config.Sensor, out _, out _), config, settings, Simulator.PhoneUtcS), parse.InvocationConfiguration.Output);
            }
            return code;
        });
        return command;
    }

    public static int Run(SimulationOptions options, string? jsonPath, string? plotPath, double? fromS, double? toS, int widthPx, int heightPx,
        TextWriter output, TextWriter error, bool interactive)
    {
        var record = jsonPath is null ? null : new SimulationRecord();
        int code;
        try
        {
            // On a terminal the bar owns the screen while it runs, so the session's lines are held back and printed after.
            var buffer = interactive ? new StringWriter() : null;
            var target = buffer ?? output;
            code = ProgressRunner.Run("simulate", interactive, error, progress => Simulator.Run(options, target, record, progress));
            if (buffer is not null)
            {
                output.Write(buffer.ToString());
            }
        }
        catch (RecordingFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        if (code != ExitCodes.Ok)
        {
            return code;
        }
        if (record is not null)
        {
            try
            {
                SimulationJson.Write(jsonPath!, record);
                error.WriteLine($"JSON written to {jsonPath}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"error: cannot write {Printable.Excerpt(jsonPath!)}: {e.Message}");
                return ExitCodes.Failed;
            }
        }
        if (plotPath is not null)
        {
            var config = new TrackerConfig();
            var samples = Simulator.OpenInput(options, config.Sensor, out var description, out var truth);
            var trueTimes = truth?.Steps.Select(s => truth.SecondsAt(s.Sample)).ToList();
            var trace = TraceBuilder.Build(description, samples.ToArray(), config, trueTimes).Window(fromS, toS);
            return PlotCommand.Write(trace, plotPath, widthPx, heightPx, error, error);
        }
        return ExitCodes.Ok;
    }
}
