using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using ScottPlot;

namespace RetroWalk.Cli.Plot;

/// <summary>
/// Draws a <see cref="SessionTrace"/> with ScottPlot: acceleration magnitude (g, left axis), tilt from upright (°, right
/// axis) with the forward and backward warning angles, a mark per detected step above the signal coloured by direction,
/// a mark per true footstep below it, and the warning and alarm periods as bands.
/// </summary>
public static class TracePlot
{
    public const int DefaultWidthPx = 1600;
    public const int DefaultHeightPx = 600;

    public static readonly Color ForwardColor = Colors.RoyalBlue;
    public static readonly Color BackwardColor = Colors.DarkOrange;
    public static readonly Color TrueStepColor = Colors.Black;

    /// <summary>Legend text of each kind of mark, so a reader of the model can count them.</summary>
    public const string ForwardLabel = "forward step (detected)";
    public const string BackwardLabel = "backward step (detected)";
    public const string TrueLabel = "true footstep";

    public static ScottPlot.Plot Build(SessionTrace trace)
    {
        var plot = new ScottPlot.Plot();
        plot.Title(trace.Title);
        plot.XLabel("time (s)");
        plot.YLabel("acceleration magnitude (g)");
        plot.Axes.Right.Label.Text = "tilt from upright (°)";

        foreach (var band in trace.Bands)
        {
            var span = plot.Add.HorizontalSpan(band.StartS, band.EndS);
            span.FillStyle.Color = (band.Level == AlarmLevel.FallAlarm ? Colors.Red : Colors.Gold).WithAlpha(0.25);
            span.LineStyle.Width = 0;
        }

        var magnitude = plot.Add.SignalXY(trace.TimeS, trace.MagnitudeG);
        magnitude.Color = Colors.Gray;
        magnitude.LegendText = "|a| (g)";

        var tilt = plot.Add.SignalXY(trace.TimeS, trace.TiltDeg);
        tilt.Color = Colors.Purple;
        tilt.LegendText = "tilt (°)";
        tilt.Axes.YAxis = plot.Axes.Right;
        foreach (var (deg, what) in new[] { (trace.TiltWarnBackwardDeg, "backward"), (trace.TiltWarnForwardDeg, "forward") })
        {
            var line = plot.Add.HorizontalLine(deg);
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = Colors.Purple.WithAlpha(0.6);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{what} tilt warning {deg}°";
        }

        double tiltTop = Math.Max(trace.TiltDeg.Length == 0 ? 0 : trace.TiltDeg.Max(), Math.Max(trace.TiltWarnBackwardDeg, trace.TiltWarnForwardDeg));
        plot.Axes.SetLimitsY(0, tiltTop * 1.15, plot.Axes.Right);
        double top = trace.MagnitudeG.Length == 0 ? 1 : trace.MagnitudeG.Max();
        AddMarks(plot, trace.Steps.Where(s => s.Direction == WalkDirection.Forward).Select(s => s.TimeS), top * 1.05, ForwardColor, MarkerShape.FilledTriangleUp, ForwardLabel);
        AddMarks(plot, trace.Steps.Where(s => s.Direction == WalkDirection.Backward).Select(s => s.TimeS), top * 1.10, BackwardColor, MarkerShape.FilledTriangleDown, BackwardLabel);
        AddMarks(plot, trace.TrueStepTimesS, -0.05 * top, TrueStepColor, MarkerShape.VerticalBar, TrueLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void AddMarks(ScottPlot.Plot plot, IEnumerable<double> times, double y, Color color, MarkerShape shape, string label)
    {
        var xs = times.ToArray();
        if (xs.Length == 0)
        {
            return;
        }
        var markers = plot.Add.Markers(xs, Enumerable.Repeat(y, xs.Length).ToArray(), shape, 7, color);
        markers.LegendText = $"{label} ({xs.Length})";
    }

    /// <summary>Number of marks drawn with <paramref name="label"/> in a plot <see cref="Build"/> made.</summary>
    public static int CountMarks(ScottPlot.Plot plot, string label) =>
        plot.GetPlottables().OfType<ScottPlot.Plottables.Markers>()
            .Where(m => m.LegendText.StartsWith(label, StringComparison.Ordinal))
            .Sum(m => m.Data.GetScatterPoints().Count);

    public static void Save(SessionTrace trace, string path, int widthPx = DefaultWidthPx, int heightPx = DefaultHeightPx) =>
        Build(trace).SavePng(path, widthPx, heightPx);
}
