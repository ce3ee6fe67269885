using System.CommandLine;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Cli;

/// <summary>`retrowalk simulate [--recording FILE] [--scenario NAME] [--events NAME] [--seed N] [--verbose]`: the device loop on the emulated board.</summary>
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
        var command = new Command("simulate", "Run the firmware's device loop on the host emulation and print what a phone would see");
        command.Options.Add(recording);
        command.Options.Add(scenario);
        command.Options.Add(seed);
        command.Options.Add(events);
        command.Options.Add(verbose);
        command.SetAction(parse =>
        {
            var options = new SimulationOptions
            {
                Recording = parse.GetValue(recording),
                Scenario = parse.GetValue(scenario)!,
                Seed = parse.GetValue(seed),
                Events = parse.GetValue(events)!,
                Verbose = parse.GetValue(verbose),
            };
            try
            {
                return Simulator.Run(options, Console.Out);
            }
            catch (Exception e) when (e is FileNotFoundException or FormatException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
