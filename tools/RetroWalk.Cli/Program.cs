using System.CommandLine;

namespace RetroWalk.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("RetroWalk host tool: evaluate the tracker on recordings and emulate the device.");
        return root.Parse(args).Invoke();
    }
}
