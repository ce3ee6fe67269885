using RetroWalk.Core.Recording;

namespace RetroWalk.Tests.RecordingMode
{
    /// <summary>A Raw Samples sink for the tests: keeps copies of the packets it accepted, and refuses the ones it is told to.</summary>
    public sealed class PacketLog : IRawPacketSink
    {
        public byte[][] Packets = new byte[256][];
        public int Count;

        /// <summary>Index of the packet (counting every offer, refused or not) from which <see cref="RefuseCount"/> are refused.</summary>
        public int RefuseFrom = -1;
        public int RefuseCount;
        public int Offered;

        public bool SendRawPacket(byte[] packet, int length)
        {
            int index = Offered++;
            if (RefuseFrom >= 0 && index >= RefuseFrom && index < RefuseFrom + RefuseCount)
            {
                return false;
            }

            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = packet[i];
            }

            Packets[Count++] = copy;
            return true;
        }
    }
}
