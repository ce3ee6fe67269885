using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Recording;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>
    /// Recording mode on the whole emulated device (the loop reads the register-level MPU-6050 through the
    /// RawSampleTap, as Program.cs wires it): counting and alarms are those of a device not recording, the packets carry
    /// exactly the samples the loop processed, and a FIFO overflow shows as a sensor gap.
    /// </summary>
    [TestClass]
    public class RecordingModeDeviceTests
    {
        private sealed class Packets : IRawPacketSink
        {
            public readonly List<byte[]> Sent = new();

            public bool SendRawPacket(byte[] packet, int length)
            {
                Sent.Add(packet[..length]);
                return true;
            }
        }

        private static (EmulatedDevice Device, RawSampleTap Tap) Recording(RawSample[] samples, RecordingControl control, Packets sink)
        {
            RawSampleTap tap = null;
            var device = new EmulatedDevice(samples, wrapFifo: fifo => tap = new RawSampleTap(fifo, control, sink));
            return (device, tap);
        }

        private static List<RawSample> Unpack(IEnumerable<byte[]> packets, out int sensorGaps, out int missing)
        {
            var samples = new List<RawSample>();
            sensorGaps = 0;
            missing = 0;
            int expected = 0;
            foreach (var p in packets)
            {
                Assert.AreEqual(CodecStatus.Ok, RawSamplesCodec.DecodePacket(p, 0, p.Length, out int sequence, out byte flags, out int count));
                missing += RawSamplesCodec.MissingBetween(expected, 0, sequence);
                sensorGaps += (flags & RawSamplesCodec.FlagSensorGap) != 0 ? 1 : 0;
                for (int i = 0; i < count; i++)
                {
                    samples.Add(new RawSample(RawSamplesCodec.GetCount(p, 0, i, 0), RawSamplesCodec.GetCount(p, 0, i, 1), RawSamplesCodec.GetCount(p, 0, i, 2),
                        RawSamplesCodec.GetCount(p, 0, i, 3), RawSamplesCodec.GetCount(p, 0, i, 4), RawSamplesCodec.GetCount(p, 0, i, 5)));
                }
                expected = (sequence + count) & 0xFFFF;
            }
            return samples;
        }

        [TestMethod]
        public void CountingAndAlarmsAreThoseOfADeviceNotRecording()
        {
            var session = SessionSynthesizer.Generate("short", seed: 2);
            var plain = new EmulatedDevice(session.Samples);
            plain.RunToEnd();

            var control = new RecordingControl();
            var sink = new Packets();
            var (device, tap) = Recording(session.Samples, control, sink);
            Assert.AreEqual(ControlStatus.Ok, control.Apply(ControlOp.StartRecording, true, HistoryCodec.PayloadLengthForMtu(185)));
            device.RunToEnd();
            long processed = device.Loop.SamplesProcessed;
            control.Stop();
            device.Step();

            Assert.AreEqual(plain.Loop.Tracker.ForwardSteps, device.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(plain.Loop.Tracker.BackwardSteps, device.Loop.Tracker.BackwardSteps);
            Assert.IsTrue(device.Loop.Tracker.BackwardSteps > 10, "the short session walks backward too");
            CollectionAssert.AreEqual(plain.AlarmOutput.Changes, device.AlarmOutput.Changes, "the buzzer and LED did the same");
            Assert.AreEqual(plain.Store.Writes, device.Store.Writes, "and so did saving");
            CollectionAssert.AreEqual(plain.Store.Slot(0), device.Store.Slot(0), "the same state saved");

            var recorded = Unpack(sink.Sent, out int sensorGaps, out int missing);
            Assert.AreEqual(processed, recorded.Count, "every sample the loop processed was recorded");
            Assert.AreEqual(0, sensorGaps + missing);
            Assert.IsTrue(sink.Sent.Take(sink.Sent.Count - 1).All(p => p.Length == RawSamplesCodec.PacketLength(14)), "every packet but the last is full: 14 samples at MTU 185");
            Assert.AreEqual(RawSamplesCodec.FlagEnd, (byte)(sink.Sent[^1][2] & RawSamplesCodec.FlagEnd));
        }

        [TestMethod]
        public void AFifoOverflowIsASensorGapInTheRecording()
        {
            var session = SessionSynthesizer.Generate("short", seed: 2);
            var control = new RecordingControl();
            var sink = new Packets();
            var (device, tap) = Recording(session.Samples, control, sink);
            control.Apply(ControlOp.StartRecording, true, HistoryCodec.PayloadLengthForMtu(247));
            device.RunFor(3000);
            device.Stall(2000); // longer than the 850 ms the FIFO holds
            device.RunFor(3000);
            long processed = device.Loop.SamplesProcessed;
            control.Stop();
            device.Step(); // its samples come after the stop: counted, not recorded

            Assert.IsTrue(device.Driver.OverflowCount > 0, "the stall overflowed the FIFO");
            var recorded = Unpack(sink.Sent, out int sensorGaps, out int missing);
            Assert.AreEqual(1, sensorGaps, "one sensor gap flagged");
            Assert.AreEqual(0, missing, "no notification was lost");
            Assert.AreEqual(processed, recorded.Count, "every sample the loop processed while recording");
        }
    }
}
