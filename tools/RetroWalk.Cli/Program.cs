using System.CommandLine;
using RetroWalk.Cli.Decode;
using RetroWalk.Cli.Eval;

namespace RetroWalk.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("RetroWalk host tool: evaluate the tracker on recordings and emulate the device.");
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        // With no arguments the tool does its main job: the emulated tracker on the built-in retro-walking session.
        return root.Parse(args.Length == 0 ? new[] { "simulate" } : args).Invoke();
    }
}
