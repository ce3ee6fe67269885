#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;
using RetroWalk.Core.Recording;
using RetroWalk.Tests.Ble;

namespace RetroWalk.Tests.RecordingMode
{
    [TestClass]
    public class RawSampleTapTests
    {
        [TestMethod]
        public void TheLoopSeesTheSameSamplesWhetherRecordingOrNot()
        {
            TapRig rig = new TapRig();
            Assert.AreEqual(10, rig.Read());
            Assert.AreEqual(0, rig.Log.Count, "nothing is sent while recording is off");
            rig.Start(244);
            Assert.AreEqual(10, rig.Read());
            Assert.AreEqual((short)10, rig.Dest[0], "the loop gets sample 10 as it would have anyway");
            Assert.AreEqual((short)19, rig.Dest[9 * 6]);
        }

        [TestMethod]
        public void PacketsAreFullExceptTheLastAndTheSequenceCountsSamples()
        {
            TapRig rig = new TapRig();
            rig.Start(244);
            for (int i = 0; i < 5; i++)
            {
                rig.Read();
            }

            rig.Control.Apply(ControlOp.StopRecording, true, 244);
            rig.Read();
            Assert.AreEqual(3, rig.Log.Count, "50 samples: 20 + 20 + the last 10");
            int expectedSequence = 0;
            for (int p = 0; p < rig.Log.Count; p++)
            {
                byte[] packet = rig.Log.Packets[p];
                int sequence;
                byte flags;
                int samples;
                Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodePacket(packet, 0, packet.Length, out sequence, out flags, out samples));
                Assert.AreEqual(expectedSequence, sequence);
                Assert.AreEqual(p == 0, (flags & RawSamplesCodec.FlagStart) != 0, "Start on the first packet only");
                Assert.AreEqual(p == 2, (flags & RawSamplesCodec.FlagEnd) != 0, "End on the last packet only");
                Assert.AreEqual(p == 2 ? 10 : 20, samples);
                for (int s = 0; s < samples; s++)
                {
                    for (int axis = 0; axis < 6; axis++)
                    {
                        Assert.AreEqual(CountingFifo.Expected(sequence + s, axis), RawSamplesCodec.GetCount(packet, 0, s, axis));
                    }
                }

                expectedSequence += samples;
            }

            Assert.AreEqual(50L, rig.Tap.Packer.SamplesPacked);
            Assert.IsFalse(rig.Tap.Packer.Active);
            rig.Read();
            Assert.AreEqual(3, rig.Log.Count, "nothing after the End packet");
        }

        [TestMethod]
        public void AStopWithNothingPackedSendsAnEmptyEndPacket()
        {
            TapRig rig = new TapRig();
            rig.Fifo.BatchSamples = 20;
            rig.Start(244);
            rig.Read();
            rig.Control.LinkDropped();
            rig.Read();
            Assert.AreEqual(2, rig.Log.Count);
            CollectionAssert.AreEqual(BleBytes.Hex("1400 04"), rig.Log.Packets[1], "sequence 20, End, no samples");
        }

        [TestMethod]
        public void ALostPacketLeavesAGapOfExactlyItsSamples()
        {
            TapRig rig = new TapRig();
            rig.Log.RefuseFrom = 3;
            rig.Log.RefuseCount = 2;
            rig.Start(20);
            rig.Read();
            Assert.AreEqual(8, rig.Log.Count, "10 one-sample packets offered, 2 refused");
            Assert.AreEqual(2, rig.Tap.Packer.PacketsLost);
            int previous = -1;
            int missing = 0;
            for (int p = 0; p < rig.Log.Count; p++)
            {
                int sequence;
                byte flags;
                int samples;
                RawSamplesCodec.DecodePacket(rig.Log.Packets[p], 0, rig.Log.Packets[p].Length, out sequence, out flags, out samples);
                if (previous >= 0)
                {
                    missing += RawSamplesCodec.MissingBetween(previous, 1, sequence);
                }

                previous = sequence;
            }

            Assert.AreEqual(2, missing);
        }

        [TestMethod]
        public void ANewStartRestartsTheSequence()
        {
            TapRig rig = new TapRig();
            rig.Start(244);
            rig.Read();
            rig.Control.Stop();
            rig.Start(244);
            rig.Read();
            rig.Control.Stop();
            rig.Read();
            Assert.AreEqual(2, rig.Log.Count, "the first recording ends when the second starts");
            CollectionAssert.AreEqual(BleBytes.Hex("0000 05"), Slice(rig.Log.Packets[0], 3), "start and end of the first");
            CollectionAssert.AreEqual(BleBytes.Hex("0000 05"), Slice(rig.Log.Packets[1], 3), "the second starts at 0 again");
            Assert.AreEqual((short)10, RawSamplesCodec.GetCount(rig.Log.Packets[1], 0, 0, 0));
        }

        [TestMethod]
        public void SamplesTheSensorLostAreFlaggedInTheNextPacket()
        {
            PacketLog log = new PacketLog();
            RawSamplePacker packer = new RawSamplePacker(log);
            packer.Begin(4);
            short[] samples = new short[6 * 3];
            packer.Add(samples, 3);
            packer.MarkSensorGap();
            packer.Add(samples, 3);
            packer.End();
            Assert.AreEqual(2, log.Count);
            Assert.AreEqual(RawSamplesCodec.FlagStart, log.Packets[0][2], "the samples before the loss go out at once");
            Assert.AreEqual(RawSamplesCodec.PacketLength(3), log.Packets[0].Length);
            Assert.AreEqual((byte)(RawSamplesCodec.FlagSensorGap | RawSamplesCodec.FlagEnd), log.Packets[1][2]);
            Assert.AreEqual(3, (int)log.Packets[1][0]);
        }

        private static byte[] Slice(byte[] source, int length)
        {
            byte[] result = new byte[length];
            for (int i = 0; i < length; i++)
            {
                result[i] = source[i];
            }

            return result;
        }
    }
}
