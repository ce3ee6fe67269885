using RetroWalk.Core.Ble;
using RetroWalk.Core.Diagnostics;

namespace RetroWalk.Core.Recording
{
    /// <summary>
    /// Packs raw samples into Raw Samples notifications (<see cref="RawSamplesCodec"/>) without allocating: a packet goes
    /// to the sink as soon as it is full, the last one (flagged End, possibly empty) when the recording ends. A packet the
    /// sink could not send still advances the sequence, so the phone sees exactly how many samples it lost.
    /// </summary>
    public sealed class RawSamplePacker
    {
        /// <summary>Samples in the largest notification (payload 244: 20 samples).</summary>
        public static readonly int MaxSamplesPerPacket = RawSamplesCodec.SamplesPerPacket(HistoryCodec.MaxPayloadLength);

        private readonly byte[] _packet = new byte[HistoryCodec.MaxPayloadLength];
        private IRawPacketSink _sink;
        private int _perPacket = 1;
        private int _filled;
        private int _at = RawSamplesCodec.HeaderLength;
        private int _sequence;
        private byte _flags;

        /// <param name="sink">Where packets go; null until <see cref="Sink"/> is set (packets are then lost).</param>
        public RawSamplePacker(IRawPacketSink sink)
        {
            _sink = sink;
        }

        /// <summary>Where packets go (set once BLE is up: the device builds the loop, and so the tap, first).</summary>
        public IRawPacketSink Sink
        {
            get { return _sink; }
            set { _sink = value; }
        }

        public bool Active { get; private set; }

        /// <summary>Samples packed in this recording (sent or not).</summary>
        public long SamplesPacked { get; private set; }

        public int PacketsSent { get; private set; }

        /// <summary>Packets the sink refused (their samples are the gaps the phone sees).</summary>
        public int PacketsLost { get; private set; }

        public int SamplesPerPacket
        {
            get { return _perPacket; }
        }

        /// <summary>Starts a recording: sequence 0, the first packet flagged Start.</summary>
        public void Begin(int samplesPerPacket)
        {
            _perPacket = samplesPerPacket < 1 ? 1 : samplesPerPacket > MaxSamplesPerPacket ? MaxSamplesPerPacket : samplesPerPacket;
            _filled = 0;
            _at = RawSamplesCodec.HeaderLength;
            _sequence = 0;
            _flags = RawSamplesCodec.FlagStart;
            SamplesPacked = 0;
            PacketsSent = 0;
            PacketsLost = 0;
            Active = true;
        }

        /// <summary>The sensor lost samples here: what is packed goes out, and the next packet is flagged SensorGap.</summary>
        public void MarkSensorGap()
        {
            if (!Active)
            {
                return;
            }

            if (_filled > 0)
            {
                Send(0);
            }

            _flags |= RawSamplesCodec.FlagSensorGap;
        }

        /// <summary>Packs <paramref name="count"/> samples (6 shorts each, as <see cref="Device.ISampleFifo"/> delivers them).</summary>
        /// <remarks>Unrolled, the packet position in locals: ~165 IL instructions executed a sample at 20 a packet (~285 at
        /// 1 a packet, the default MTU: each packet is a send), measured with the host IL counter; ~270 rolled up.</remarks>
        [PerSample]
        public void Add(short[] samples, int count)
        {
            if (!Active)
            {
                return;
            }

            byte[] p = _packet;
            int at = _at;
            int filled = _filled;
            int perPacket = _perPacket;
            int end = count * 6;
            for (int o = 0; o < end; o += 6)
            {
                int v = samples[o];
                p[at] = (byte)v;
                p[at + 1] = (byte)(v >> 8);
                v = samples[o + 1];
                p[at + 2] = (byte)v;
                p[at + 3] = (byte)(v >> 8);
                v = samples[o + 2];
                p[at + 4] = (byte)v;
                p[at + 5] = (byte)(v >> 8);
                v = samples[o + 3];
                p[at + 6] = (byte)v;
                p[at + 7] = (byte)(v >> 8);
                v = samples[o + 4];
                p[at + 8] = (byte)v;
                p[at + 9] = (byte)(v >> 8);
                v = samples[o + 5];
                p[at + 10] = (byte)v;
                p[at + 11] = (byte)(v >> 8);
                at += RawSamplesCodec.SampleLength;
                if (++filled == perPacket)
                {
                    _at = at;
                    _filled = filled;
                    Send(0);
                    at = RawSamplesCodec.HeaderLength;
                    filled = 0;
                }
            }

            _at = at;
            _filled = filled;
        }

        /// <summary>Ends the recording: the samples still packed go out in a packet flagged End (an empty one if none are).</summary>
        public void End()
        {
            if (!Active)
            {
                return;
            }

            Send(RawSamplesCodec.FlagEnd);
            Active = false;
        }

        private void Send(byte extraFlags)
        {
            RawSamplesCodec.EncodeHeader(_sequence & 0xFFFF, (byte)(_flags | extraFlags), _packet, 0);
            IRawPacketSink sink = _sink;
            if (sink != null && sink.SendRawPacket(_packet, _at))
            {
                PacketsSent++;
            }
            else
            {
                PacketsLost++;
            }

            _sequence += _filled;
            SamplesPacked += _filled;
            _filled = 0;
            _at = RawSamplesCodec.HeaderLength;
            _flags = 0;
        }
    }
}
