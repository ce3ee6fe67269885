#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;

namespace RetroWalk.Tests.Loop
{
    [TestClass]
    public class CommandQueueTests
    {
        private const uint May2026 = 1777636800;

        [TestMethod]
        public void OnlyTheOpsTheLoopAppliesAreAccepted()
        {
            Assert.AreEqual(ControlStatus.Ok, CommandQueue.Check(ControlOp.ResetCounts, 0));
            Assert.AreEqual(ControlStatus.Ok, CommandQueue.Check(ControlOp.AcknowledgeAlarm, 0));
            Assert.AreEqual(ControlStatus.Ok, CommandQueue.Check(ControlOp.Identify, 0));
            Assert.AreEqual(ControlStatus.Ok, CommandQueue.Check(ControlOp.RecaptureUpright, 0));
            Assert.AreEqual(ControlStatus.Ok, CommandQueue.Check(ControlOp.SetCurrentTime, May2026));
            Assert.AreEqual(ControlStatus.BadParameter, CommandQueue.Check(ControlOp.SetCurrentTime, (uint)(WallClock.MinValidUtcS - 1)));
            Assert.AreEqual(ControlStatus.Unsupported, CommandQueue.Check(ControlOp.RequestHistory, 0), "served by the BLE side");
            Assert.AreEqual(ControlStatus.Unsupported, CommandQueue.Check(ControlOp.StartRecording, 0));
            Assert.AreEqual(ControlStatus.Unsupported, CommandQueue.Check(0x99, 0));

            CommandQueue q = new CommandQueue();
            Assert.AreEqual(ControlStatus.BadParameter, q.Submit(ControlOp.SetCurrentTime, 1000));
            Assert.AreEqual(ControlStatus.Unsupported, q.Submit(0x99, 0));
            Assert.AreEqual(0, q.Count, "a refused command is not queued");
        }

        [TestMethod]
        public void CommandsComeOutOldestFirstWithTheirArguments()
        {
            CommandQueue q = new CommandQueue();
            byte op;
            uint argument;
            Assert.IsFalse(q.TryTake(out op, out argument), "empty");
            Assert.AreEqual(ControlStatus.Ok, q.Submit(ControlOp.Identify, 0));
            Assert.AreEqual(ControlStatus.Ok, q.Submit(ControlOp.SetCurrentTime, May2026));
            Assert.AreEqual(ControlStatus.Ok, q.Submit(ControlOp.ResetCounts, 0));
            Assert.AreEqual(3, q.Count);

            Assert.IsTrue(q.TryTake(out op, out argument));
            Assert.AreEqual(ControlOp.Identify, op);
            Assert.IsTrue(q.TryTake(out op, out argument));
            Assert.AreEqual(ControlOp.SetCurrentTime, op);
            Assert.AreEqual(May2026, argument);
            Assert.IsTrue(q.TryTake(out op, out argument));
            Assert.AreEqual(ControlOp.ResetCounts, op);
            Assert.IsFalse(q.TryTake(out op, out argument));
        }

        [TestMethod]
        public void AFullQueueRefusesAndFreesASlotPerTake()
        {
            CommandQueue q = new CommandQueue();
            for (int i = 0; i < CommandQueue.Length; i++)
            {
                Assert.AreEqual(ControlStatus.Ok, q.Submit(ControlOp.SetCurrentTime, May2026 + (uint)i));
            }

            Assert.AreEqual(ControlStatus.Failed, q.Submit(ControlOp.Identify, 0), "queue full");
            byte op;
            uint argument;
            Assert.IsTrue(q.TryTake(out op, out argument));
            Assert.AreEqual(May2026, argument);
            Assert.AreEqual(ControlStatus.Ok, q.Submit(ControlOp.SetCurrentTime, May2026 + 100));
            Assert.AreEqual(ControlStatus.Failed, q.Submit(ControlOp.Identify, 0));
        }

        [TestMethod]
        public void TheRingKeepsOrderAcrossManyWrapArounds()
        {
            CommandQueue q = new CommandQueue();
            uint next = 0;
            uint taken = 0;
            byte op;
            uint argument;
            for (int round = 0; round < 50; round++)
            {
                // Fill by a varying amount, then take all but one: the ring's start moves every round.
                int put = 1 + round % CommandQueue.Length;
                while (put-- > 0 && q.Count < CommandQueue.Length)
                {
                    Assert.AreEqual(ControlStatus.Ok, q.Submit(ControlOp.SetCurrentTime, May2026 + next++));
                }

                while (q.Count > 1)
                {
                    Assert.IsTrue(q.TryTake(out op, out argument));
                    Assert.AreEqual(May2026 + taken++, argument);
                }
            }

            while (q.TryTake(out op, out argument))
            {
                Assert.AreEqual(May2026 + taken++, argument);
            }

            Assert.AreEqual(next, taken, "every command came out once");
        }
    }
}
