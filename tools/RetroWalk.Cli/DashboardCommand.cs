using System.CommandLine;
using RetroWalk.Dashboard;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Cli;

/// <summary>
/// `retrowalk dashboard [--port N]`: serves the companion page (tools/RetroWalk.Dashboard/web) on 127.0.0.1.
/// `--emulate [--scenario NAME] [--speed X]`: also runs the emulated tracker and bridges its GATT server to the page.
/// </summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free one)", DefaultValueFactory = _ => 8080 };
        var emulate = new Option<bool>("--emulate") { Description = "Run the emulated tracker and give the page a Web Bluetooth adapter for it" };
        var scenario = new Option<string>("--scenario")
        {
            Description = "Synthesized session for --emulate: " + string.Join(", ", Scenarios.Names),
            DefaultValueFactory = _ => Scenarios.Default,
        };
        scenario.AcceptOnlyFromAmong(Scenarios.Names.ToArray());
        var speed = new Option<double>("--speed") { Description = "Emulated time per real time for --emulate (1 = real time)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("dashboard", "Serve the companion web page on localhost (and with --emulate, an emulated tracker for it)");
        command.Options.Add(port);
        command.Options.Add(emulate);
        command.Options.Add(scenario);
        command.Options.Add(speed);
        command.SetAction(parse =>
        {
            try
            {
                var tracker = parse.GetValue(emulate) ? new EmulatedTracker(parse.GetValue(scenario)!, parse.GetValue(speed)) : null;
                using var server = new DashboardServer(DashboardServer.DefaultWebRoot(), parse.GetValue(port), tracker);
                server.Start();
                Console.WriteLine($"RetroWalk dashboard on {server.Url} (Ctrl+C stops it)");
                if (tracker is not null)
                {
                    Console.WriteLine($"emulated tracker: {tracker.Description}, {tracker.Speed}x real time; press Connect and pick 'RetroWalk (emulated)'");
                }
                else
                {
                    Console.WriteLine("open it in Chrome (Android or desktop) and press Connect; the tracker must be on and near");
                }

                var done = new ManualResetEventSlim();
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.Set(); };
                done.Wait();
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException or ArgumentOutOfRangeException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
