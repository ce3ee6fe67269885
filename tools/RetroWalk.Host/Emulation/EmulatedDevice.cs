using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Health;
using RetroWalk.Core.Session;
using RetroWalk.Core.Storage;
using RetroWalk.Core.Sensors;
using RetroWalk.Core.Status;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// The whole tracker on the host: the core's <see cref="DeviceLoop"/> and <see cref="Mpu6050Fifo"/> driver, wired in
/// the same order as the firmware's Program.cs, to a register-level MPU-6050 emulator, an emulated clock, an in-memory
/// two-slot store, a button, a buzzer/LED recorder and a publisher. The harness moves time; the loop runs every
/// <see cref="DeviceLoop.LoopPeriodMs"/> as the device thread does.
/// </summary>
public sealed class EmulatedDevice
{
    /// <summary>
    /// A device fed with raw counts recorded (or synthesized) at the ranges of <paramref name="config"/>'s sensor
    /// settings: they reach the emulated chip in physical units, which scales them by the ranges the driver wrote.
    /// </summary>
    public EmulatedDevice(IEnumerable<RawSample> source, MemoryCounterStore? store = null, TrackerConfig? config = null,
        IStatusPublisher? publisher = null, Func<ISampleFifo, ISampleFifo>? wrapFifo = null)
        : this(config ?? new TrackerConfig(), source, store, publisher, wrapFifo)
    {
    }

    private EmulatedDevice(TrackerConfig config, IEnumerable<RawSample> source, MemoryCounterStore? store,
        IStatusPublisher? publisher, Func<ISampleFifo, ISampleFifo>? wrapFifo)
        : this(Mpu6050Scale.ToPhysical(source, config.Sensor), store, config, publisher, wrapFifo)
    {
    }

    /// <summary>A device whose sensor experiences <paramref name="source"/> (physical units, at the configured rate).</summary>
    public EmulatedDevice(IEnumerable<ImuSample> source, MemoryCounterStore? store = null, TrackerConfig? config = null,
        IStatusPublisher? publisher = null, Func<ISampleFifo, ISampleFifo>? wrapFifo = null)
    {
        Clock = new EmulatedClock();
        Config = config ?? new TrackerConfig();
        Chip = new Mpu6050Emulator(Clock, source, Config.Sensor.SampleRateHz);
        Bus = new EmulatedI2cBus(Chip, Clock);
        Store = store ?? new MemoryCounterStore();
        Button = new EmulatedButton();
        AlarmOutput = new RecordingAlarmOutput(Clock);
        Driver = new Mpu6050Fifo(Bus);
        Loop = new DeviceLoop(Config, wrapFifo is null ? Driver : wrapFifo(Driver), Clock, Store, AlarmOutput, Button);
        SensorStatus = Driver.Initialize(Config.Sensor);
        Publisher = publisher ?? new StatusLog(Clock);
        Loop.AttachPublisher(Publisher);
        SessionsRestore = Loop.AttachSessions(Store.SessionFlash);
        Sessions = Loop.Sessions;
        (Publisher as IDeviceBound)?.Bind(Loop, Sessions);
        Health = new HealthMonitor(Driver, Loop.Store, Loop.RestoreOutcome);
        Loop.AttachHealth(Health);
        if (Publisher is IHealthPublisher healthPublisher)
        {
            Health.AttachPublisher(healthPublisher);
        }
    }

    public EmulatedClock Clock { get; }

    public Mpu6050Emulator Chip { get; }

    public EmulatedI2cBus Bus { get; }

    public MemoryCounterStore Store { get; }

    public EmulatedButton Button { get; }

    public RecordingAlarmOutput AlarmOutput { get; }

    public TrackerConfig Config { get; }

    public Mpu6050Fifo Driver { get; }

    public DeviceLoop Loop { get; }

    public Mpu6050Status SensorStatus { get; }

    /// <summary>
    /// The walking sessions, booked by the loop each pass and kept across reboots in <see cref="MemoryCounterStore.SessionFlash"/>,
    /// served on the Session and Session log characteristics.
    /// </summary>
    public SessionSource Sessions { get; }

    /// <summary>What the loop found of the kept sessions at boot.</summary>
    public RestoreOutcome SessionsRestore { get; }

    /// <summary>The Health characteristic's monitor, as Program.cs wires it.</summary>
    public HealthMonitor Health { get; }

    public IStatusPublisher Publisher { get; }

    /// <summary>The publisher as a <see cref="StatusLog"/> when it is one.</summary>
    public StatusLog? Log => Publisher as StatusLog;

    /// <summary>Runs the loop every <see cref="DeviceLoop.LoopPeriodMs"/> for <paramref name="ms"/> of emulated time.</summary>
    public void RunFor(long ms)
    {
        for (long t = 0; t < ms; t += DeviceLoop.LoopPeriodMs)
        {
            Step();
        }
    }

    /// <summary>One loop period: time passes, then the loop runs once.</summary>
    public int Step()
    {
        Clock.AdvanceMs(DeviceLoop.LoopPeriodMs);
        return Loop.RunOnce();
    }

    /// <summary>The loop thread is held up (flash write, GC, BLE): time passes and the FIFO fills, nothing reads it.</summary>
    public void Stall(long ms) => Clock.AdvanceMs(ms);

    /// <summary>Runs until the input is used up and the FIFO drained, plus <paramref name="tailMs"/> for the last publications.</summary>
    public void RunToEnd(long tailMs = 2000)
    {
        while (!Chip.SourceExhausted || Chip.FifoCount >= Mpu6050Registers.FrameBytes)
        {
            Step();
        }

        RunFor(tailMs);
    }
}
