using RetroWalk.Core.Status;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// One advertisement as built for the stack (<see cref="Sections"/>) and as a scanner receives it
    /// (<see cref="Advertisement"/> and <see cref="ScanResponse"/>). Buffers are allocated once; <see cref="Build"/>
    /// refills them.
    /// </summary>
    public sealed class AdvertisementFrames
    {
        public readonly byte[] Sections = new byte[AdvertisementCodec.MaxSectionsLength];
        public readonly byte[] Advertisement = new byte[AdvertisementCodec.MaxLegacyLength];
        public readonly byte[] ScanResponse = new byte[AdvertisementCodec.MaxLegacyLength];
        public int SectionsLength;
        public int AdvertisementLength;
        public int ScanResponseLength;

        /// <summary>AD structures that fitted in neither payload (the stack drops them silently); 0 by design.</summary>
        public int Dropped;

        /// <summary>BTHome packet id of the last build (advanced only when the BTHome content changed).</summary>
        public byte PacketId { get { return _packetId.Current; } }

        private readonly BtHomePacketId _packetId = new BtHomePacketId();

        public void Build(TrackerStatus status, bool btHome, string name)
        {
            int btHomeAt;
            SectionsLength = AdvertisementCodec.EncodeSections(status, btHome, name, Sections, 0, out btHomeAt);
            if (btHomeAt >= 0)
            {
                int length = BtHomeCodec.LengthOf(status);
                _packetId.Stamp(Sections, btHomeAt, length, btHomeAt + BtHomeCodec.PacketIdAt);
            }

            Dropped = AdvertisementCodec.Pack(Sections, 0, SectionsLength,
                Advertisement, out AdvertisementLength, ScanResponse, out ScanResponseLength);
        }
    }
}
