namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The BTHome packet id (object 0x00), advanced once per new advertisement content and never otherwise.
    /// Home Assistant's parser (bthome-ble, parser.py _skip_old_or_duplicated_advertisement) drops a packet whose id
    /// equals the last one, or moved forward by 64 or more (mod 256), when it arrives within 4 s of the last accepted
    /// packet; it also drops repeats of the same id as duplicates. So the id must change when and only when the
    /// content changes: a changed value under an unchanged id would be dropped, and an id that jumps by the number of
    /// status publications in between (68-118 before this) is taken for an old packet.
    /// </summary>
    public sealed class BtHomePacketId
    {
        /// <summary>Longest service data compared (the tracker's is 24 bytes).</summary>
        public const int MaxContentLength = 31;

        private readonly byte[] _last = new byte[MaxContentLength];
        private int _lastLength = -1;
        private byte _id;

        /// <summary>The id the last stamped content carries.</summary>
        public byte Current { get { return _id; } }

        /// <summary>
        /// Writes the packet id into <paramref name="data"/> at <paramref name="idAt"/> (an offset inside
        /// data[offset .. offset+length)): the previous id when the rest of the content is unchanged, else the next
        /// one. Returns true when the content was new.
        /// </summary>
        public bool Stamp(byte[] data, int offset, int length, int idAt)
        {
            if (length > MaxContentLength || idAt < offset || idAt >= offset + length)
            {
                return false;
            }

            data[idAt] = 0;
            bool changed = length != _lastLength;
            for (int i = 0; !changed && i < length; i++)
            {
                changed = _last[i] != data[offset + i];
            }

            if (changed)
            {
                if (_lastLength >= 0)
                {
                    _id++;
                }

                System.Array.Copy(data, offset, _last, 0, length);
                _lastLength = length;
            }

            data[idAt] = _id;
            return changed;
        }
    }
}
