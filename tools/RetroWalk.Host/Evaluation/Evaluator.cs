using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Coach;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Evaluation;

/// <summary>Everything an evaluation run produced.</summary>
public sealed record EvalReport(
    string Root,
    SensorConfig Sensor,
    IReadOnlyList<EvalResult> Results,
    IReadOnlyList<RecordingProblem> Problems,
    EvalSummary Summary,
    TimeSpan Elapsed);

/// <summary>Runs the core tracker over recordings converted to what the device would read.</summary>
public static class Evaluator
{
    /// <summary>
    /// After its last sample every recording is followed by this much standing still (the last sample held), longer
    /// than the step detector's longest bout timeout (<see cref="StepDetector.SlowestStepMs"/>): a recording that ends
    /// at the walker's stop (ipol-gait ends within a second of it) would otherwise cut off the bout before the tracker
    /// closes it and credits its last steps, which a worn device, still on the standing wearer, always does. Only
    /// ipol-gait's protocol ends in standing; other sets end mid-activity (a SisFall ADL held still would read as
    /// lying motionless after a jolt), so they are not extended.
    /// </summary>
    public const int TrailingStandMs = 2000;

    /// <summary>Evaluates one recording with <paramref name="config"/>, its forward axis replaced by the recording's.</summary>
    public static EvalResult Run(Recording recording, TrackerConfig config, StepTuning? tuning = null)
    {
        var perRecording = WithForwardAxis(config, recording.Info.ForwardAxis);
        var tracker = new Tracker(perRecording, tuning);
        var variability = new StepTimeVariability(tracker, recording.Info, (tuning ?? new StepTuning()).SteadyStepTolerancePercent);
        var deviceSamples = 0;
        var last = default(RawSample);
        var segments = new SegmentCounter(recording.Info.Segments, perRecording.Sensor.SampleRateHz);
        // Streamed: a recording of any length is evaluated in memory that does not grow with it.
        foreach (var s in DeviceConverter.StreamRaw(recording, perRecording.Sensor))
        {
            segments.Before(deviceSamples, tracker);
            tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            variability.AfterSample();
            deviceSamples++;
            last = s;
        }
        if (deviceSamples > 0 && recording.Info.Dataset == IpolGaitReader.DatasetName)
        {
            for (var i = perRecording.Sensor.MsToSamples(TrailingStandMs); i > 0; i--)
            {
                tracker.Process(last.Ax, last.Ay, last.Az, last.Gx, last.Gy, last.Gz);
                variability.AfterSample();
            }
        }
        return new EvalResult
        {
            Info = recording.Info,
            DeviceSamples = deviceSamples,
            DurationS = recording.DurationS,
            HasGyro = recording.HasGyro,
            ForwardSteps = (int)tracker.ForwardSteps,
            BackwardSteps = (int)tracker.BackwardSteps,
            FallAlarmMs = tracker.FirstFallAlarmSample >= 0 ? perRecording.Sensor.SamplesToMs(tracker.FirstFallAlarmSample) : null,
            TiltWarnings = tracker.TiltWarningCount,
            StepTimeCvPct = variability.EstimateCvPct(),
            TrueStepTimeCvPct = StepTimeVariability.TrueCvPct(recording.Info),
            Segments = segments.Finish(tracker),
        };
    }

    /// <summary>
    /// Evaluates every recording found below <paramref name="root"/> in parallel. A file that cannot be read becomes a
    /// problem naming file and line; the others still run. Results come back sorted by dataset, file, reversal.
    /// </summary>
    public static EvalReport EvaluateFolder(string root, TrackerConfig? config = null, int? maxParallelism = null, Action<double>? progress = null,
        StepTuning? tuning = null)
    {
        config ??= new TrackerConfig();
        var stopwatch = Stopwatch.StartNew();
        var problems = new List<RecordingProblem>();
        var sources = DatasetCatalog.Discover(root, problems);
        var fullRoot = Path.GetFullPath(File.Exists(root) ? Path.GetDirectoryName(Path.GetFullPath(root))! : root);
        if (sources.Count == 0 && problems.Count == 0)
        {
            problems.Add(new RecordingProblem(fullRoot, 0,
                $"no recordings found (expected {string.Join("/, ", DatasetCatalog.DatasetFolders)}/ or RetroWalk CSV files)"));
        }
        var results = new ConcurrentBag<EvalResult>();
        var failures = new ConcurrentBag<RecordingProblem>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount };
        var done = 0;
        Parallel.ForEach(sources, options, source =>
        {
            try
            {
                foreach (var recording in source.Load())
                {
                    results.Add(Run(recording, config, tuning));
                }
            }
            catch (RecordingFormatException e)
            {
                failures.Add(RecordingProblem.From(e, fullRoot));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An unreadable file or a fault in the tracker on one recording must not stop the others.
                failures.Add(new RecordingProblem(source.File, 0, $"{e.GetType().Name}: {e.Message}"));
            }
            progress?.Invoke((double)Interlocked.Increment(ref done) / sources.Count);
        });
        problems.AddRange(failures.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line));
        var sorted = results
            .OrderBy(r => r.Info.Dataset, StringComparer.Ordinal)
            .ThenBy(r => r.Info.File, StringComparer.Ordinal)
            .ThenBy(r => r.Info.Reversed)
            .ToList();
        return new EvalReport(fullRoot, config.Sensor, sorted, problems, EvalSummary.From(sorted), stopwatch.Elapsed);
    }

    /// <summary>Per-subject rows of <paramref name="results"/> (see <see cref="SubjectTable"/>): subject, age, trials, step error, direction shares, falls alarmed, false alarms.</summary>
    public static IReadOnlyList<SubjectRow> SubjectRows(IEnumerable<EvalResult> results) => SubjectTable.From(results);

    /// <summary>A copy of every public field of <paramref name="config"/> (so settings added later carry over) with another forward axis.</summary>
    public static TrackerConfig WithForwardAxis(TrackerConfig config, MountAxis forwardAxis)
    {
        var copy = new TrackerConfig();
        foreach (var field in typeof(TrackerConfig).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            field.SetValue(copy, field.GetValue(config));
        }
        copy.ForwardAxis = forwardAxis;
        return copy;
    }
}
