using System;
using System.IO;
using System.Linq;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Ble
{
    /// <summary>docs/ble.md as the page checks read it: the text, and a section by its heading.</summary>
    internal static class DocsBlePage
    {
        public static string Text => File.ReadAllText(Path.Combine(SharedPaths.RepoRoot, "docs", "ble.md"));

        /// <summary>
        /// From <paramref name="heading"/> (a line starting with it, e.g. "## ATT errors" or "### Snapshot") to the next
        /// heading of the same or a higher level; "" when the page has no such heading.
        /// </summary>
        public static string Section(string doc, string heading)
        {
            int at = doc.StartsWith(heading, StringComparison.Ordinal) ? 0 : doc.IndexOf("\n" + heading, StringComparison.Ordinal);
            if (at < 0)
            {
                return "";
            }

            int level = heading.TakeWhile(c => c == '#').Count();
            int end = at;
            while ((end = doc.IndexOf("\n#", end + 1, StringComparison.Ordinal)) >= 0)
            {
                if (doc.Skip(end + 1).TakeWhile(c => c == '#').Count() <= level)
                {
                    return doc[at..end];
                }
            }

            return doc[at..];
        }
    }
}
