using RetroWalk.Core.Config;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Dsp;

namespace RetroWalk.Core.Motion
{
    /// <summary>
    /// Body-frame view of the raw accelerometer that does not depend on how the clip is rotated: tracks gravity
    /// (a slow moving average of the acceleration), gives the vertical dynamic acceleration per sample, and holds the
    /// horizontal forward axis — from the mounting configuration, or estimated from walking when it is unknown.
    /// Normalisation (one integer square root) runs every <see cref="RefreshSamples"/> samples, not per sample.
    /// </summary>
    public sealed class MotionFrame
    {
        /// <summary>Gravity is averaged over about a second: long against a step, short against posture changes.</summary>
        public const int GravityTimeConstantMs = 1280;

        /// <summary>How often the unit vectors are renormalised.</summary>
        public const int RefreshSamples = 16;

        private readonly int _gravityShift;
        private readonly MountAxis _mountAxis;
        private int _gxSum;
        private int _gySum;
        private int _gzSum;
        private int _sinceRefresh;
        private readonly int _warmupLength;
        private int _warmupSamples;
        private long _warmX;
        private long _warmY;
        private long _warmZ;

        // Outputs, read by the detectors after Update (fields rather than properties: the interpreter pays per call).
        /// <summary>Gravity estimate in counts (device frame).</summary>
        public int GravityX;
        public int GravityY;
        public int GravityZ;

        /// <summary>Magnitude of the gravity estimate in counts.</summary>
        public int GravityCounts;

        /// <summary><see cref="GravityCounts"/> squared and doubled, for the square-root-free magnitude.</summary>
        public long GravitySquared;
        public int TwiceGravityCounts;

        /// <summary>Unit "up" vector in Q14 (direction of the measured specific force at rest).</summary>
        public int UpX;
        public int UpY;
        public int UpZ;

        /// <summary>Unit horizontal forward vector in Q14; all zero while unknown.</summary>
        public int ForwardX;
        public int ForwardY;
        public int ForwardZ;

        /// <summary>
        /// Component of the configured forward axis along "up" in Q14 (0 when the mounting is unknown): near 0 when
        /// the wearer is upright, large when lying or bent over. Used to accept an upright reference.
        /// </summary>
        public int MountUpQ14;

        /// <summary>True once the forward axis is known (configured, or learnt from the first walk).</summary>
        public bool HasForwardAxis;

        /// <summary>Vertical dynamic acceleration of the last sample in counts (positive up, gravity removed).</summary>
        public int Vertical;

        public MotionFrame(SensorConfig sensor, MountAxis mountAxis)
        {
            _gravityShift = TimeConstants.EmaShift(GravityTimeConstantMs, sensor.SampleRateHz);
            _warmupLength = 1 << _gravityShift;
            _mountAxis = mountAxis;
        }

        /// <summary>Whether the forward axis must be learnt from the data.</summary>
        public bool LearnsForwardAxis
        {
            get { return _mountAxis == MountAxis.Unknown; }
        }

        [PerSample]
        public void Update(int ax, int ay, int az)
        {
            if (_warmupSamples < _warmupLength)
            {
                // Until one time constant has passed, gravity is the plain mean of what was seen: an average that
                // starts from the first sample would carry that sample (perhaps mid-stride) for seconds.
                _warmupSamples++;
                _warmX += ax;
                _warmY += ay;
                _warmZ += az;
                _gxSum = (int)((_warmX << _gravityShift) / _warmupSamples);
                _gySum = (int)((_warmY << _gravityShift) / _warmupSamples);
                _gzSum = (int)((_warmZ << _gravityShift) / _warmupSamples);
            }
            else
            {
                _gxSum += ax - (_gxSum >> _gravityShift);
                _gySum += ay - (_gySum >> _gravityShift);
                _gzSum += az - (_gzSum >> _gravityShift);
            }

            if (++_sinceRefresh >= RefreshSamples)
            {
                _sinceRefresh = 0;
                Refresh();
            }

            Vertical = ((ax * UpX + ay * UpY + az * UpZ) >> 14) - GravityCounts;
        }

        /// <summary>
        /// Sets the forward axis from a horizontal direction given in device counts (e.g. the accumulated direction
        /// cue of the first walk); the vertical part is removed.
        /// </summary>
        public void SetForwardDirection(int dx, int dy, int dz)
        {
            ProjectForward(dx, dy, dz);
        }

        private void Refresh()
        {
            GravityX = _gxSum >> _gravityShift;
            GravityY = _gySum >> _gravityShift;
            GravityZ = _gzSum >> _gravityShift;
            uint norm = FixedMath.Isqrt((uint)(GravityX * GravityX + GravityY * GravityY + GravityZ * GravityZ));
            if (norm == 0)
            {
                return;
            }

            GravityCounts = (int)norm;
            GravitySquared = (long)norm * norm;
            TwiceGravityCounts = 2 * (int)norm;
            UpX = (GravityX << 14) / (int)norm;
            UpY = (GravityY << 14) / (int)norm;
            UpZ = (GravityZ << 14) / (int)norm;

            if (_mountAxis != MountAxis.Unknown)
            {
                int mx = 0, my = 0, mz = 0;
                switch (_mountAxis)
                {
                    case MountAxis.PlusX: mx = FixedMath.OneQ14; break;
                    case MountAxis.MinusX: mx = -FixedMath.OneQ14; break;
                    case MountAxis.PlusY: my = FixedMath.OneQ14; break;
                    case MountAxis.MinusY: my = -FixedMath.OneQ14; break;
                    case MountAxis.PlusZ: mz = FixedMath.OneQ14; break;
                    default: mz = -FixedMath.OneQ14; break;
                }

                MountUpQ14 = (mx * UpX + my * UpY + mz * UpZ) >> 14;
                ProjectUnitForward(mx, my, mz);
            }
            else if (HasForwardAxis)
            {
                // Keep a learnt axis horizontal as the posture drifts.
                ProjectUnitForward(ForwardX, ForwardY, ForwardZ);
            }
        }

        /// <summary>Makes any direction (device counts) a Q14 unit vector, then horizontal (used for a learnt axis).</summary>
        private void ProjectForward(int dx, int dy, int dz)
        {
            long len2 = (long)dx * dx + (long)dy * dy + (long)dz * dz;
            if (len2 == 0)
            {
                return;
            }

            long len = FixedMath.Isqrt64(len2);
            ProjectUnitForward((int)(dx * (long)FixedMath.OneQ14 / len), (int)(dy * (long)FixedMath.OneQ14 / len), (int)(dz * (long)FixedMath.OneQ14 / len));
        }

        /// <summary>Removes the vertical part of a Q14 unit vector and renormalises it: the horizontal forward axis.</summary>
        private void ProjectUnitForward(int x, int y, int z)
        {
            if (GravityCounts == 0)
            {
                return;
            }

            int along = (x * UpX + y * UpY + z * UpZ) >> 14;
            x -= (along * UpX) >> 14;
            y -= (along * UpY) >> 14;
            z -= (along * UpZ) >> 14;
            uint h = FixedMath.Isqrt((uint)(x * x + y * y + z * z));
            if (h < FixedMath.OneQ14 / 8)
            {
                // The axis is (nearly) vertical: no horizontal forward direction in this posture.
                HasForwardAxis = false;
                ForwardX = ForwardY = ForwardZ = 0;
                return;
            }

            ForwardX = (x << 14) / (int)h;
            ForwardY = (y << 14) / (int)h;
            ForwardZ = (z << 14) / (int)h;
            HasForwardAxis = true;
        }
    }
}
