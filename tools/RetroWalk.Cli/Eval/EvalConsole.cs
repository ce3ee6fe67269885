using System.Globalization;
using RetroWalk.Host.Evaluation;
using Spectre.Console;

namespace RetroWalk.Cli.Eval;

/// <summary>The console view of an evaluation: a table per recording, the summary figures, then any problems.</summary>
public static class EvalConsole
{
    public static void Print(EvalReport report, bool summaryOnly)
    {
        if (!summaryOnly && report.Results.Count > 0)
        {
            AnsiConsole.Write(ResultsTable(report));
        }
        AnsiConsole.Write(SummaryTable(report));
        foreach (var problem in report.Problems)
        {
            AnsiConsole.MarkupLine($"[red]error[/] {Markup.Escape(problem.ToString())}");
        }
        Note($"{report.Results.Count} recordings evaluated in {report.Elapsed.TotalSeconds:0.0} s at {report.Sensor.SampleRateHz} Hz" +
             (report.Problems.Count > 0 ? $"; {report.Problems.Count} problem(s) above" : ""));
    }

    public static void Note(string text) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    private static Table ResultsTable(EvalReport report)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Recordings");
        table.AddColumns("Dataset", "File", "Placement", "True", "Counted", "Fwd", "Bwd", "Error %", "Fall exp.", "Alarm ms", "Impact ms", "Tilt");
        foreach (var column in table.Columns.Skip(3))
        {
            column.RightAligned();
        }
        foreach (var r in report.Results)
        {
            var file = r.Info.Reversed ? r.Info.File + " (reversed)" : r.Info.File;
            table.AddRow(
                Markup.Escape(r.Info.Dataset), Markup.Escape(file), Markup.Escape(r.Info.Placement ?? "-"),
                Text(r.Info.TrueSteps), r.CountedSteps.ToString(CultureInfo.InvariantCulture),
                r.ForwardSteps.ToString(CultureInfo.InvariantCulture), r.BackwardSteps.ToString(CultureInfo.InvariantCulture),
                Number(r.StepErrorPct, "+0.0;-0.0;0.0"), r.Info.FallExpected is { } f ? (f ? "fall" : "ADL") : "-",
                AlarmCell(r), Number(r.Info.ImpactMs, "0"), r.TiltWarnings.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static string AlarmCell(EvalResult r)
    {
        var text = Number(r.FallAlarmMs, "0");
        return r.Info.FallExpected switch
        {
            true when !r.FallAlarm => "[red]missed[/]",
            false when r.FallAlarm => $"[red]{text}[/]",
            _ => text,
        };
    }

    private static Table SummaryTable(EvalReport report)
    {
        var s = report.Summary;
        var table = new Table().Border(TableBorder.Rounded).Title("Summary").AddColumns("Figure", "Value");
        void Row(string figure, string value) => table.AddRow(Markup.Escape(figure), Markup.Escape(value));

        Row("Recordings evaluated", s.Recordings.ToString(CultureInfo.InvariantCulture));
        Row($"Oxford body-worn ({string.Join(", ", EvalSummary.OxfordBodyWornPlacements)}): mean |step error|",
            $"{Number(s.OxfordBodyWornMeanAbsErrorPct, "0.0")} % over {s.OxfordBodyWornRecordings} recordings");
        Row("Oxford body-worn: worst |step error|", $"{Number(s.OxfordBodyWornWorstAbsErrorPct, "0.0")} % ({s.OxfordBodyWornWorstFile ?? "-"})");
        foreach (var b in s.BangleNoStep)
        {
            Row($"Bangle.js no-step: {b.File}", $"{b.CountedSteps} steps counted (true {Text(b.TrueSteps)})");
        }
        foreach (var b in s.BangleDriving)
        {
            Row($"Bangle.js driving: {b.File}", $"{b.CountedSteps} steps counted (true {Text(b.TrueSteps)}, the watch counted {Text(b.PeerSteps)})");
        }
        Row("SisFall walks/jogs D01-D04: steps counted forward",
            $"{Number(s.SisFallWalkForwardPct, "0.0")} % of {s.SisFallWalkStepsCounted} over {s.SisFallWalks} recordings");
        Row("SisFall reversed copies: steps counted backward",
            $"{Number(s.SisFallReversedBackwardPct, "0.0")} % of {s.SisFallReversedStepsCounted} over {s.SisFallReversedWalks} recordings");
        Row("SisFall falls alarmed", $"{Number(s.FallsAlarmedPct, "0.0")} % ({s.FallsAlarmed} of {s.FallTrials})");
        Row("SisFall ADL trials with a fall alarm", $"{Number(s.AdlFallAlarmPct, "0.0")} % ({s.AdlWithFallAlarm} of {s.AdlTrials})");
        var falseAlarms = s.AdlFalseAlarmsByActivity.Where(a => a.Alarms > 0).Select(a => $"{a.Activity}: {a.Alarms}/{a.Trials}").ToList();
        Row("SisFall false alarms by activity", falseAlarms.Count > 0 ? string.Join(", ", falseAlarms) : "none");
        Row("SisFall reversed copies with a fall alarm", s.ReversedWithFallAlarm.ToString(CultureInfo.InvariantCulture));
        Row("Median fall alarm latency after impact", $"{Number(s.MedianFallLatencyMs, "0")} ms");
        Row("Tilt warnings (all recordings)", s.TiltWarnings.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
