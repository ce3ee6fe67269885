using System.CommandLine;
using RetroWalk.Cli.Eval;

namespace RetroWalk.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("RetroWalk host tool: evaluate the tracker on recordings and emulate the device.");
        root.Subcommands.Add(EvalCommand.Create());
        return root.Parse(args).Invoke();
    }
}
