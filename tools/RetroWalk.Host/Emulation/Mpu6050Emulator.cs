using RetroWalk.Core.Sensors;
using R = RetroWalk.Core.Sensors.Mpu6050Registers;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// Register-level MPU-6050 emulator (the registers the driver touches), clocked by an <see cref="EmulatedClock"/>.
/// The input is a time series of <see cref="ImuSample"/> in physical units (g, °/s) at its own rate (what the sensor
/// experiences, held between samples), turned into counts by the full-scale ranges in ACCEL_CONFIG and GYRO_CONFIG as
/// the driver set them (saturating at the int16 registers), so a wrong range setting skews every sample; the chip
/// samples it at 1 kHz (8 kHz with the DLPF off) / (1 + SMPLRT_DIV), from power-on; each sample updates the
/// data registers and, with USER_CTRL.FIFO_EN set, appends the FIFO_EN-selected bytes to a 1024-byte FIFO
/// (accel, temperature, gyro x, y, z, in register order). Like the chip, a full FIFO keeps accepting bytes and drops
/// the oldest ones, so frames end up misaligned, and it raises INT_STATUS.FIFO_OFLOW_INT (if enabled in INT_ENABLE).
/// INT_STATUS clears on read; burst reads auto-increment the register address except at FIFO_R_W, which pops.
/// </summary>
public sealed class Mpu6050Emulator
{
    private readonly EmulatedClock _clock;
    private readonly IEnumerator<ImuSample> _source;
    private readonly byte[] _registers = new byte[128];
    private readonly byte[] _fifo = new byte[R.FifoCapacityBytes];

    /// <summary>The FIFO's capacity is a power of two: ring indices wrap with a mask (a division per byte was a fifth of a soak).</summary>
    private const int FifoMask = R.FifoCapacityBytes - 1;
    private int _fifoStart;
    private int _fifoCount;
    private readonly long _inputPeriodUs;
    private readonly long _inputStartUs;
    private long _inputIndex = -1;
    private ImuSample _input;
    private long _nextSampleUs;

    public Mpu6050Emulator(EmulatedClock clock, IEnumerable<ImuSample> source, int inputRateHz = 100)
    {
        _clock = clock;
        _source = source.GetEnumerator();
        _inputPeriodUs = 1_000_000 / inputRateHz;
        _inputStartUs = clock.Microseconds;
        PowerOnReset();
    }

    /// <summary>Samples the chip has taken (whether or not they reached the FIFO).</summary>
    public long SamplesProduced { get; private set; }

    /// <summary>Samples written into the FIFO (taken while USER_CTRL.FIFO_EN was set).</summary>
    public long SamplesIntoFifo { get; private set; }

    /// <summary>Index in the input of the first sample written into the FIFO (-1 before).</summary>
    public long FirstFifoSampleIndex { get; private set; } = -1;

    /// <summary>Bytes dropped by FIFO overflows (oldest first, as the chip does).</summary>
    public long FifoBytesOverwritten { get; private set; }

    /// <summary>True once the source has no more samples.</summary>
    public bool SourceExhausted { get; private set; }

    public int FifoCount
    {
        get
        {
            CatchUp();
            return _fifoCount;
        }
    }

    /// <summary>Register value as the chip holds it (no side effects), for tests.</summary>
    public byte Peek(byte register) => _registers[register];

    /// <summary>Period between samples in µs from DLPF_CFG and SMPLRT_DIV.</summary>
    public long SamplePeriodUs
    {
        get
        {
            int dlpf = _registers[R.Config] & 7;
            int gyroRateUs = dlpf == 0 || dlpf == 7 ? 125 : 1000;
            return gyroRateUs * (1L + _registers[R.SmplrtDiv]);
        }
    }

    /// <summary>Loses power: registers to reset values, FIFO empty, asleep (a brown-out of the sensor alone).</summary>
    public void PowerOnReset()
    {
        Array.Clear(_registers);
        _registers[R.PwrMgmt1] = R.PwrMgmt1Sleep;
        _registers[R.WhoAmI] = R.WhoAmIValue;
        _fifoStart = 0;
        _fifoCount = 0;
        _nextSampleUs = _clock.Microseconds;
    }

    /// <summary>An I2C write: register address, then data to consecutive registers.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return;
        }

        CatchUp();
        int address = data[0];
        for (int i = 1; i < data.Length; i++)
        {
            WriteRegister((byte)address, data[i]);
            if (address != R.FifoRW)
            {
                address = (address + 1) & 0x7F;
            }
        }
    }

    /// <summary>An I2C read of <paramref name="destination"/>.Length bytes starting at <paramref name="address"/>.</summary>
    public void Read(byte address, Span<byte> destination)
    {
        CatchUp();
        if (address == R.FifoRW)
        {
            PopFifo(destination);
            return;
        }

        int a = address;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadRegister((byte)a);
            if (a != R.FifoRW)
            {
                a = (a + 1) & 0x7F;
            }
        }
    }

    private void WriteRegister(byte register, byte value)
    {
        switch (register)
        {
            case R.PwrMgmt1:
                if ((value & R.PwrMgmt1DeviceReset) != 0)
                {
                    PowerOnReset();
                    return;
                }

                if ((_registers[R.PwrMgmt1] & R.PwrMgmt1Sleep) != 0 && (value & R.PwrMgmt1Sleep) == 0)
                {
                    _nextSampleUs = _clock.Microseconds + SamplePeriodUs;
                }

                _registers[register] = value;
                return;
            case R.UserCtrl:
                bool fifoWasOff = (_registers[R.UserCtrl] & R.UserCtrlFifoEnable) == 0;
                if ((value & R.UserCtrlFifoReset) != 0 && fifoWasOff && (value & R.UserCtrlFifoEnable) == 0)
                {
                    _fifoStart = 0;
                    _fifoCount = 0;
                }

                _registers[register] = (byte)(value & ~R.UserCtrlFifoReset & ~0x03);
                return;
            case R.WhoAmI:
            case R.IntStatus:
            case R.FifoCountH:
            case R.FifoCountH + 1:
                return;
            case R.FifoRW:
                PushFifo(value);
                return;
            default:
                _registers[register] = value;
                return;
        }
    }

    private byte ReadRegister(byte register)
    {
        switch (register)
        {
            case R.IntStatus:
                byte status = _registers[R.IntStatus];
                _registers[R.IntStatus] = 0;
                return status;
            case R.FifoCountH:
                return (byte)(_fifoCount >> 8);
            case R.FifoCountH + 1:
                return (byte)_fifoCount;
            case R.FifoRW:
                if (_fifoCount == 0)
                {
                    return 0xFF;
                }

                byte b = _fifo[_fifoStart];
                _fifoStart = (_fifoStart + 1) & FifoMask;
                _fifoCount--;
                return b;
            default:
                return _registers[register];
        }
    }

    /// <summary>Produces every sample due by the current emulated time.</summary>
    private void CatchUp()
    {
        long now = _clock.Microseconds;
        while ((_registers[R.PwrMgmt1] & R.PwrMgmt1Sleep) == 0 && _nextSampleUs <= now && !SourceExhausted)
        {
            long wanted = (_nextSampleUs - _inputStartUs) / _inputPeriodUs;
            while (_inputIndex < wanted)
            {
                if (!_source.MoveNext())
                {
                    SourceExhausted = true;
                    return;
                }

                _input = _source.Current;
                _inputIndex++;
            }

            TakeSample(_input);
            _nextSampleUs += SamplePeriodUs;
        }
    }

    /// <summary>Accelerometer LSB per g at the range ACCEL_CONFIG.AFS_SEL (bits 4:3) holds now.</summary>
    public double AccelLsbPerG => Mpu6050Scale.AccelLsbPerG[(_registers[R.AccelConfig] >> 3) & 3];

    /// <summary>Gyroscope LSB per °/s at the range GYRO_CONFIG.FS_SEL (bits 4:3) holds now.</summary>
    public double GyroLsbPerDps => Mpu6050Scale.GyroLsbPerDps[(_registers[R.GyroConfig] >> 3) & 3];

    private void TakeSample(ImuSample s)
    {
        SamplesProduced++;
        double a = AccelLsbPerG;
        double g = GyroLsbPerDps;
        PutBigEndian(R.AccelXoutH, Mpu6050Scale.ToCounts(s.AxG * a));
        PutBigEndian(R.AccelXoutH + 2, Mpu6050Scale.ToCounts(s.AyG * a));
        PutBigEndian(R.AccelXoutH + 4, Mpu6050Scale.ToCounts(s.AzG * a));
        PutBigEndian(R.AccelXoutH + 6, 0); // temperature: 36.53 °C
        PutBigEndian(R.AccelXoutH + 8, Mpu6050Scale.ToCounts(s.GxDps * g));
        PutBigEndian(R.AccelXoutH + 10, Mpu6050Scale.ToCounts(s.GyDps * g));
        PutBigEndian(R.AccelXoutH + 12, Mpu6050Scale.ToCounts(s.GzDps * g));
        _registers[R.IntStatus] |= R.IntDataReady;
        if ((_registers[R.UserCtrl] & R.UserCtrlFifoEnable) == 0)
        {
            return;
        }

        if (FirstFifoSampleIndex < 0)
        {
            FirstFifoSampleIndex = _inputIndex;
        }

        SamplesIntoFifo++;
        byte enabled = _registers[R.FifoEn];
        if ((enabled & R.FifoEnAccel) != 0) PushRegisters(R.AccelXoutH, 6);
        if ((enabled & R.FifoEnTemp) != 0) PushRegisters(R.AccelXoutH + 6, 2);
        if ((enabled & R.FifoEnGyroX) != 0) PushRegisters(R.AccelXoutH + 8, 2);
        if ((enabled & R.FifoEnGyroY) != 0) PushRegisters(R.AccelXoutH + 10, 2);
        if ((enabled & R.FifoEnGyroZ) != 0) PushRegisters(R.AccelXoutH + 12, 2);
    }

    /// <summary>A burst read at FIFO_R_W: every byte pops the FIFO; past its end the chip returns 0xFF.</summary>
    private void PopFifo(Span<byte> destination)
    {
        int available = Math.Min(destination.Length, _fifoCount);
        int first = Math.Min(available, _fifo.Length - _fifoStart);
        _fifo.AsSpan(_fifoStart, first).CopyTo(destination);
        _fifo.AsSpan(0, available - first).CopyTo(destination.Slice(first));
        destination.Slice(available).Fill(0xFF);
        _fifoStart = (_fifoStart + available) & FifoMask;
        _fifoCount -= available;
    }

    private void PushRegisters(int first, int count)
    {
        if (_fifoCount + count > _fifo.Length)
        {
            for (int i = 0; i < count; i++)
            {
                PushFifo(_registers[first + i]);
            }

            return;
        }

        for (int i = 0; i < count; i++)
        {
            _fifo[(_fifoStart + _fifoCount + i) & FifoMask] = _registers[first + i];
        }

        _fifoCount += count;
    }

    private void PushFifo(byte value)
    {
        if (_fifoCount == _fifo.Length)
        {
            _fifoStart = (_fifoStart + 1) & FifoMask;
            _fifoCount--;
            FifoBytesOverwritten++;
            if ((_registers[R.IntEnable] & R.IntFifoOverflow) != 0)
            {
                _registers[R.IntStatus] |= R.IntFifoOverflow;
            }
        }

        _fifo[(_fifoStart + _fifoCount) & FifoMask] = value;
        _fifoCount++;
    }

    private void PutBigEndian(int register, short value)
    {
        _registers[register] = (byte)(value >> 8);
        _registers[register + 1] = (byte)value;
    }
}
