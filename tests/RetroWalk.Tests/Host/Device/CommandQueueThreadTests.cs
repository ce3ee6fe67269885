using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>The queue between the BLE thread(s) and the loop, under real contention.</summary>
    [TestClass]
    public class CommandQueueThreadTests
    {
        [TestMethod]
        public void CommandsFromSeveralThreadsArriveOnceEachAndInTheirOrder()
        {
            const int Writers = 4;
            const int PerWriter = 1000; // 4000 commands through a queue of a few: thousands of full-queue races, without spinning for seconds
            const uint Base = 1777636800;
            var queue = new CommandQueue();
            var writers = new Task[Writers];
            for (int w = 0; w < Writers; w++)
            {
                int writer = w;
                writers[w] = Task.Run(() =>
                {
                    for (int i = 0; i < PerWriter; i++)
                    {
                        // The argument says who sent it and in which order; a full queue is retried as a phone would.
                        uint argument = Base + (uint)(writer * PerWriter + i);
                        while (queue.Submit(ControlOp.SetCurrentTime, argument) == ControlStatus.Failed)
                        {
                            Thread.Yield();
                        }
                    }
                });
            }

            var next = new int[Writers];
            int taken = 0;
            while (taken < Writers * PerWriter)
            {
                if (!queue.TryTake(out byte op, out uint argument))
                {
                    Assert.IsFalse(Task.WaitAll(writers, 0) && queue.Count == 0, "the writers finished but commands are missing");
                    Thread.Yield();
                    continue;
                }

                Assert.AreEqual(ControlOp.SetCurrentTime, op);
                int n = (int)(argument - Base);
                int writer = n / PerWriter;
                Assert.AreEqual(next[writer], n % PerWriter, "writer " + writer + " in order, nothing lost or doubled");
                next[writer]++;
                taken++;
            }

            Task.WaitAll(writers);
            Assert.AreEqual(0, queue.Count);
        }
    }
}
