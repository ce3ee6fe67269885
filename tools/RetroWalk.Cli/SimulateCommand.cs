using System.CommandLine;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Cli;

/// <summary>`retrowalk simulate [--recording FILE] [--scenario NAME]`: the device loop on the emulated board.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var recording = new Option<string?>("--recording")
        {
            Description = "Raw samples to feed the emulated MPU-6050 (CSV ax,ay,az,gx,gy,gz in counts); default: a built-in walk",
        };
        var scenario = new Option<string>("--scenario")
        {
            Description = "Events on top of the input: " + string.Join(", ", Simulator.Scenarios),
            DefaultValueFactory = _ => "walk",
        };
        scenario.AcceptOnlyFromAmong(Simulator.Scenarios);
        var command = new Command("simulate", "Run the firmware's device loop on the host emulation and print what a phone would see");
        command.Options.Add(recording);
        command.Options.Add(scenario);
        command.SetAction(parse =>
        {
            try
            {
                return Simulator.Run(parse.GetValue(recording), parse.GetValue(scenario)!, Console.Out);
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
