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
        private static short[] Buffer()
        {
            return new short[85 * 6];
        }

        [TestMethod]
        public void TheLoopSeesTheSameSamplesWhetherRecordingOrNot()
        {
            CountingFifo fifo = new CountingFifo();
            RecordingControl control = new RecordingControl();
            PacketLog log = new PacketLog();
            RawSampleTap tap = new RawSampleTap(fifo, control, log);
            short[] dest = Buffer();
            Assert.AreEqual(10, tap.ReadSamples(dest, 85));
            Assert.AreEqual(0, log.Count, "nothing is sent while recording is off");
            control.Apply(ControlOp.StartRecording, true, 244);
            Assert.AreEqual(10, tap.ReadSamples(dest, 85));
            Assert.AreEqual((short)10, dest[0], "the loop gets sample 10 as it would have anyway");
            Assert.AreEqual((short)19, dest[9 * 6]);
        }

        [TestMethod]
        public void PacketsAreFullExceptTheLastAndTheSequenceCountsSamples()
        {
            CountingFifo fifo = new CountingFifo();
            RecordingControl control = new RecordingControl();
            PacketLog log = new PacketLog();
            RawSampleTap tap = new RawSampleTap(fifo, control, log);
            short[] dest = Buffer();
            control.Apply(ControlOp.StartRecording, true, 244);
            for (int i = 0; i < 5; i++)
            {
                tap.ReadSamples(dest, 85);
            }

            control.Apply(ControlOp.StopRecording, true, 244);
            tap.ReadSamples(dest, 85);
            Assert.AreEqual(3, log.Count, "50 samples: 20 + 20 + the last 10");
            int expectedSequence = 0;
            for (int p = 0; p < log.Count; p++)
            {
                byte[] packet = log.Packets[p];
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

            Assert.AreEqual(50L, tap.Packer.SamplesPacked);
            Assert.IsFalse(tap.Packer.Active);
            tap.ReadSamples(dest, 85);
            Assert.AreEqual(3, log.Count, "nothing after the End packet");
        }

        [TestMethod]
        public void AStopWithNothingPackedSendsAnEmptyEndPacket()
        {
            CountingFifo fifo = new CountingFifo();
            fifo.BatchSamples = 20;
            RecordingControl control = new RecordingControl();
            PacketLog log = new PacketLog();
            RawSampleTap tap = new RawSampleTap(fifo, control, log);
            short[] dest = Buffer();
            control.Apply(ControlOp.StartRecording, true, 244);
            tap.ReadSamples(dest, 85);
            control.LinkDropped();
            tap.ReadSamples(dest, 85);
            Assert.AreEqual(2, log.Count);
            CollectionAssert.AreEqual(BleBytes.Hex("1400 04"), log.Packets[1], "sequence 20, End, no samples");
        }

        [TestMethod]
        public void ALostPacketLeavesAGapOfExactlyItsSamples()
        {
            CountingFifo fifo = new CountingFifo();
            RecordingControl control = new RecordingControl();
            PacketLog log = new PacketLog();
            log.RefuseFrom = 3;
            log.RefuseCount = 2;
            RawSampleTap tap = new RawSampleTap(fifo, control, log);
            short[] dest = Buffer();
            control.Apply(ControlOp.StartRecording, true, 20);
            tap.ReadSamples(dest, 85);
            Assert.AreEqual(8, log.Count, "10 one-sample packets offered, 2 refused");
            Assert.AreEqual(2, tap.Packer.PacketsLost);
            int previous = -1;
            int missing = 0;
            for (int p = 0; p < log.Count; p++)
            {
                int sequence;
                byte flags;
                int samples;
                RawSamplesCodec.DecodePacket(log.Packets[p], 0, log.Packets[p].Length, out sequence, out flags, out samples);
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
            CountingFifo fifo = new CountingFifo();
            RecordingControl control = new RecordingControl();
            PacketLog log = new PacketLog();
            RawSampleTap tap = new RawSampleTap(fifo, control, log);
            short[] dest = Buffer();
            control.Apply(ControlOp.StartRecording, true, 244);
            tap.ReadSamples(dest, 85);
            control.Stop();
            control.Apply(ControlOp.StartRecording, true, 244);
            tap.ReadSamples(dest, 85);
            control.Stop();
            tap.ReadSamples(dest, 85);
            Assert.AreEqual(2, log.Count, "the first recording ends when the second starts");
            CollectionAssert.AreEqual(BleBytes.Hex("0000 05"), Slice(log.Packets[0], 3), "start and end of the first");
            CollectionAssert.AreEqual(BleBytes.Hex("0000 05"), Slice(log.Packets[1], 3), "the second starts at 0 again");
            Assert.AreEqual((short)10, RawSamplesCodec.GetCount(log.Packets[1], 0, 0, 0));
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
