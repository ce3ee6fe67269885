#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Recording;

namespace RetroWalk.Tests.RecordingMode
{
    [TestClass]
    public class RecordingControlTests
    {
        [TestMethod]
        public void StartNeedsTheRawSamplesSubscription()
        {
            RecordingControl control = new RecordingControl();
            Assert.AreEqual(ControlStatus.Failed, control.Apply(ControlOp.StartRecording, false, 20));
            Assert.IsFalse(control.IsOn);
            Assert.AreEqual(ControlStatus.Ok, control.Apply(ControlOp.StartRecording, true, 20));
            Assert.IsTrue(control.IsOn);
            int generation;
            int perPacket;
            Assert.IsTrue(control.Read(out generation, out perPacket));
            Assert.AreEqual(1, perPacket, "one sample per packet at the default MTU");
        }

        [TestMethod]
        public void AStartWhileRecordingKeepsTheRecording()
        {
            RecordingControl control = new RecordingControl();
            control.Apply(ControlOp.StartRecording, true, 244);
            int first;
            int perPacket;
            control.Read(out first, out perPacket);
            Assert.AreEqual(20, perPacket);
            Assert.AreEqual(ControlStatus.Ok, control.Apply(ControlOp.StartRecording, true, 20));
            int again;
            control.Read(out again, out perPacket);
            Assert.AreEqual(first, again);
            Assert.AreEqual(20, perPacket, "the packet size stays that of the recording's start");
        }

        [TestMethod]
        public void StopUnsubscribeAndALinkDropEachEndTheRecording()
        {
            RecordingControl control = new RecordingControl();
            Assert.AreEqual(ControlStatus.Ok, control.Apply(ControlOp.StopRecording, false, 20), "stop always succeeds");
            control.Apply(ControlOp.StartRecording, true, 20);
            control.Apply(ControlOp.StopRecording, true, 20);
            Assert.IsFalse(control.IsOn);

            control.Apply(ControlOp.StartRecording, true, 20);
            control.Unsubscribed();
            Assert.IsFalse(control.IsOn);

            control.Apply(ControlOp.StartRecording, true, 20);
            control.LinkDropped();
            Assert.IsFalse(control.IsOn);

            int before;
            int perPacket;
            control.Read(out before, out perPacket);
            control.Apply(ControlOp.StartRecording, true, 20);
            int after;
            control.Read(out after, out perPacket);
            Assert.AreNotEqual(before, after, "a start after a stop is a new recording");
        }

        [TestMethod]
        public void OtherOpsAreNotRecordingOps()
        {
            Assert.AreEqual(ControlStatus.Unsupported, new RecordingControl().Apply(ControlOp.Identify, true, 20));
        }
    }
}
