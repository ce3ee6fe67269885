using RetroWalk.Core.Sensors;

namespace RetroWalk.Host.Emulation;

/// <summary>How an injected I2C fault behaves.</summary>
public enum BusFault
{
    None,

    /// <summary>Address not acknowledged: nothing reaches the chip.</summary>
    Nack,

    /// <summary>The transfer breaks off part-way: a read has already popped some bytes (possibly part of a FIFO frame), a write has reached the chip.</summary>
    Partial,
}

/// <summary>
/// The emulated I2C bus to the MPU-6050 emulator, with injectable faults: a scripted queue of faults for the next
/// transfers and/or a seeded random fault rate. Delays advance the emulated clock, so the sensor keeps sampling.
/// </summary>
public sealed class EmulatedI2cBus : II2cBus
{
    private readonly Mpu6050Emulator _chip;
    private readonly EmulatedClock _clock;
    private readonly Queue<BusFault> _scripted = new();
    private Random _random = new(1);
    private double _faultRate;
    private BusFault _randomKind = BusFault.Nack;

    public EmulatedI2cBus(Mpu6050Emulator chip, EmulatedClock clock)
    {
        _chip = chip;
        _clock = clock;
    }

    public long Transfers { get; private set; }

    public long FaultsInjected { get; private set; }

    /// <summary>
    /// True (default): after a read broken off part-way, <see cref="LastReadBytes"/> tells how many bytes came through,
    /// as System.Device.I2c's I2cTransferResult.BytesTransferred does; false: it says 0, like a bus that cannot tell.
    /// </summary>
    public bool ReportsBytesRead { get; set; } = true;

    public int LastReadBytes { get; private set; }

    /// <summary>The next transfers fail as listed, in order.</summary>
    public void FailNext(params BusFault[] faults)
    {
        foreach (var f in faults)
        {
            _scripted.Enqueue(f);
        }
    }

    /// <summary>Every transfer fails with probability <paramref name="rate"/> (seeded, reproducible).</summary>
    public void FailRandomly(double rate, BusFault kind, int seed)
    {
        _faultRate = rate;
        _randomKind = kind;
        _random = new Random(seed);
    }

    public bool Write(byte[] data, int writeLength)
    {
        var fault = NextFault();
        if (fault == BusFault.Nack)
        {
            return false;
        }

        _chip.Write(data.AsSpan(0, writeLength));
        return fault == BusFault.None;
    }

    public bool WriteRead(byte[] write, int writeLength, byte[] read, int readLength)
    {
        if (writeLength != 1)
        {
            throw new NotSupportedException("the MPU-6050 driver reads with a one-byte register address");
        }

        var fault = NextFault();
        LastReadBytes = 0;
        if (fault == BusFault.Nack)
        {
            return false;
        }

        int transferred = fault == BusFault.Partial ? _random.Next(0, readLength) : readLength;
        _chip.Read(write[0], read.AsSpan(0, transferred));
        LastReadBytes = fault == BusFault.None || ReportsBytesRead ? transferred : 0;
        return fault == BusFault.None;
    }

    public void DelayMs(int milliseconds) => _clock.AdvanceMs(milliseconds);

    private BusFault NextFault()
    {
        Transfers++;
        var fault = _scripted.Count > 0 ? _scripted.Dequeue()
            : _faultRate > 0 && _random.NextDouble() < _faultRate ? _randomKind
            : BusFault.None;
        if (fault != BusFault.None)
        {
            FaultsInjected++;
        }

        return fault;
    }
}
