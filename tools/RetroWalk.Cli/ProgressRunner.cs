using System.Globalization;
using Spectre.Console;

namespace RetroWalk.Cli;

/// <summary>
/// Runs work that reports the fraction done and shows progress once it has taken longer than
/// <see cref="QuietMs"/>: a Spectre.Console bar on stderr when stderr is a terminal, otherwise plain
/// "label: 40 %" lines on stderr every 10 %. Results keep stdout to themselves either way.
/// </summary>
public static class ProgressRunner
{
    public const int QuietMs = 1000;

    public static bool Interactive => !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    public static T Run<T>(string label, bool interactive, TextWriter plain, Func<Action<double>, T> work)
    {
        double fraction = 0;
        var task = Task.Run(() => work(f => Volatile.Write(ref fraction, f)));
        // Waiting on the handle, not Task.Wait, so a failure surfaces as its own exception rather than an AggregateException.
        bool Done(int ms) => ((IAsyncResult)task).AsyncWaitHandle.WaitOne(ms);
        if (Done(QuietMs))
        {
            return task.GetAwaiter().GetResult();
        }
        if (interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var bar = ctx.AddTask(label, maxValue: 100);
                while (!Done(100))
                {
                    bar.Value = 100 * Volatile.Read(ref fraction);
                }
                bar.Value = 100;
            });
        }
        else
        {
            int shown = 0; // "0 %" says nothing
            while (!Done(200))
            {
                int tenth = (int)(10 * Volatile.Read(ref fraction));
                if (tenth > shown)
                {
                    shown = tenth;
                    plain.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {tenth * 10} %"));
                }
            }
            if (task.IsCompletedSuccessfully)
            {
                // A failed run says only its error (one line on stderr), however long it took to fail.
                plain.WriteLine($"{label}: done");
            }
        }
        return task.GetAwaiter().GetResult();
    }
}
