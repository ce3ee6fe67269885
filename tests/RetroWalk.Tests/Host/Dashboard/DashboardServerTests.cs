using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Dashboard;

namespace RetroWalk.Tests.Host.Dashboard
{
    /// <summary>`retrowalk dashboard`'s listener: a port that is taken is a clear error when asked for, never when chosen automatically.</summary>
    [TestClass]
    public sealed class DashboardServerTests
    {
        private static string WebRoot => System.IO.Path.Combine(DashboardContractTests.DashboardFolder, "web");

        [TestMethod]
        public void AnAskedForPortInUseIsAClearError()
        {
            var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                int port = ((IPEndPoint)taken.LocalEndpoint).Port;
                using var server = new DashboardServer(WebRoot, port);
                var e = Assert.ThrowsExactly<InvalidOperationException>(() => server.Start());
                StringAssert.Contains(e.Message, "127.0.0.1:" + port);
                StringAssert.Contains(e.Message, "--port");
            }
            finally
            {
                taken.Stop();
            }
        }

        [TestMethod]
        public async Task AnAutomaticPortServesThePage()
        {
            using var server = new DashboardServer(WebRoot, 0);
            server.Start();
            Assert.AreNotEqual(0, server.Port);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            StringAssert.Contains(await http.GetStringAsync(server.Url), "RetroWalk");
        }
    }
}
