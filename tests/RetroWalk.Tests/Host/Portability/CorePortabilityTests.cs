using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Il;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>
    /// Reads the compiled host build of the portable core and fails on what the nanoFramework 1.x build or device
    /// would reject. Each message names the method, field or type and what is wrong.
    /// </summary>
    [TestClass]
    public class CorePortabilityTests
    {
        [TestMethod]
        [DataRow(PortabilityRule.ApiListing, "references missing from ../shared/nanoframework/api/mscorlib.txt")]
        [DataRow(PortabilityRule.Generic, "generics (nanoFramework 1.x has none)")]
        [DataRow(PortabilityRule.FloatingPoint, "floating-point uses (the core is fixed-point only)")]
        [DataRow(PortabilityRule.PerSampleAllocation, "allocations, boxing or throws on the per-sample path")]
        public void CoreKeepsTheRule(PortabilityRule rule, string what)
        {
            var violations = CheckedAssemblies.CoreCheck.Check(rule);
            Assert.AreEqual(0, violations.Count, $"RetroWalk.Core has {violations.Count} {what}:\n{CheckedAssemblies.Lines(violations)}");
        }

        /// <summary>Without this, the per-sample check would pass vacuously if the attribute went missing.</summary>
        [TestMethod]
        public void TrackerProcessIsMarkedPerSample()
        {
            var names = CheckedAssemblies.Core.PerSampleMethods.Select(CheckedAssemblies.Core.Name).ToList();
            Assert.IsTrue(names.Any(n => n.StartsWith("RetroWalk.Core.Tracker.Process(")),
                "Tracker.Process must carry [PerSample]; marked: " + string.Join(", ", names));
        }
    }
}
