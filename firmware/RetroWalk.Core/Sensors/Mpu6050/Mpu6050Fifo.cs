using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Diagnostics;
using RetroWalk.Core.Health;

namespace RetroWalk.Core.Sensors
{
    /// <summary>
    /// MPU-6050 driver reduced to what the tracker needs: the init sequence and draining the FIFO in whole 12-byte
    /// frames (accel + gyro, big-endian) into preallocated buffers. It talks to registers directly (the binding's
    /// getters allocate and mis-scale, and its FIFO setter sets the wrong USER_CTRL bit).
    /// Faults never reach the tracker as bad data: a failed transfer is counted and retried; a FIFO burst broken off
    /// mid-read is resumed where it stopped when the bus says how far it got and FIFO_COUNT agrees, otherwise the
    /// driver skips to the next frame boundary (losing only that burst's frames); an overflow (INT_STATUS FIFO_OFLOW,
    /// a count at capacity or not a whole number of frames) resets the FIFO. Samples may be lost (counted), never misaligned.
    /// </summary>
    public sealed class Mpu6050Fifo : ISampleFifo, ISensorDiagnostics
    {
        /// <summary>Attempts per register transfer before a call gives up (the data stays in the FIFO for the next call).</summary>
        public const int MaxAttempts = 3;

        /// <summary>Empty reads in a row after which the driver checks that the sensor is still awake and streaming.</summary>
        public const int EmptyReadsBeforeHealthCheck = 20;

        /// <summary>
        /// Empty reads in a row after which an initialised sensor is reported <see cref="SensorHealth.Silent"/>: at the
        /// loop's 100 ms that is 3 s without a sample, where a streaming sensor delivers one every 10 ms.
        /// </summary>
        public const int EmptyReadsBeforeSilent = 30;

        private readonly II2cBus _bus;
        private readonly byte[] _write = new byte[2];
        private readonly byte[] _read = new byte[2];
        private readonly byte[] _frames = new byte[Mpu6050Registers.FifoCapacityFrames * Mpu6050Registers.FrameBytes];

        /// <summary>Where the rest of a broken burst is read before it is appended to <see cref="_frames"/>.</summary>
        private readonly byte[] _resume = new byte[Mpu6050Registers.FifoCapacityFrames * Mpu6050Registers.FrameBytes];
        private SensorConfig _config;
        private bool _initialized;
        private bool _needResync;
        private bool _overflowFlagged;
        private int _emptyReads;
        private int _silentReads;
        private Mpu6050Status _lastInit = Mpu6050Status.BusError;

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

        /// <summary>
        /// The sensor's state for the Health characteristic: the last init's failure while not initialised, Silent
        /// after <see cref="EmptyReadsBeforeSilent"/> empty reads in a row, else Ok. Before the first init: BusError.
        /// </summary>
        public SensorHealth SensorState
        {
            get
            {
                if (!_initialized)
                {
                    return _lastInit == Mpu6050Status.Ok ? SensorHealth.BusError : (SensorHealth)_lastInit;
                }

                return _silentReads >= EmptyReadsBeforeSilent ? SensorHealth.Silent : SensorHealth.Ok;
            }
        }

        /// <summary>Runs the init sequence for <paramref name="config"/>: reset, PLL clock, identity, DLPF and rate, ranges, FIFO.</summary>
        public Mpu6050Status Initialize(SensorConfig config)
        {
            _lastInit = InitializeOnce(config);
            return _lastInit;
        }

        private Mpu6050Status InitializeOnce(SensorConfig config)
        {
            _silentReads = 0;
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
            int read = ReadBatch(dest, maxSamples);
            if (read > 0)
            {
                _silentReads = 0;
            }
            else if (_initialized && _silentReads < EmptyReadsBeforeSilent)
            {
                // Nothing came: an empty FIFO, or a bus that fails every read (unplugged, held low).
                _silentReads++;
            }

            return read;
        }

        private int ReadBatch(short[] dest, int maxSamples)
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

            byte intStatus;
            int count;
            if (!ReadRegister(Mpu6050Registers.IntStatus, out intStatus) || !ReadFifoCount(out count))
            {
                return 0;
            }

            // INT_STATUS clears on read: remember the flag until the overflow is handled.
            _overflowFlagged |= (intStatus & Mpu6050Registers.IntFifoOverflow) != 0;
            bool overflow = _overflowFlagged || count >= Mpu6050Registers.FifoCapacityBytes;
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

            int read = ReadFrames(frames, count);
            if (read > 0)
            {
                ParseFrames(dest, read);
            }

            return read;
        }

        /// <summary>
        /// Reads <paramref name="frames"/> whole frames from a FIFO holding <paramref name="countBefore"/> bytes into
        /// <see cref="_frames"/> and returns how many arrived. A burst broken off part-way is resumed from the byte the
        /// bus says it reached, once FIFO_COUNT confirms it (bytes popped = countBefore - count, modulo the whole frames
        /// that arrived meanwhile); when they disagree, or the retries run out, the frames read whole so far are kept and
        /// the FIFO is brought to the next frame boundary. Either way it is left aligned (or flagged for a reset).
        /// </summary>
        private int ReadFrames(int frames, int countBefore)
        {
            const int frame = Mpu6050Registers.FrameBytes;
            int want = frames * frame;
            int got = 0;
            int fruitless = 0;
            // A resumed burst makes progress each time: it may take more attempts than a register read, not more in vain.
            for (int attempt = 0; attempt < 4 * MaxAttempts && fruitless < MaxAttempts; attempt++)
            {
                int length = want - got;
                byte[] target = got == 0 ? _frames : _resume;
                _write[0] = Mpu6050Registers.FifoRW;
                bool ok = _bus.WriteRead(_write, 1, target, length);
                int n = ok ? length : _bus.LastReadBytes;
                if (n < 0 || n > length)
                {
                    n = 0;
                }

                if (got > 0 && n > 0)
                {
                    System.Array.Copy(_resume, 0, _frames, got, n);
                }

                if (ok)
                {
                    return want / frame;
                }

                BusErrorCount = Dsp.Saturating.Increment(BusErrorCount);
                int after;
                if (!ReadFifoCountPatiently(out after) || after >= Mpu6050Registers.FifoCapacityBytes)
                {
                    // Cannot check (or the FIFO overflowed meanwhile): keep what was confirmed, reset before the next read.
                    _needResync = true;
                    return got / frame;
                }

                int phase = ((countBefore - after) % frame + frame) % frame;
                if ((got + n) % frame != phase)
                {
                    // The bus's figure is wrong: only what was confirmed before this attempt is kept.
                    SkipToFrameBoundary(countBefore);
                    return got / frame;
                }

                got += n;
                fruitless = n > 0 ? 0 : fruitless + 1;
                // Plan the rest from what the FIFO holds now, ending on a frame boundary.
                int rest = want - got;
                if (rest > after)
                {
                    rest -= (rest - after + frame - 1) / frame * frame;
                    want = got + rest;
                }

                if (rest <= 0)
                {
                    return got / frame;
                }
            }

            SkipToFrameBoundary(countBefore);
            return got / frame;
        }

        /// <summary>
        /// Pops the rest of a partly read frame. FIFO_COUNT says where the stream stands (bytes popped since it held
        /// <paramref name="countBefore"/>, modulo whole frames), whatever a broken transfer claimed; a FIFO that cannot
        /// be brought to a boundary is flagged for a reset.
        /// </summary>
        private void SkipToFrameBoundary(int countBefore)
        {
            const int frame = Mpu6050Registers.FrameBytes;
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                int count;
                if (!ReadFifoCountPatiently(out count) || count >= Mpu6050Registers.FifoCapacityBytes)
                {
                    break;
                }

                int pad = (frame - ((countBefore - count) % frame + frame) % frame) % frame;
                if (pad == 0)
                {
                    return;
                }

                _write[0] = Mpu6050Registers.FifoRW;
                if (!_bus.WriteRead(_write, 1, _resume, pad))
                {
                    BusErrorCount = Dsp.Saturating.Increment(BusErrorCount);
                }
            }

            _needResync = true;
        }

        /// <summary>FIFO_COUNT with more retries than a plain read: after a broken burst the driver must know where the stream stands.</summary>
        private bool ReadFifoCountPatiently(out int count)
        {
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (ReadFifoCount(out count))
                {
                    return true;
                }
            }

            count = 0;
            return false;
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
