using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Il;

namespace RetroWalk.Tests.Host.Portability
{
    /// <summary>
    /// Proves each portability rule on tests/RetroWalk.Portability.Fixture: every deliberate violation is reported
    /// with the method (or field, type) that holds it, and the clean code is not reported at all.
    /// </summary>
    [TestClass]
    public class CheckerCatchesViolationsTests
    {
        private const string Fixture = "RetroWalk.Portability.Fixture.";

        [TestMethod]
        [DataRow(PortabilityRule.ApiListing, "ApiListingViolations.UsesMissingType(", "type System.Math is not in")]
        [DataRow(PortabilityRule.ApiListing, "ApiListingViolations.UsesMissingOverload(", "System.String.Format(System.String, System.Object) has no matching overload")]
        [DataRow(PortabilityRule.ApiListing, "ApiListingViolations.UsesMissingMember(", "System.String.Join(")]
        [DataRow(PortabilityRule.ApiListing, "ApiListingViolations.UsesMissingField(", "field System.IntPtr System.IntPtr.Zero is not in")]
        [DataRow(PortabilityRule.ApiListing, "ApiListingViolations.TakesMissingType(", "type System.StringComparison is not in")]
        [DataRow(PortabilityRule.ApiListing, "[attribute on " + Fixture + "ApiListingViolations.ThreadStaticField]", "System.ThreadStaticAttribute")]
        [DataRow(PortabilityRule.ApiListing, "[attribute on " + Fixture + "ApiListingViolations.MarkedWithMissingNamedArgument()]", "property System.ObsoleteAttribute.DiagnosticId")]
        [DataRow(PortabilityRule.Generic, "GenericViolations.UsesGenericInstantiation(", "generic instantiation System.Collections.Generic.List`1<System.Int32>")]
        [DataRow(PortabilityRule.Generic, "GenericViolations.GenericMethodDefinition(", "generic method definition")]
        [DataRow(PortabilityRule.Generic, "GenericViolations.CallsGenericMethod(", "generic method instantiation")]
        [DataRow(PortabilityRule.Generic, "GenericViolations.GenericField", "System.Collections.Generic.Dictionary`2<System.Int32, System.Int32>")]
        [DataRow(PortabilityRule.Generic, "GenericTypeDefinition`1", "generic type definition")]
        [DataRow(PortabilityRule.FloatingPoint, "FloatingPointViolations.UsesDoubleConstant(", "ldc.r8")]
        [DataRow(PortabilityRule.FloatingPoint, "FloatingPointViolations.ConvertsToFloat(", "conv.r4")]
        [DataRow(PortabilityRule.FloatingPoint, "FloatingPointViolations.ConvertsUnsignedToFloat(", "conv.r.un")]
        [DataRow(PortabilityRule.FloatingPoint, "FloatingPointViolations.FloatParameter(System.Single)", "System.Single in its signature")]
        [DataRow(PortabilityRule.FloatingPoint, "FloatingPointViolations.DoubleReturn(", "System.Double in its signature")]
        [DataRow(PortabilityRule.FloatingPoint, "FloatingPointViolations.DoubleField", "System.Double in its signature")]
        [DataRow(PortabilityRule.PerSampleAllocation, "PerSampleViolations.Allocates(", "newarr")]
        [DataRow(PortabilityRule.PerSampleAllocation, "PerSampleViolations.Boxes(", "box")]
        [DataRow(PortabilityRule.PerSampleAllocation, "PerSampleViolations.Throws(", "throw")]
        [DataRow(PortabilityRule.PerSampleAllocation, "PerSampleViolations.Throws(", "newobj")]
        [DataRow(PortabilityRule.PerSampleAllocation, "AllocatingSink.Accept(", "newobj")]
        [DataRow(PortabilityRule.PerSampleAllocation, "PerSampleViolations.Describes(", "System.Int32.ToString")]
        public void EachDeliberateViolationIsReportedWhereItIs(PortabilityRule rule, string where, string what)
        {
            var violations = CheckedAssemblies.FixtureCheck.Check(rule);
            Assert.IsTrue(violations.Any(v => v.Where.Contains(where) && v.What.Contains(what)),
                $"expected a {rule} finding in {where} about '{what}'; found:\n{CheckedAssemblies.Lines(violations)}");
        }

        [TestMethod]
        public void CleanCodeIsNotReported()
        {
            var onClean = CheckedAssemblies.FixtureCheck.CheckAll().Where(v => v.Where.Contains("CleanCode")).ToList();
            Assert.AreEqual(0, onClean.Count, "clean code reported:\n" + CheckedAssemblies.Lines(onClean));
        }

        [TestMethod]
        public void AllocationsOffThePerSamplePathAreNotReported()
        {
            var offPath = CheckedAssemblies.FixtureCheck.Check(PortabilityRule.PerSampleAllocation)
                .Where(v => v.Where.Contains("OffThePath") || v.Where.Contains("PerSampleViolations.Process(")).ToList();
            Assert.AreEqual(0, offPath.Count, "reported although not on the per-sample path or not allocating:\n" + CheckedAssemblies.Lines(offPath));
        }

        [TestMethod]
        public void CompilerEmittedAttributesAreAllowedOnlyAsAttributes()
        {
            var allowed = CheckedAssemblies.FixtureCheck.Check(PortabilityRule.ApiListing)
                .Where(v => PortabilityChecker.CompilerEmittedAttributes.Keys.Any(v.What.Contains)).ToList();
            Assert.AreEqual(0, allowed.Count, "compiler-emitted attributes reported:\n" + CheckedAssemblies.Lines(allowed));
        }
    }
}
