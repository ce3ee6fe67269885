using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>
    /// The .nfproj files cannot be built here, so their explicit file lists are checked against the folders, the host
    /// build of the core against the device build, and every project against the solution and the host filter.
    /// </summary>
    [TestClass]
    public class ProjectFilesTests
    {
        private static readonly string[] BuildOutputFolders = { "bin", "obj" };

        [TestMethod]
        public void EveryNfprojListsExactlyTheCsFilesBelowItsFolder()
        {
            var nfprojs = ProjectFiles("*.nfproj");
            Assert.IsTrue(nfprojs.Count > 0, "no .nfproj found under " + RepoRoot);
            var problems = new List<string>();
            foreach (var project in nfprojs)
            {
                string folder = Path.GetDirectoryName(project);
                var listed = NfprojCompileItems(project);
                var linked = listed.Where(f => !IsBelow(f, folder)).ToList();
                problems.AddRange(linked.Where(f => !File.Exists(f)).Select(f => $"{Relative(project)} links a missing file {Relative(f)}"));
                var listedBelow = new HashSet<string>(listed.Except(linked));
                var present = new HashSet<string>(SourceFilesOf(folder));
                problems.AddRange(present.Except(listedBelow).Select(f => $"{Relative(project)} does not list {Relative(f)} (run scripts/sync-nfproj.py)"));
                problems.AddRange(listedBelow.Except(present).Select(f => $"{Relative(project)} lists {Relative(f)}, which does not exist"));
            }
            Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void TheDeviceTestProjectCompilesEverySharedTest()
        {
            string nfproj = Path.Combine(RepoRoot, "tests", "NFUnitTest", "NFUnitTest.nfproj");
            string shared = Path.Combine(RepoRoot, "tests", "RetroWalk.Tests", "Shared");
            var linked = new HashSet<string>(NfprojCompileItems(nfproj));
            var missing = SourceFilesOf(shared).Where(f => !linked.Contains(f))
                .Select(f => $"{Relative(nfproj)} does not compile the shared test {Relative(f)} (run scripts/sync-nfproj.py)").ToList();
            Assert.IsTrue(Directory.Exists(shared), "no shared tests folder at " + shared);
            Assert.AreEqual(0, missing.Count, string.Join(Environment.NewLine, missing));
        }

        [TestMethod]
        public void CoreHostCompilesTheSameFilesAsTheCoreNfproj()
        {
            string nfproj = Path.Combine(RepoRoot, "firmware", "RetroWalk.Core", "RetroWalk.Core.nfproj");
            string csproj = Path.Combine(RepoRoot, "firmware", "RetroWalk.Core.Host", "RetroWalk.Core.Host.csproj");
            var device = new HashSet<string>(NfprojCompileItems(nfproj));
            var host = new HashSet<string>(MsBuildCompileItems(csproj));
            var problems = device.Except(host).Select(f => "only the device build compiles " + Relative(f))
                .Concat(host.Except(device).Select(f => "only the host build compiles " + Relative(f))).ToList();
            Assert.IsTrue(device.Count > 0, "the core .nfproj lists no files");
            Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void EveryProjectIsInTheSolution()
        {
            string solution = Path.Combine(RepoRoot, SharedPaths.SolutionFile);
            var inSolution = new HashSet<string>(Regex.Matches(File.ReadAllText(solution), @"^Project\(""[^""]+""\) = ""[^""]+"", ""([^""]+\.(?:cs|nf)proj)""", RegexOptions.Multiline)
                .Select(m => FromRepoPath(m.Groups[1].Value)));
            var projects = ProjectFiles("*.csproj").Concat(ProjectFiles("*.nfproj")).ToList();
            var problems = projects.Where(p => !inSolution.Contains(p)).Select(p => $"{Relative(p)} is not in {SharedPaths.SolutionFile}")
                .Concat(inSolution.Where(p => !File.Exists(p)).Select(p => $"{SharedPaths.SolutionFile} lists a missing project {Relative(p)}")).ToList();
            Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void EveryHostProjectIsInTheHostFilter()
        {
            const string filter = "RetroWalk.Host.slnf";
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, filter)));
            var inFilter = json.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
                .Select(p => FromRepoPath(p.GetString())).ToList();
            var problems = ProjectFiles("*.csproj").Where(p => !inFilter.Contains(p)).Select(p => $"{Relative(p)} is not in {filter}")
                .Concat(inFilter.Where(p => !File.Exists(p)).Select(p => $"{filter} lists a missing project {Relative(p)}"))
                .Concat(inFilter.Where(p => p.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase)).Select(p => $"{filter} lists {Relative(p)}, which cannot build on the host"))
                .ToList();
            Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
        }

        private static string RepoRoot => SharedPaths.RepoRoot;

        /// <summary>Full paths of a .nfproj's Compile items (backslash separators, as Visual Studio writes them).</summary>
        private static List<string> NfprojCompileItems(string project)
        {
            string folder = Path.GetDirectoryName(project);
            return XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => Path.GetFullPath(Path.Combine(folder, e.Attribute("Include").Value.Replace('\\', '/'))))
                .ToList();
        }

        /// <summary>A project's Compile items as MSBuild evaluates them (globs expanded), without building.</summary>
        private static List<string> MsBuildCompileItems(string project)
        {
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "msbuild", project, "-getItem:Compile", "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start);
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, $"dotnet msbuild -getItem:Compile {project} failed:\n{output}\n{error.Result}");
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("Items").GetProperty("Compile").EnumerateArray()
                .Select(item => Path.GetFullPath(item.GetProperty("FullPath").GetString())).ToList();
        }

        /// <summary>Project files in the repository, outside build output.</summary>
        private static List<string> ProjectFiles(string pattern) =>
            Directory.EnumerateFiles(RepoRoot, pattern, SearchOption.AllDirectories)
                .Where(p => !InBuildOutput(p, RepoRoot) && !IsBelow(p, Path.Combine(RepoRoot, ".git")))
                .Select(Path.GetFullPath).ToList();

        /// <summary>.cs files below a project folder, except build output and the folders of other projects nested in it.</summary>
        private static IEnumerable<string> SourceFilesOf(string folder)
        {
            var nestedProjectFolders = Directory.EnumerateFiles(folder, "*.*proj", SearchOption.AllDirectories)
                .Select(Path.GetDirectoryName).Where(d => !SamePath(d, folder)).ToList();
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !InBuildOutput(f, folder) && !nestedProjectFolders.Any(n => IsBelow(f, n)))
                .Select(Path.GetFullPath);
        }

        private static bool InBuildOutput(string path, string root) =>
            Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Intersect(BuildOutputFolders).Any();

        private static bool IsBelow(string path, string folder) =>
            !Path.GetRelativePath(folder, path).StartsWith("..", StringComparison.Ordinal);

        private static bool SamePath(string a, string b) => Path.GetRelativePath(a, b) == ".";

        private static string FromRepoPath(string path) => Path.GetFullPath(Path.Combine(RepoRoot, path.Replace('\\', '/')));

        private static string Relative(string path) => Path.GetRelativePath(RepoRoot, path);
    }
}
