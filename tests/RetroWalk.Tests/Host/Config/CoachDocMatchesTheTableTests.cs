using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Config
{
    /// <summary>docs/coach.md's settings table (name, Config offset, default) against <see cref="SettingTable"/>.</summary>
    [TestClass]
    public class CoachDocMatchesTheTableTests
    {
        [TestMethod]
        public void EveryCoachSettingRowHasTheTablesOffsetAndDefault()
        {
            string doc = File.ReadAllText(Path.Combine(SharedPaths.RepoRoot, "docs", "coach.md"));
            var rows = Regex.Matches(doc, @"^\| `(\w+)` \| (\d+)(?:, bit \d)? \| [^|]+ \| (\d+)", RegexOptions.Multiline);
            Assert.IsGreaterThanOrEqualTo(8, rows.Count, "the coach page lists the session, coach and energy settings");
            foreach (Match m in rows)
            {
                string key = char.ToLowerInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value.Substring(1);
                SettingSpec row = SettingTable.Rows.FirstOrDefault(r => r.Key == key);
                if (row == null)
                {
                    Assert.AreEqual("CoachEnabled", m.Groups[1].Value, "a row names a setting the table lacks");
                    Assert.AreEqual(SettingsCodec.Offset(SettingTable.Flags).ToString(), m.Groups[2].Value);
                    continue;
                }

                Assert.AreEqual(SettingsCodec.Offset(row.Id).ToString(), m.Groups[2].Value, key + " offset");
                Assert.AreEqual(row.Default.ToString(), m.Groups[3].Value, key + " default");
            }
        }
    }
}
