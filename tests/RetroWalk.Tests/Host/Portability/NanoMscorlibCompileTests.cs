using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>
    /// The core compiled as the device build compiles it: every file of RetroWalk.Core.nfproj against the real
    /// nanoFramework mscorlib alone (see docs/portability-checks.md). The listing-based checks stay for what a compiler
    /// cannot see (allocation per sample, floating point, generics the compiler would accept).
    /// </summary>
    [TestClass]
    public class NanoMscorlibCompileTests
    {
        [TestMethod]
        public void TheCoreCompilesAgainstTheRealMscorlibWithoutAnErrorOrAWarning()
        {
            var (files, _) = NanoCompiler.ReadNfproj(NanoCompiler.CoreNfproj);
            Assert.IsTrue(files.Count > 50, $"the core .nfproj lists only {files.Count} files");
            var problems = NanoCompiler.CompileCore();
            Assert.AreEqual(0, problems.Count,
                $"RetroWalk.Core.nfproj against nanoFramework mscorlib ({NanoCompiler.MscorlibPath}):{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void RoslynRunsFromTheSdksReadyToRunCopy()
        {
            string sdk = SdkRoslyn.Folders[0];
            if (!File.Exists(Path.Combine(sdk, "Microsoft.CodeAnalysis.CSharp.dll")))
            {
                Assert.Inconclusive($"the SDK that built the tests has no Roslyn in {sdk}: the package's IL-only copy runs (slower)");
            }

            string loaded = typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.Location;
            Assert.AreEqual(Path.GetFullPath(sdk), Path.GetDirectoryName(Path.GetFullPath(loaded)), "Roslyn was loaded from " + loaded);
            using var image = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(loaded));
            Assert.IsTrue(image.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size > 0, loaded + " is not ReadyToRun compiled");
        }

        [TestMethod]
        public void ItIsTheRealMscorlibNotTheHostOne()
        {
            using (var image = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(NanoCompiler.MscorlibPath)))
            {
                var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(image);
                var name = reader.GetAssemblyDefinition();
                Assert.AreEqual("mscorlib", reader.GetString(name.Name));
                Assert.AreEqual(new Version(1, 17, 11, 0), name.Version);
            }
        }

        [TestMethod]
        public void ATypeMscorlibLacksIsAnErrorNamingIt()
        {
            // The fixture the listing-based checks read: System.Math lives in another nanoFramework package.
            string fixture = Path.Combine(SharedPaths.RepoRoot, "tests", "RetroWalk.Portability.Fixture", "ApiListingViolations.cs");
            var problems = NanoCompiler.Compile(new[] { ("ApiListingViolations.cs", File.ReadAllText(fixture)) }, LanguageVersion.CSharp9);
            Assert.IsTrue(problems.Any(p => p.Contains("ApiListingViolations.cs(") && p.Contains("error CS0234") && p.Contains("'Math'")),
                "System.Math not reported:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void GenericCollectionsAndMissingOverloadsAreErrors()
        {
            const string source = @"namespace Probe
{
    public static class UsesHostOnlyApi
    {
        public static int Count() { var list = new System.Collections.Generic.List<int>(); return list.Count; }
        public static string Joined(string[] parts) { return string.Join("","", parts); }
    }
}";
            var problems = NanoCompiler.Compile(new[] { ("Probe.cs", source) }, LanguageVersion.CSharp9);
            Assert.IsTrue(problems.Any(p => p.StartsWith("Probe.cs(5,") && p.Contains(": error ")), "List<T> not reported: " + string.Join(" | ", problems));
            Assert.IsTrue(problems.Any(p => p.StartsWith("Probe.cs(6,") && p.Contains(": error ") && p.Contains("Join")), "string.Join not reported: " + string.Join(" | ", problems));
        }

        [TestMethod]
        public void AWarningFailsTooAndTheDeviceSymbolIsDefined()
        {
            const string source = @"namespace Probe
{
    public static class Warns
    {
#if NANOFRAMEWORK_V1_0
        public static int Unused() { int never; return 1; }
#else
        public static int Unused() { return 1; }
#endif
    }
}";
            var problems = NanoCompiler.Compile(new[] { ("Warns.cs", source) }, LanguageVersion.CSharp9);
            Assert.AreEqual(1, problems.Count, string.Join(" | ", problems));
            StringAssert.Contains(problems[0], "Warns.cs(6,");
            StringAssert.Contains(problems[0], "warning CS0168");
        }

        [TestMethod]
        public void TheNfprojsLanguageVersionIsEnforced()
        {
            const string source = "namespace Probe;\npublic static class FileScoped { }\n";
            Assert.AreEqual(0, NanoCompiler.Compile(new[] { ("Ten.cs", source) }, LanguageVersion.CSharp10).Count);
            var problems = NanoCompiler.Compile(new[] { ("Ten.cs", source) }, LanguageVersion.CSharp9);
            Assert.IsTrue(problems.Any(p => p.StartsWith("Ten.cs(1,") && p.Contains("error CS8773")), string.Join(" | ", problems));
        }
    }
}
