using System;
using System.IO;
using System.Linq;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Il;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>The compiled core, the violation fixture and the nanoFramework mscorlib listing, read once per run.</summary>
    internal static class CheckedAssemblies
    {
        private static readonly Lazy<ApiListing> Mscorlib = new Lazy<ApiListing>(() =>
        {
            string path = Path.Combine(SharedPaths.ApiListings, "mscorlib.txt");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"the nanoFramework API listing is missing at {path} (put ../shared beside the repository or set RETROWALK_SHARED)");
            }
            return ApiListing.Load(path);
        });

        private static readonly Lazy<IlAssembly> CoreAssembly =
            new Lazy<IlAssembly>(() => new IlAssembly(typeof(RetroWalk.Core.Tracker).Assembly.Location));

        private static readonly Lazy<PortabilityChecker> CoreChecker =
            new Lazy<PortabilityChecker>(() => new PortabilityChecker(CoreAssembly.Value, Mscorlib.Value));

        private static readonly Lazy<PortabilityChecker> FixtureChecker = new Lazy<PortabilityChecker>(() =>
            new PortabilityChecker(new IlAssembly(typeof(RetroWalk.Portability.Fixture.CleanCode).Assembly.Location), Mscorlib.Value));

        public static IlAssembly Core => CoreAssembly.Value;

        public static PortabilityChecker CoreCheck => CoreChecker.Value;

        public static PortabilityChecker FixtureCheck => FixtureChecker.Value;

        public static string Lines(IEnumerable<Violation> violations) =>
            string.Join(Environment.NewLine, violations.Select(v => "  " + v));
    }
}
