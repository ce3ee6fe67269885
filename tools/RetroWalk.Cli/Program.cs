using System.CommandLine;
using RetroWalk.Cli.Decode;
using RetroWalk.Cli.Eval;
using RetroWalk.Cli.Plot;

namespace RetroWalk.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Parses and runs a command. Results go to <paramref name="output"/>, errors to <paramref name="error"/>; no input
    /// makes it print a stack trace: a parse error exits <see cref="ExitCodes.Usage"/>, a fault <see cref="ExitCodes.Internal"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("RetroWalk host tool: evaluate the tracker on recordings, emulate the device, decode its BLE payloads, plot a walk.");
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(PlotCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        // With no arguments the tool does its main job: the emulated tracker on the built-in retro-walking session.
        var parse = root.Parse(args.Length == 0 ? new[] { "simulate" } : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }
            error.WriteLine("(run with --help for the usage)");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            error.WriteLine($"error: internal fault, please report it: {e.GetType().Name}: {Printable.Excerpt(e.Message)}");
            return ExitCodes.Internal;
        }
    }
}
