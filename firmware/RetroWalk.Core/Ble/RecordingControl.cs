using System.Threading;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Decides whether recording mode is on (docs/ble.md, "Raw Samples"). The BLE side starts and stops it (Control Point
    /// ops 0x11 and 0x12) and tells it when the phone unsubscribes or the link drops, which stops it by itself: raw
    /// samples are for the phone that asked for them, and nothing is kept on the device. Counting, alarms and saving do
    /// not depend on it. The device loop's RawSampleTap (Core.Recording) reads it once per FIFO batch. Thread-safe.
    /// </summary>
    public sealed class RecordingControl
    {
        private readonly object _lock = new object();
        private bool _on;
        private int _samplesPerPacket;
        private int _generation;

        public bool IsOn
        {
            get
            {
                Monitor.Enter(_lock);
                try
                {
                    return _on;
                }
                finally
                {
                    Monitor.Exit(_lock);
                }
            }
        }

        /// <summary>
        /// Applies a recording op from the Control Point and returns the <see cref="ControlStatus"/> to answer with.
        /// Start needs the phone subscribed to Raw Samples (else <see cref="ControlStatus.Failed"/>, as History);
        /// a start while recording changes nothing. Stop always succeeds. The packet holds as many samples as a
        /// notification payload of <paramref name="payloadLength"/> bytes (ATT_MTU − 3) allows.
        /// </summary>
        public byte Apply(byte op, bool subscribed, int payloadLength)
        {
            if (op == ControlOp.StopRecording)
            {
                Stop();
                return ControlStatus.Ok;
            }

            if (op != ControlOp.StartRecording)
            {
                return ControlStatus.Unsupported;
            }

            if (!subscribed)
            {
                return ControlStatus.Failed;
            }

            Monitor.Enter(_lock);
            try
            {
                if (!_on)
                {
                    _on = true;
                    _generation++;
                    int payload = payloadLength > HistoryCodec.MaxPayloadLength ? HistoryCodec.MaxPayloadLength : payloadLength;
                    _samplesPerPacket = RawSamplesCodec.SamplesPerPacket(payload);
                }

                return ControlStatus.Ok;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        public void Stop()
        {
            Monitor.Enter(_lock);
            try
            {
                _on = false;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        /// <summary>The link dropped: recording stops (the next connection starts afresh).</summary>
        public void LinkDropped()
        {
            Stop();
        }

        /// <summary>The phone unsubscribed from Raw Samples: nobody would receive them, so recording stops.</summary>
        public void Unsubscribed()
        {
            Stop();
        }

        /// <summary>For the loop: whether recording is on, which recording (a new start is a new one) and the samples per packet.</summary>
        public bool Read(out int generation, out int samplesPerPacket)
        {
            Monitor.Enter(_lock);
            try
            {
                generation = _generation;
                samplesPerPacket = _samplesPerPacket;
                return _on;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }
    }
}
