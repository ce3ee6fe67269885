using System.CommandLine;
using RetroWalk.Cli.Decode;
using RetroWalk.Core.Config;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Cli.Plot;

/// <summary>
/// `retrowalk plot RECORDING -o walk.png [--from S] [--to S] [--width PX] [--height PX]`: the tracker's view of a
/// recording as a PNG. Exit codes: 0 written; 1 the recording cannot be read or the PNG cannot be written.
/// </summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var recording = new Argument<string>("recording") { Description = "A recording (any kind `eval` reads: RetroWalk CSV, SisFall trial, Oxford, Bangle.js)" };
        var output = new Option<string>("--output", "-o") { Description = "PNG file to write", Required = true };
        var (from, to, width, height) = WindowOptions();
        var command = new Command("plot", "Plot a recording as the tracker sees it: |a|, tilt, detected and true steps, warning and alarm periods")
        {
            recording, output, from, to, width, height,
        };
        command.SetAction(parse => Run(parse.GetValue(recording)!, parse.GetValue(output)!, parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(width), parse.GetValue(height), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The options shared by every command that draws: --from, --to, --width, --height.</summary>
    public static (Option<double?> From, Option<double?> To, Option<int> Width, Option<int> Height) WindowOptions()
    {
        var from = new Option<double?>("--from") { Description = "Start of the plotted window, in s" };
        var to = new Option<double?>("--to") { Description = "End of the plotted window, in s" };
        var width = new Option<int>("--width") { Description = "Image width in pixels", DefaultValueFactory = _ => TracePlot.DefaultWidthPx };
        var height = new Option<int>("--height") { Description = "Image height in pixels", DefaultValueFactory = _ => TracePlot.DefaultHeightPx };
        foreach (var size in new[] { width, height })
        {
            size.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() is < 100 or > 20000) r.AddError($"{r.Option.Name} must be 100..20000 pixels");
            });
        }
        return (from, to, width, height);
    }

    public static int Run(string recordingPath, string pngPath, double? fromS, double? toS, int widthPx, int heightPx, TextWriter output, TextWriter error)
    {
        if (fromS is { } f && toS is { } t && t <= f)
        {
            error.WriteLine($"error: --to ({t}) must be after --from ({f})");
            return ExitCodes.Usage;
        }
        SessionTrace trace;
        try
        {
            trace = FromRecording(RecordingFile.Read(recordingPath), new TrackerConfig());
        }
        catch (RecordingFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        return Write(trace.Window(fromS, toS), pngPath, widthPx, heightPx, output, error);
    }

    /// <summary>The tracker over a recording as `eval` runs it (its forward axis, converted to device counts).</summary>
    public static SessionTrace FromRecording(Recording recording, TrackerConfig config)
    {
        var perRecording = Evaluator.WithForwardAxis(config, recording.Info.ForwardAxis);
        var raw = DeviceConverter.ToRaw(recording, perRecording.Sensor);
        var title = recording.Info.File + (recording.Info.Reversed ? " (time-reversed)" : "");
        return TraceBuilder.Build(title, raw, perRecording, TrueStepTimes(recording));
    }

    /// <summary>True footstep times, where the recording has them (ipol-gait's hand-marked footsteps), else null.</summary>
    public static IReadOnlyList<double>? TrueStepTimes(Recording recording) => recording.Info.StepTimesS;

    public static int Write(SessionTrace trace, string pngPath, int widthPx, int heightPx, TextWriter output, TextWriter error)
    {
        try
        {
            TracePlot.Save(trace, pngPath, widthPx, heightPx);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot write {Printable.Excerpt(pngPath)}: {e.Message}");
            return ExitCodes.Failed;
        }
        output.WriteLine($"{pngPath}: {trace.Steps.Count} detected steps, {trace.TrueStepTimesS.Count} true, {trace.Bands.Count} warning/alarm periods, {widthPx}×{heightPx} px");
        return ExitCodes.Ok;
    }
}
