using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>
    /// The real recordings in ../shared/datasets, evaluated once per test run: every real-data test reads its figures
    /// from this one evaluation (the tracker with its defaults over every recording, as `retrowalk eval` runs it) instead
    /// of running the tracker over the files again. Concurrent first callers wait for the single run. A test whose
    /// datasets are absent is inconclusive, saying which folder is missing.
    /// </summary>
    public static class RealDatasets
    {
        private static readonly Lazy<EvalReport> Everything = new Lazy<EvalReport>(
            () => Evaluator.EvaluateFolder(SharedPaths.DatasetsRoot), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The folder of <paramref name="dataset"/>; inconclusive, with the reason, when it is absent.</summary>
        public static string Folder(string dataset)
        {
            string missing = SharedPaths.DatasetsMissingReason(dataset);
            if (missing != null)
            {
                Assert.Inconclusive(missing);
            }

            return Path.Combine(SharedPaths.DatasetsRoot, dataset);
        }

        /// <summary>
        /// The shared evaluation restricted to <paramref name="datasets"/> (results, problems and the summary over those
        /// results alone), as `retrowalk eval` on those folders would report it; inconclusive unless every one is present.
        /// </summary>
        public static EvalReport Report(params string[] datasets)
        {
            foreach (string dataset in datasets)
            {
                Folder(dataset);
            }

            EvalReport all = Everything.Value;
            var results = all.Results.Where(r => datasets.Contains(r.Info.Dataset, StringComparer.Ordinal)).ToList();
            var problems = all.Problems.Where(p => datasets.Any(d => InDataset(p.File, d))).ToList();
            return all with { Results = results, Problems = problems, Summary = EvalSummary.From(results) };
        }

        private static bool InDataset(string file, string dataset)
        {
            string relative = file.Replace('\\', '/');
            return relative.StartsWith(dataset + "/", StringComparison.Ordinal) || relative.Contains("/" + dataset + "/", StringComparison.Ordinal);
        }
    }
}
