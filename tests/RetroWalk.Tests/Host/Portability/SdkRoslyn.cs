using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>
    /// Loads Roslyn (Microsoft.CodeAnalysis*) from the SDK that built the tests: its copy is ReadyToRun compiled, the
    /// NuGet package's (which the tests compile against, RetroWalk.Tests.csproj) is IL only, and JIT-compiling it was
    /// most of the 7 s of CPU the in-process compile tests took. Roslyn keeps its public API binary compatible, so the
    /// SDK's newer copy serves calls compiled against the package. Without the SDK folder the package's copy is used.
    /// </summary>
    internal static class SdkRoslyn
    {
        [ModuleInitializer]
        internal static void Register() => AssemblyLoadContext.Default.Resolving += Resolve;

        /// <summary>The folders searched, SDK first (from the assembly metadata the project file sets).</summary>
        internal static string[] Folders => Metadata("SdkRoslyn").Concat(Metadata("PackageRoslyn")).ToArray();

        private static Assembly Resolve(AssemblyLoadContext context, AssemblyName name)
        {
            if (name.Name == null || !name.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                return null;
            }

            foreach (string folder in Folders)
            {
                string path = Path.GetFullPath(Path.Combine(folder, name.Name + ".dll"));
                if (File.Exists(path) && AssemblyName.GetAssemblyName(path).Version >= name.Version)
                {
                    return context.LoadFromAssemblyPath(path);
                }
            }

            return null;
        }

        private static string[] Metadata(string key) =>
            (typeof(SdkRoslyn).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
    }
}
