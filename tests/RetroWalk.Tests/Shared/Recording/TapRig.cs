using RetroWalk.Core.Ble;
using RetroWalk.Core.Recording;

namespace RetroWalk.Tests.RecordingMode
{
    /// <summary>A RawSampleTap on a CountingFifo with a PacketLog behind it, as the device loop would read it.</summary>
    public sealed class TapRig
    {
        public readonly CountingFifo Fifo = new CountingFifo();
        public readonly RecordingControl Control = new RecordingControl();
        public readonly PacketLog Log = new PacketLog();
        public readonly RawSampleTap Tap;

        /// <summary>The loop's sample buffer: one whole FIFO.</summary>
        public readonly short[] Dest = new short[85 * 6];

        public TapRig()
        {
            Tap = new RawSampleTap(Fifo, Control, Log);
        }

        /// <summary>One FIFO read, as the loop does it; returns the samples read.</summary>
        public int Read()
        {
            return Tap.ReadSamples(Dest, 85);
        }

        public void Start(int payloadLength)
        {
            Control.Apply(ControlOp.StartRecording, true, payloadLength);
        }
    }
}
