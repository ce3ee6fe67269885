using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Host.Il;

namespace RetroWalk.Tests.Host.Layering
{
    /// <summary>
    /// The core's namespaces form a DAG: each can be read, tested and moved without the ones that use it. Read from
    /// the compiled core, so a reference C# resolves without a <c>using</c> (the parent namespace) counts too.
    /// </summary>
    [TestClass]
    public class CoreNamespaceTests
    {
        private static readonly Lazy<NamespaceGraph> Core = new Lazy<NamespaceGraph>(() =>
            new NamespaceGraph(new IlAssembly(typeof(RetroWalk.Core.Tracker).Assembly.Location), "RetroWalk.Core"));

        [TestMethod]
        public void CoreNamespacesHaveNoCycle()
        {
            var cycle = Core.Value.FindCycle();
            Assert.IsNull(cycle, "RetroWalk.Core namespaces form a cycle: " + (cycle == null ? "" : string.Join(" -> ", cycle))
                + "\nAll edges:\n" + Describe(Core.Value.Edges));
        }

        /// <summary>Without this, a graph builder that saw no references would pass the test above vacuously.</summary>
        [TestMethod]
        public void GraphSeesKnownReferences()
        {
            var edges = Core.Value.Edges;
            Assert.IsTrue(edges["RetroWalk.Core.Device"].Contains("RetroWalk.Core"), "DeviceLoop builds a Tracker (parent namespace, no using)");
            Assert.IsTrue(edges["RetroWalk.Core.Motion"].Contains("RetroWalk.Core.Config"), "StepDetector reads SensorConfig");
        }

        [TestMethod]
        public void FindCycleReportsACycleAndAcceptsADag()
        {
            var dag = new Dictionary<string, SortedSet<string>>
            {
                ["A"] = new SortedSet<string> { "B", "C" },
                ["B"] = new SortedSet<string> { "C" },
                ["C"] = new SortedSet<string>(),
            };
            Assert.IsNull(NamespaceGraph.FindCycle(dag));

            dag["C"].Add("A");
            CollectionAssert.AreEqual(new[] { "A", "B", "C", "A" }, NamespaceGraph.FindCycle(dag)!.ToArray());
        }

        private static string Describe(IReadOnlyDictionary<string, SortedSet<string>> edges) =>
            string.Join("\n", edges.Select(e => "  " + e.Key + " -> " + string.Join(", ", e.Value)));
    }
}
