using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>
    /// Compiles C# with Roslyn, in-process, as the nanoFramework build does: the real nanoFramework mscorlib
    /// (nanoFramework.CoreLibrary, the version packages.config names) as the only reference, no standard library,
    /// the .nfproj's LangVersion and NANOFRAMEWORK_V1_0. Returns every error and warning, formatted like csc's.
    /// </summary>
    internal static class NanoCompiler
    {
        public const string DeviceSymbol = "NANOFRAMEWORK_V1_0";

        /// <summary>The core's project, whose Compile list and LangVersion the check takes.</summary>
        public static string CoreNfproj => Path.Combine(SharedPaths.RepoRoot, "firmware", "RetroWalk.Core", "RetroWalk.Core.nfproj");

        private static readonly Lazy<MetadataReference> Mscorlib = new Lazy<MetadataReference>(() =>
        {
            string path = MscorlibPath;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"nanoFramework mscorlib not found at {path}: restore tests/RetroWalk.Tests (its PackageDownload of nanoFramework.CoreLibrary)");
            }
            return MetadataReference.CreateFromFile(path);
        });

        /// <summary>lib/mscorlib.dll of the downloaded nanoFramework.CoreLibrary package (set by RetroWalk.Tests.csproj).</summary>
        public static string MscorlibPath =>
            typeof(NanoCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NanoMscorlib")?.Value
            ?? throw new InvalidOperationException("RetroWalk.Tests.csproj sets no NanoMscorlib assembly metadata");

        /// <summary>The .nfproj's Compile items (full paths) and its LangVersion.</summary>
        public static (IReadOnlyList<string> Files, LanguageVersion Language) ReadNfproj(string nfproj)
        {
            var document = XDocument.Load(nfproj);
            string folder = Path.GetDirectoryName(nfproj);
            var files = document.Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => Path.GetFullPath(Path.Combine(folder, e.Attribute("Include").Value.Replace('\\', '/')))).ToList();
            string langVersion = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "LangVersion")?.Value.Trim();
            if (langVersion == null || !LanguageVersionFacts.TryParse(langVersion, out var language))
            {
                throw new InvalidDataException($"{nfproj} has no usable <LangVersion> ('{langVersion}')");
            }
            return (files, language);
        }

        /// <summary>Compiles the core's .nfproj Compile list; every error and warning, one line each.</summary>
        public static IReadOnlyList<string> CompileCore()
        {
            var (files, language) = ReadNfproj(CoreNfproj);
            return Compile(files.Select(f => (Path.GetRelativePath(SharedPaths.RepoRoot, f), File.ReadAllText(f))), language);
        }

        /// <summary>Compiles named sources into a library (also emitted, so lowering's needs on mscorlib are checked).</summary>
        public static IReadOnlyList<string> Compile(IEnumerable<(string Path, string Text)> sources, LanguageVersion language)
        {
            var parse = new CSharpParseOptions(language, DocumentationMode.None, SourceCodeKind.Regular, new[] { DeviceSymbol });
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path, Encoding.UTF8)).ToList();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable, warningLevel: 4, deterministic: true);
            var compilation = CSharpCompilation.Create("RetroWalk.Core", trees, new[] { Mscorlib.Value }, options);
            using var image = new MemoryStream();
            EmitResult result = compilation.Emit(image);
            return result.Diagnostics
                .Where(d => !d.IsSuppressed && (d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning))
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                .Select(d => d.ToString().Replace('\\', '/')).Distinct().ToList();
        }
    }
}
