using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Diagnostics;

namespace RetroWalk.Core.Sensors
{
    /// <summary>
    /// MPU-6050 driver reduced to what the tracker needs: the init sequence and draining the FIFO in whole 12-byte
    /// frames (accel + gyro, big-endian) into preallocated buffers. It talks to registers directly (the binding's
    /// getters allocate and mis-scale, and its FIFO setter sets the wrong USER_CTRL bit).
    /// Faults never reach the tracker as bad data: a failed transfer is counted and retried; an overflow (INT_STATUS
    /// FIFO_OFLOW, a count at capacity or not a whole number of frames) or a read that may have consumed part of a
    /// frame resets the FIFO, so samples are lost (counted) but never misaligned.
    /// </summary>
    public sealed class Mpu6050Fifo : ISampleFifo
    {
        /// <summary>Attempts per register transfer before a call gives up (the data stays in the FIFO for the next call).</summary>
        public const int MaxAttempts = 3;

        /// <summary>Empty reads in a row after which the driver checks that the sensor is still awake and streaming.</summary>
        public const int EmptyReadsBeforeHealthCheck = 20;

        private const int NoCount = -1;

        private readonly II2cBus _bus;
        private readonly byte[] _write = new byte[2];
        private readonly byte[] _read = new byte[2];
        private readonly byte[] _frames = new byte[Mpu6050Registers.FifoCapacityFrames * Mpu6050Registers.FrameBytes];
        private SensorConfig _config;
        private bool _initialized;
        private bool _needResync;
        private bool _overflowFlagged;
        private int _countBeforeFailedRead = NoCount;
        private int _emptyReads;

        public Mpu6050Fifo(II2cBus bus)
        {
            _bus = bus;
        }

        /// <summary>WHO_AM_I read by the last init (0 before).</summary>
        public byte LastWhoAmI { get; private set; }

        /// <summary>Failed I2C transfers (each one was retried or its call gave up without losing data).</summary>
        public int BusErrorCount { get; private set; }

        /// <summary>FIFO overflows detected (the loop stalled longer than the FIFO holds), and counts that were not whole frames.</summary>
        public int OverflowCount { get; private set; }

        /// <summary>FIFO resets: after overflows and after reads that may have consumed part of a frame.</summary>
        public int ResyncCount { get; private set; }

        /// <summary>Whole frames discarded by resets (a lower bound: an overflow also loses what it overwrote).</summary>
        public long FramesDiscarded { get; private set; }

        /// <summary>Times the sensor was found asleep or not streaming (e.g. after a brown-out) and initialised again.</summary>
        public int ReinitCount { get; private set; }

        /// <summary>Runs the init sequence for <paramref name="config"/>: reset, PLL clock, identity, DLPF and rate, ranges, FIFO.</summary>
        public Mpu6050Status Initialize(SensorConfig config)
        {
            _config = config;
            _initialized = false;
            byte dlpf;
            byte divider;
            if (!TryRateSettings(config.SampleRateHz, out dlpf, out divider))
            {
                return Mpu6050Status.UnsupportedRate;
            }

            if (!WriteRegister(Mpu6050Registers.PwrMgmt1, Mpu6050Registers.PwrMgmt1DeviceReset))
            {
                return Mpu6050Status.BusError;
            }

            _bus.DelayMs(100);
            if (!WriteRegister(Mpu6050Registers.PwrMgmt1, Mpu6050Registers.PwrMgmt1ClockPllGyroX))
            {
                return Mpu6050Status.BusError;
            }

            _bus.DelayMs(10);
            byte who;
            if (!ReadRegister(Mpu6050Registers.WhoAmI, out who))
            {
                return Mpu6050Status.BusError;
            }

            LastWhoAmI = who;
            if (who != Mpu6050Registers.WhoAmIValue)
            {
                return Mpu6050Status.WrongChip;
            }

            Mpu6050Status status = WriteVerified(Mpu6050Registers.Config, dlpf);
            if (status == Mpu6050Status.Ok) status = WriteVerified(Mpu6050Registers.SmplrtDiv, divider);
            if (status == Mpu6050Status.Ok) status = WriteVerified(Mpu6050Registers.GyroConfig, (byte)((int)config.GyroRange << 3));
            if (status == Mpu6050Status.Ok) status = WriteVerified(Mpu6050Registers.AccelConfig, (byte)((int)config.AccelRange << 3));
            if (status == Mpu6050Status.Ok) status = WriteVerified(Mpu6050Registers.IntEnable, Mpu6050Registers.IntFifoOverflow);
            if (status == Mpu6050Status.Ok) status = WriteVerified(Mpu6050Registers.FifoEn, Mpu6050Registers.FifoEnAccelGyro);
            if (status != Mpu6050Status.Ok)
            {
                return status;
            }

            if (!RestartFifo())
            {
                return Mpu6050Status.BusError;
            }

            _initialized = true;
            return Mpu6050Status.Ok;
        }

        /// <summary>
        /// DLPF and divider for a rate: the DLPF keeps the gyro at 1 kHz and cuts below the Nyquist frequency
        /// (44 Hz at 100 Hz, 21 Hz at 50 Hz, 10 Hz below); rate = 1 kHz / (1 + SMPLRT_DIV).
        /// </summary>
        public static bool TryRateSettings(int rateHz, out byte dlpf, out byte divider)
        {
            dlpf = 0;
            divider = 0;
            if (rateHz < 4 || rateHz > Mpu6050Registers.GyroOutputRateDlpfHz || Mpu6050Registers.GyroOutputRateDlpfHz % rateHz != 0)
            {
                return false;
            }

            divider = (byte)(Mpu6050Registers.GyroOutputRateDlpfHz / rateHz - 1);
            dlpf = (byte)(rateHz >= 100 ? 3 : rateHz >= 50 ? 4 : 5);
            return true;
        }

        /// <inheritdoc />
        public int ReadSamples(short[] dest, int maxSamples)
        {
            if (!_initialized)
            {
                // A failed init (or re-init) is retried now and then: the sensor may come back (loose wire, brown-out).
                if (_config != null && ++_emptyReads >= EmptyReadsBeforeHealthCheck)
                {
                    _emptyReads = 0;
                    ReinitCount = Dsp.Saturating.Increment(ReinitCount);
                    Initialize(_config);
                }

                return 0;
            }

            if (_needResync && !Resync())
            {
                return 0;
            }

            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                byte intStatus;
                int count;
                if (!ReadRegister(Mpu6050Registers.IntStatus, out intStatus) || !ReadFifoCount(out count))
                {
                    return 0;
                }

                // INT_STATUS clears on read: remember the flag until the overflow is handled.
                _overflowFlagged |= (intStatus & Mpu6050Registers.IntFifoOverflow) != 0;
                bool overflow = _overflowFlagged || count >= Mpu6050Registers.FifoCapacityBytes;
                if (!overflow && _countBeforeFailedRead != NoCount)
                {
                    // A failed burst may have popped bytes. Only new whole frames may have arrived since; otherwise resync.
                    int grown = count - _countBeforeFailedRead;
                    _countBeforeFailedRead = NoCount;
                    if (grown < 0 || grown % Mpu6050Registers.FrameBytes != 0)
                    {
                        FramesDiscarded += count / Mpu6050Registers.FrameBytes;
                        Resync();
                        return 0;
                    }
                }

                if (overflow || count % Mpu6050Registers.FrameBytes != 0)
                {
                    OverflowCount = Dsp.Saturating.Increment(OverflowCount);
                    FramesDiscarded += count / Mpu6050Registers.FrameBytes;
                    Resync();
                    return 0;
                }

                int frames = count / Mpu6050Registers.FrameBytes;
                if (frames == 0)
                {
                    CheckHealthWhenIdle();
                    return 0;
                }

                _emptyReads = 0;
                if (frames > maxSamples)
                {
                    frames = maxSamples;
                }

                _write[0] = Mpu6050Registers.FifoRW;
                if (_bus.WriteRead(_write, 1, _frames, frames * Mpu6050Registers.FrameBytes))
                {
                    ParseFrames(dest, frames);
                    return frames;
                }

                BusErrorCount = Dsp.Saturating.Increment(BusErrorCount);
                _countBeforeFailedRead = count;
            }

            return 0;
        }

        /// <summary>Big-endian frames to shorts, one frame per iteration (fewer loop instructions on the interpreter).</summary>
        [PerSample]
        private void ParseFrames(short[] dest, int frames)
        {
            byte[] b = _frames;
            int end = frames * Mpu6050Registers.FrameBytes;
            for (int o = 0, i = 0; o < end; o += Mpu6050Registers.FrameBytes, i += 6)
            {
                dest[i] = (short)((b[o] << 8) | b[o + 1]);
                dest[i + 1] = (short)((b[o + 2] << 8) | b[o + 3]);
                dest[i + 2] = (short)((b[o + 4] << 8) | b[o + 5]);
                dest[i + 3] = (short)((b[o + 6] << 8) | b[o + 7]);
                dest[i + 4] = (short)((b[o + 8] << 8) | b[o + 9]);
                dest[i + 5] = (short)((b[o + 10] << 8) | b[o + 11]);
            }
        }

        private void CheckHealthWhenIdle()
        {
            if (++_emptyReads < EmptyReadsBeforeHealthCheck)
            {
                return;
            }

            _emptyReads = 0;
            byte power;
            byte userCtrl;
            if (ReadRegister(Mpu6050Registers.PwrMgmt1, out power) && ReadRegister(Mpu6050Registers.UserCtrl, out userCtrl)
                && ((power & Mpu6050Registers.PwrMgmt1Sleep) != 0 || (userCtrl & Mpu6050Registers.UserCtrlFifoEnable) == 0))
            {
                ReinitCount = Dsp.Saturating.Increment(ReinitCount);
                Initialize(_config);
            }
        }

        private bool Resync()
        {
            ResyncCount = Dsp.Saturating.Increment(ResyncCount);
            _needResync = !RestartFifo();
            return !_needResync;
        }

        /// <summary>FIFO off, reset (only acts while FIFO_EN is 0), on; then clear a stale overflow flag.</summary>
        private bool RestartFifo()
        {
            byte ignored;
            _countBeforeFailedRead = NoCount;
            _emptyReads = 0;
            bool ok = WriteRegister(Mpu6050Registers.UserCtrl, 0)
                && WriteRegister(Mpu6050Registers.UserCtrl, Mpu6050Registers.UserCtrlFifoReset)
                && WriteRegister(Mpu6050Registers.UserCtrl, Mpu6050Registers.UserCtrlFifoEnable)
                && ReadRegister(Mpu6050Registers.IntStatus, out ignored);
            if (ok)
            {
                _overflowFlagged = false;
            }

            return ok;
        }

        private Mpu6050Status WriteVerified(byte register, byte value)
        {
            byte back;
            if (!WriteRegister(register, value) || !ReadRegister(register, out back))
            {
                return Mpu6050Status.BusError;
            }

            return back == value ? Mpu6050Status.Ok : Mpu6050Status.ReadbackMismatch;
        }

        private bool WriteRegister(byte register, byte value)
        {
            _write[0] = register;
            _write[1] = value;
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (_bus.Write(_write, 2))
                {
                    return true;
                }

                BusErrorCount = Dsp.Saturating.Increment(BusErrorCount);
            }

            return false;
        }

        private bool ReadRegister(byte register, out byte value)
        {
            value = 0;
            if (!ReadRegisters(register, 1))
            {
                return false;
            }

            value = _read[0];
            return true;
        }

        private bool ReadFifoCount(out int count)
        {
            count = 0;
            if (!ReadRegisters(Mpu6050Registers.FifoCountH, 2))
            {
                return false;
            }

            count = (_read[0] << 8) | _read[1];
            return true;
        }

        private bool ReadRegisters(byte register, int length)
        {
            _write[0] = register;
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (_bus.WriteRead(_write, 1, _read, length))
                {
                    return true;
                }

                BusErrorCount = Dsp.Saturating.Increment(BusErrorCount);
            }

            return false;
        }
    }
}
