using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;
using RetroWalk.Core.Sensors;

namespace RetroWalk.Core.Recording
{
    /// <summary>
    /// Recording mode in the device loop without changing it: wraps the sensor FIFO the loop reads, and while
    /// <see cref="RecordingControl"/> says recording is on, packs every batch the loop takes into Raw Samples
    /// notifications. The loop, and with it counting, alarms and saving, sees exactly the samples it would without the
    /// tap. Samples the sensor itself lost (an <see cref="Mpu6050Fifo"/> overflow, resync or re-initialisation) are
    /// flagged in the next packet.
    /// </summary>
    public sealed class RawSampleTap : ISampleFifo
    {
        private readonly ISampleFifo _inner;
        private readonly Mpu6050Fifo _sensor;
        private readonly RecordingControl _control;
        private readonly RawSamplePacker _packer;
        private int _generation = -1;
        private int _lossMark;

        /// <param name="sink">Where packets go, or null until <see cref="Sink"/> is set.</param>
        public RawSampleTap(ISampleFifo inner, RecordingControl control, IRawPacketSink sink)
        {
            _inner = inner;
            _sensor = inner as Mpu6050Fifo;
            _control = control;
            _packer = new RawSamplePacker(sink);
        }

        public RawSamplePacker Packer
        {
            get { return _packer; }
        }

        /// <summary>Where the Raw Samples packets go (the BLE adapter, attached after the loop is built).</summary>
        public IRawPacketSink Sink
        {
            get { return _packer.Sink; }
            set { _packer.Sink = value; }
        }

        public int ReadSamples(short[] dest, int maxSamples)
        {
            int n = _inner.ReadSamples(dest, maxSamples);
            int generation;
            int samplesPerPacket;
            bool on = _control.Read(out generation, out samplesPerPacket);
            if (on && (!_packer.Active || generation != _generation))
            {
                _packer.End();
                _packer.Begin(samplesPerPacket);
                _generation = generation;
                _lossMark = SensorLosses();
            }
            else if (!on && _packer.Active)
            {
                _packer.End();
            }

            if (_packer.Active)
            {
                int losses = SensorLosses();
                if (losses != _lossMark)
                {
                    _lossMark = losses;
                    _packer.MarkSensorGap();
                }

                if (n > 0)
                {
                    _packer.Add(dest, n);
                }
            }

            return n;
        }

        private int SensorLosses()
        {
            return _sensor == null ? 0 : _sensor.ResyncCount + _sensor.ReinitCount;
        }
    }
}
