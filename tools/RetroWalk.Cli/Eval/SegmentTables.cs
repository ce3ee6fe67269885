using System.Globalization;
using RetroWalk.Host.Evaluation;
using Spectre.Console;

namespace RetroWalk.Cli.Eval;

/// <summary>
/// One table per labelled RetroWalk recording: each segment's label, time span, samples and gaps, the steps the tracker
/// credited in it and the direction they went, beside the direction the label implies.
/// </summary>
public static class SegmentTables
{
    public static IEnumerable<Table> For(EvalReport report)
    {
        foreach (var r in report.Results.Where(r => r.Segments.Count > 0))
        {
            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"{r.Info.File}: labelled segments"))
                .AddColumns("Label", "From s", "To s", "Samples", "Lost", "Fwd", "Bwd", "Found", "Expected");
            foreach (var column in table.Columns.Skip(1))
            {
                column.RightAligned();
            }
            foreach (var s in r.Segments)
            {
                var found = s.Agrees == false ? $"[red]{Markup.Escape(s.FoundDirection)}[/]" : Markup.Escape(s.FoundDirection);
                table.AddRow(
                    Markup.Escape(s.Treadmill ? s.Label + " (treadmill)" : s.Label),
                    s.StartS.ToString("0.00", CultureInfo.InvariantCulture),
                    s.EndS.ToString("0.00", CultureInfo.InvariantCulture),
                    s.Samples.ToString(CultureInfo.InvariantCulture),
                    Lost(s),
                    s.ForwardSteps.ToString(CultureInfo.InvariantCulture),
                    s.BackwardSteps.ToString(CultureInfo.InvariantCulture),
                    found,
                    Markup.Escape(s.ExpectedDirection ?? "-"));
            }
            yield return table;
        }
    }

    /// <summary>Samples lost inside the segment, "+ N unknown" for sensor gaps of unknown length; "0" when none.</summary>
    private static string Lost(SegmentResult s)
    {
        var text = s.MissingSamples.ToString(CultureInfo.InvariantCulture);
        return s.UnknownGaps > 0 ? $"{text} + {s.UnknownGaps} unknown" : text;
    }
}
