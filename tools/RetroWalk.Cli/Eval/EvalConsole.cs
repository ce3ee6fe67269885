using System.Globalization;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;
using Spectre.Console;

namespace RetroWalk.Cli.Eval;

/// <summary>The console view of an evaluation: a table per recording, the summary figures, then any problems.</summary>
public static class EvalConsole
{
    /// <summary>Width used when the output goes to a file or pipe (the console would default to 80 columns and wrap every name).</summary>
    public const int RedirectedWidth = 160;

    public static void Print(EvalReport report, bool summaryOnly)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = RedirectedWidth;
        }
        if (!summaryOnly)
        {
            foreach (var table in ResultTables(report).Concat(SegmentTables.For(report)))
            {
                AnsiConsole.Write(table);
            }
        }
        AnsiConsole.Write(SummaryTable(report));
        foreach (var r in report.Results.Where(r => r.Info.FootSwitchSteps is { } f && f != r.Info.TrueSteps))
        {
            Note($"{r.Info.File}: stats.csv gives {Text(r.Info.TrueSteps)} steps, the foot switches {r.Info.FootSwitchSteps} (0→1 transitions)");
        }
        foreach (var problem in report.Problems)
        {
            Error(problem.ToString());
        }
        Note($"{report.Results.Count} recordings evaluated in {report.Elapsed.TotalSeconds:0.0} s at {report.Sensor.SampleRateHz} Hz" +
             (report.Problems.Count > 0 ? $"; {report.Problems.Count} problem(s) above" : ""));
    }

    /// <summary>Errors and notes go to stderr, so stdout holds the results alone.</summary>
    private static readonly IAnsiConsole Stderr = CreateStderr();

    private static IAnsiConsole CreateStderr()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }
        return console;
    }

    public static void Error(string text) => Stderr.MarkupLine($"[red]error[/] {Markup.Escape(text)}");

    public static void Note(string text) => Stderr.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    /// <summary>One table per dataset: step columns where there is a true count, alarm columns where there are fall labels.</summary>
    private static IEnumerable<Table> ResultTables(EvalReport report)
    {
        foreach (var group in report.Results.GroupBy(r => r.Info.Dataset))
        {
            var withFalls = group.Any(r => r.Info.FallExpected is not null);
            var withTruth = group.Any(r => r.Info.TrueSteps is not null);
            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(group.Key)).AddColumn("File");
            if (!withFalls)
            {
                table.AddColumn("Placement");
            }
            table.AddColumns(withTruth ? new[] { "True", "Counted", "Fwd", "Bwd", "Error %" } : new[] { "Counted", "Fwd", "Bwd" });
            if (withFalls)
            {
                table.AddColumns("Fall", "Alarm ms", "Impact ms");
            }
            table.AddColumn("Tilt");
            foreach (var column in table.Columns.Skip(withFalls ? 1 : 2))
            {
                column.RightAligned();
            }
            foreach (var r in group)
            {
                var cells = new List<string> { Markup.Escape(ShortName(r)) };
                if (!withFalls)
                {
                    cells.Add(Markup.Escape(r.Info.Placement ?? "-"));
                }
                if (withTruth)
                {
                    cells.Add(Text(r.Info.TrueSteps));
                }
                cells.AddRange(new[] { Text(r.CountedSteps), Text(r.ForwardSteps), Text(r.BackwardSteps) });
                if (withTruth)
                {
                    cells.Add(Number(r.StepErrorPct, "+0.0;-0.0;0.0"));
                }
                if (withFalls)
                {
                    cells.AddRange(new[] { r.Info.FallExpected is { } f ? (f ? "fall" : "ADL") : "-", AlarmCell(r), Number(r.Info.ImpactMs, "0") });
                }
                cells.Add(Text(r.TiltWarnings));
                table.AddRow(cells.ToArray());
            }
            yield return table;
        }
    }

    /// <summary>The file within its dataset, without the parts every file shares (dataset folder, Oxford's accelerometer.csv).</summary>
    private static string ShortName(EvalResult r)
    {
        var name = r.Info.File;
        var prefix = r.Info.Dataset + "/";
        if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            name = name[prefix.Length..];
        }
        name = name.Replace("optimisation/data/", "").Replace("/" + OxfordReader.AccelerometerFile, "");
        return r.Info.Reversed ? name + " (reversed)" : name;
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
        if (s.OxfordBodyWornRecordings > 0)
        {
            Row($"Oxford body-worn ({string.Join(", ", EvalSummary.OxfordBodyWornPlacements)}): mean |step error|",
                $"{Number(s.OxfordBodyWornMeanAbsErrorPct, "0.0")} % over {s.OxfordBodyWornRecordings} recordings");
            Row("Oxford body-worn: worst |step error|", $"{Number(s.OxfordBodyWornWorstAbsErrorPct, "0.0")} % ({s.OxfordBodyWornWorstFile})");
        }
        foreach (var b in s.BangleNoStep)
        {
            Row($"Bangle.js no-step: {b.File}", $"{b.CountedSteps} steps counted (true {Text(b.TrueSteps)})");
        }
        foreach (var b in s.BangleDriving)
        {
            Row($"Bangle.js driving: {b.File}", $"{b.CountedSteps} steps counted (true {Text(b.TrueSteps)}, the watch counted {Text(b.PeerSteps)})");
        }
        if (s.SisFallWalks > 0)
        {
            Row("SisFall walks/jogs D01-D04: steps counted forward",
                $"{Number(s.SisFallWalkForwardPct, "0.0")} % of {s.SisFallWalkStepsCounted} over {s.SisFallWalks} recordings");
            Row("SisFall reversed copies: steps counted backward",
                $"{Number(s.SisFallReversedBackwardPct, "0.0")} % of {s.SisFallReversedStepsCounted} over {s.SisFallReversedWalks} recordings");
            Row("SisFall reversed copies with a fall alarm", s.ReversedWithFallAlarm.ToString(CultureInfo.InvariantCulture));
        }
        if (report.Results.Any(r => r.Info.Dataset is OxfordReader.DatasetName or BangleReader.DatasetName))
        {
            Row("Oxford / Bangle.js recordings with a fall alarm", s.NonFallDatasetAlarms.Count == 0 ? "none" : string.Join("; ", s.NonFallDatasetAlarms));
        }
        if (s.FallTrials > 0)
        {
            Row("SisFall falls alarmed", $"{Number(s.FallsAlarmedPct, "0.0")} % ({s.FallsAlarmed} of {s.FallTrials})");
            Row("Median fall alarm latency after impact", $"{Number(s.MedianFallLatencyMs, "0")} ms");
        }
        if (s.AdlTrials > 0)
        {
            Row("SisFall ADL trials with a fall alarm", $"{Number(s.AdlFallAlarmPct, "0.0")} % ({s.AdlWithFallAlarm} of {s.AdlTrials})");
            var falseAlarms = s.AdlFalseAlarmsByActivity.Where(a => a.Alarms > 0).Select(a => $"{a.Activity}: {a.Alarms}/{a.Trials}").ToList();
            Row("SisFall false alarms by activity", falseAlarms.Count > 0 ? string.Join(", ", falseAlarms) : "none");
        }
        if (s.IpolGaitRecordings > 0)
        {
            Row("ipol-gait (lower back, walk 10 m, U-turn, back): mean |step error|",
                $"{Number(s.IpolGaitMeanAbsErrorPct, "0.0")} % over {s.IpolGaitRecordings} trials ({s.IpolGaitTrueSteps} true steps)");
            Row("ipol-gait: worst |step error|", $"{Number(s.IpolGaitWorstAbsErrorPct, "0.0")} % ({s.IpolGaitWorstFile})");
            Row("ipol-gait: steps counted forward", $"{Number(s.IpolGaitForwardPct, "0.0")} %");
            Row("ipol-gait reversed copies: mean |step error|, steps counted backward",
                $"{Number(s.IpolGaitReversedMeanAbsErrorPct, "0.0")} %, {Number(s.IpolGaitReversedBackwardPct, "0.0")} % over {s.IpolGaitReversedRecordings} recordings");
            Row("ipol-gait: step-time CV, mean |estimate − truth|",
                $"{Number(s.IpolGaitStepTimeCvMeanAbsDiffPp, "0.0")} pp over {s.IpolGaitStepTimeCvTrials} trials (bias {Number(s.IpolGaitStepTimeCvMeanDiffPp, "+0.0;-0.0")} pp; reversed {Number(s.IpolGaitReversedStepTimeCvMeanAbsDiffPp, "0.0")} pp)");
            Row("ipol-gait recordings with a fall alarm", s.IpolGaitWithFallAlarm.ToString(CultureInfo.InvariantCulture));
        }
        if (s.OwnRecordingsWithTruth > 0)
        {
            Row("RetroWalk recordings: mean |step error|", $"{Number(s.OwnMeanAbsErrorPct, "0.0")} % over {s.OwnRecordingsWithTruth} recordings");
        }
        Row("Tilt warnings (all recordings)", s.TiltWarnings.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    /// <summary>The per-subject table (<c>--by-subject</c>): one row per subject of every dataset naming its subjects.</summary>
    public static void PrintSubjects(IReadOnlyList<SubjectRow> rows)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = RedirectedWidth;
        }
        if (rows.Count == 0)
        {
            Note("no recording names its subject: no per-subject table");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).Title("By subject")
            .AddColumns("Dataset", "Subject", "Age", "Trials", "Mean |err| %", "Worst |err| %", "Fwd % (walks)", "Bwd % (reversed)", "Falls alarmed", "False alarms");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Dataset), Markup.Escape(r.Subject), Text(r.Age), Text(r.Trials),
                Number(r.MeanAbsStepErrorPct, "0.0"), Number(r.WorstAbsStepErrorPct, "0.0"),
                r.ForwardPct is null ? "-" : $"{Number(r.ForwardPct, "0.0")} of {r.WalkStepsCounted}",
                r.ReversedBackwardPct is null ? "-" : $"{Number(r.ReversedBackwardPct, "0.0")} of {r.ReversedStepsCounted}",
                r.FallTrials == 0 ? "-" : $"{r.FallsAlarmed}/{r.FallTrials}",
                $"{r.FalseAlarms}/{r.NonFallTrials}");
        }
        AnsiConsole.Write(table);
    }

    /// <summary>The output of <c>--loso</c>: pooled figures per grid value, then per subject the value chosen without it.</summary>
    public static void PrintLoso(string parameter, string figure, int defaultValue, IReadOnlyList<(int Value, EvalSummary Summary)> summaries, IReadOnlyList<LosoRow> rows)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = RedirectedWidth;
        }
        var pooled = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"{parameter}: pooled figures per value (default {defaultValue})"))
            .AddColumns("Value", "ipol mean/worst |err| %", "ipol fwd %", "ipol rev bwd %", "Oxford mean/worst %", "Bangle no-step/driving steps", "SisFall fwd/rev %", "Falls %", "ADL alarms %", "ipol CV |est − true| pp (trials; bias)");
        foreach (var (value, s) in summaries)
        {
            pooled.AddRow(
                Text(value),
                $"{Number(s.IpolGaitMeanAbsErrorPct, "0.00")} / {Number(s.IpolGaitWorstAbsErrorPct, "0.0")}",
                Number(s.IpolGaitForwardPct, "0.0"), Number(s.IpolGaitReversedBackwardPct, "0.0"),
                $"{Number(s.OxfordBodyWornMeanAbsErrorPct, "0.00")} / {Number(s.OxfordBodyWornWorstAbsErrorPct, "0.0")}",
                $"{string.Join("+", s.BangleNoStep.Select(b => Text(b.CountedSteps)))} / {string.Join("+", s.BangleDriving.Select(b => Text(b.CountedSteps)))}",
                $"{Number(s.SisFallWalkForwardPct, "0.0")} / {Number(s.SisFallReversedBackwardPct, "0.0")}",
                Number(s.FallsAlarmedPct, "0.0"), Number(s.AdlFallAlarmPct, "0.0"),
                $"{Number(s.IpolGaitStepTimeCvMeanAbsDiffPp, "0.00")} ({Text(s.IpolGaitStepTimeCvTrials)}; {Number(s.IpolGaitStepTimeCvMeanDiffPp, "0.00")})");
        }
        AnsiConsole.Write(pooled);
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"{parameter}: leave one subject out, minimising {figure}"))
            .AddColumns("Dataset", "Subject", "Age", "Chosen without it", "Its " + figure + " then", "At default", "Own best value", "Its figure there");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.Dataset), Markup.Escape(r.Subject), Text(r.Age), Text(r.ChosenValue), Number(r.FigureAtChosen, "0.00"),
                Number(r.FigureAtDefault, "0.00"), Text(r.OwnBestValue), Number(r.FigureAtOwnBest, "0.00"));
        }
        AnsiConsole.Write(table);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
