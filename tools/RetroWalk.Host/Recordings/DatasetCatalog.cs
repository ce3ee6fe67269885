namespace RetroWalk.Host.Recordings;

/// <summary>One file (or Oxford folder) to evaluate, read when <see cref="Load"/> is called (possibly on another thread).</summary>
public sealed record RecordingSource(string Dataset, string File, Func<IReadOnlyList<Recording>> Load);

/// <summary>A file that could not be read or evaluated: which file, which line (0 for the whole file), and why.</summary>
public sealed record RecordingProblem(string File, int Line, string Message)
{
    public static RecordingProblem From(RecordingFormatException e, string root) =>
        new(DatasetCatalog.Relative(root, e.FilePath), e.LineNumber, e.Problem);

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// Finds the recordings in a folder laid out like ../shared/datasets (any of sisfall/, oxford-stepcounter/,
/// banglejs-stepcount/, ipol-gait/) and RetroWalk CSV files anywhere else below it. The folder may also be one dataset folder itself,
/// or a single recording of any kind (<see cref="RecordingFile"/>).
/// </summary>
public static class DatasetCatalog
{
    /// <summary><see cref="RecordingSource.Dataset"/> of a single file given instead of a folder (its kind is known once read).</summary>
    public const string SingleFile = "file";

    public static readonly string[] DatasetFolders =
        { SisFallReader.DatasetName, OxfordReader.DatasetName, BangleReader.DatasetName, IpolGaitReader.DatasetName };

    /// <summary>Everything evaluable below <paramref name="root"/>; files that are not recordings of any kind are reported in <paramref name="problems"/>.</summary>
    public static List<RecordingSource> Discover(string root, List<RecordingProblem> problems)
    {
        root = Path.GetFullPath(root);
        var sources = new List<RecordingSource>();
        if (File.Exists(root))
        {
            var relative = Path.GetFileName(root);
            sources.Add(new RecordingSource(SingleFile, relative, () => RecordingFile.WithReversedCopy(RecordingFile.Read(root, relative))));
            return sources;
        }
        if (!Directory.Exists(root))
        {
            problems.Add(new RecordingProblem(root, 0, "folder not found"));
            return sources;
        }
        var selfName = Path.GetFileName(root);
        foreach (var dataset in DatasetFolders)
        {
            var folder = selfName.Equals(dataset, StringComparison.OrdinalIgnoreCase) ? root : Path.Combine(root, dataset);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            switch (dataset)
            {
                case SisFallReader.DatasetName:
                    AddSisFall(root, folder, sources);
                    break;
                case OxfordReader.DatasetName:
                    AddOxford(root, folder, sources, problems);
                    break;
                case IpolGaitReader.DatasetName:
                    AddIpolGait(root, folder, sources);
                    break;
                case BangleReader.DatasetName:
                    foreach (var file in Sorted(Directory.EnumerateFiles(folder, "*.csv")))
                    {
                        sources.Add(Single(BangleReader.DatasetName, root, file, BangleReader.Read));
                    }
                    break;
            }
        }
        if (!DatasetFolders.Contains(selfName, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var file in Sorted(Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories)))
            {
                var top = Relative(root, file).Split('/')[0];
                if (!DatasetFolders.Contains(top, StringComparer.OrdinalIgnoreCase))
                {
                    sources.Add(OwnSource(root, file));
                }
            }
        }
        return sources;
    }

    /// <summary>Path relative to the evaluated folder with '/' separators (the form results use on every OS).</summary>
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static void AddSisFall(string root, string folder, List<RecordingSource> sources)
    {
        var ages = SisFallReader.ReadSubjectAges(Path.Combine(folder, SisFallReader.ReadmeFile));
        foreach (var file in Sorted(Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)))
        {
            if (!SisFallReader.IsTrialFileName(Path.GetFileName(file)))
            {
                continue; // Readme.txt
            }
            var relative = Relative(root, file);
            sources.Add(new RecordingSource(SisFallReader.DatasetName, relative,
                () => RecordingFile.WithReversedCopy(SisFallReader.Read(file, relative, ages))));
        }
    }

    /// <summary>Every <c>&lt;subject&gt;-&lt;trial&gt;_lb.txt</c> below the folder (GaitData/ in the shared copy), each with its reversed copy.</summary>
    private static void AddIpolGait(string root, string folder, List<RecordingSource> sources)
    {
        foreach (var file in Sorted(Directory.EnumerateFiles(folder, "*" + IpolGaitReader.TrunkSuffix, SearchOption.AllDirectories)))
        {
            if (!IpolGaitReader.IsTrialFileName(Path.GetFileName(file)))
            {
                continue;
            }
            var relative = Relative(root, file);
            sources.Add(new RecordingSource(IpolGaitReader.DatasetName, relative,
                () => RecordingFile.WithReversedCopy(IpolGaitReader.Read(file, relative))));
        }
    }

    private static void AddOxford(string root, string folder, List<RecordingSource> sources, List<RecordingProblem> problems)
    {
        var optimisation = Path.Combine(folder, "optimisation");
        var data = Path.Combine(optimisation, "data");
        if (Directory.Exists(data))
        {
            var statsPath = Path.Combine(optimisation, OxfordReader.StatsFile);
            Dictionary<string, int>? stats = null;
            try
            {
                stats = OxfordReader.ReadStats(statsPath);
            }
            catch (RecordingFormatException e)
            {
                problems.Add(RecordingProblem.From(e, root) with { Message = e.Problem + " (optimisation recordings run without a true count)" });
            }
            foreach (var directory in Sorted(Directory.EnumerateDirectories(data)))
            {
                var relative = Relative(root, Path.Combine(directory, OxfordReader.AccelerometerFile));
                sources.Add(new RecordingSource(OxfordReader.DatasetName, relative,
                    () => new[] { OxfordReader.ReadOptimisation(directory, relative, stats) }));
            }
        }
        var validation = Path.Combine(folder, "validation");
        if (Directory.Exists(validation))
        {
            foreach (var file in Sorted(Directory.EnumerateFiles(validation, "*.csv")))
            {
                sources.Add(Single(OxfordReader.DatasetName, root, file, OxfordReader.ReadValidation));
            }
        }
    }

    private static RecordingSource OwnSource(string root, string file)
    {
        var relative = Relative(root, file);
        return new RecordingSource(RetroWalkCsv.DatasetName, relative, () => new[] { RetroWalkCsv.Read(file, relative) });
    }

    private static RecordingSource Single(string dataset, string root, string file, Func<string, string, Recording> read)
    {
        var relative = Relative(root, file);
        return new RecordingSource(dataset, relative, () => new[] { read(file, relative) });
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.OrderBy(p => p, StringComparer.Ordinal);
}
