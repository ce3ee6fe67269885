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
        public void CoreReferencesOnlyTypesAndMembersOfTheNanoFrameworkMscorlib()
        {
            AssertNone(PortabilityRule.ApiListing, "references missing from ../shared/nanoframework/api/mscorlib.txt");
        }

        [TestMethod]
        public void CoreHasNoGenerics()
        {
            AssertNone(PortabilityRule.Generic, "generics (nanoFramework 1.x has none)");
        }

        [TestMethod]
        public void CoreHasNoFloatingPoint()
        {
            AssertNone(PortabilityRule.FloatingPoint, "floating point (the core is fixed-point only)");
        }

        [TestMethod]
        public void PerSamplePathNeitherAllocatesNorThrows()
        {
            AssertNone(PortabilityRule.PerSampleAllocation, "allocations, boxing or throws on the per-sample path");
        }

        /// <summary>Without this, the per-sample check would pass vacuously if the attribute went missing.</summary>
        [TestMethod]
        public void TrackerProcessIsMarkedPerSample()
        {
            var names = CheckedAssemblies.Core.PerSampleMethods.Select(CheckedAssemblies.Core.Name).ToList();
            Assert.IsTrue(names.Any(n => n.StartsWith("RetroWalk.Core.Tracker.Process(")),
                "Tracker.Process must carry [PerSample]; marked: " + string.Join(", ", names));
        }

        private static void AssertNone(PortabilityRule rule, string what)
        {
            var violations = CheckedAssemblies.CoreCheck.Check(rule);
            Assert.AreEqual(0, violations.Count, $"RetroWalk.Core has {violations.Count} {what}:\n{CheckedAssemblies.Lines(violations)}");
        }
    }
}
