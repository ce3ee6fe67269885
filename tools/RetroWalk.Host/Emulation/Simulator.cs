using System.Diagnostics;
using System.Globalization;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Sensors;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// `retrowalk simulate`: runs the device loop on the emulated board and prints what a phone would see (notifications,
/// advertisements), the buzzer/LED, the sensor's faults and the final counts. A scenario adds events on top of the input:
/// loop stalls, I2C faults, a power cut during a save, button presses.
/// </summary>
public static class Simulator
{
    public static readonly string[] Scenarios = ["walk", "stall", "i2c-errors", "power-cut", "button", "fall"];

    /// <summary>UTC time the emulated phone writes to the Current Time characteristic, and its UTC offset.</summary>
    public const long PhoneUtcS = 1777626000; // 2026-05-01T09:00:00Z
    public const int PhoneUtcOffsetMinutes = 120;

    /// <summary>
    /// The one place that chooses the samples fed to the emulated sensor. The gait synthesizer and the dataset readers
    /// plug in here.
    /// </summary>
    public static IEnumerable<RawSample> OpenInput(string? recordingPath, string scenario, SensorConfig sensor, out string description)
    {
        if (recordingPath is null && scenario == "fall")
        {
            description = "built-in walk, then a forward fall and 20 s lying";
            return BuiltInWalk.Generate(sensor).Concat(BuiltInWalk.GenerateFall(sensor));
        }

        if (recordingPath is null)
        {
            description = "built-in walk (stand, forward, stand, backward, stand)";
            return BuiltInWalk.Generate(sensor);
        }

        description = $"recording {recordingPath}";
        return RawSampleCsv.Read(recordingPath);
    }

    public static int Run(string? recordingPath, string scenario, TextWriter output)
    {
        if (Array.IndexOf(Scenarios, scenario) < 0)
        {
            output.WriteLine($"unknown scenario '{scenario}'; choose one of: {string.Join(", ", Scenarios)}");
            return 2;
        }

        var config = new TrackerConfig();
        var samples = OpenInput(recordingPath, scenario, config.Sensor, out var description).ToArray();
        output.WriteLine($"RetroWalk device emulation (times since boot): scenario '{scenario}', input {description}, {samples.Length} samples at {config.Sensor.SampleRateHz} Hz");
        var input = new SharedInput(samples);
        var store = new MemoryCounterStore();
        var device = Boot(input, store, config, output);

        PhoneSetsClock(device, output);
        switch (scenario)
        {
            case "stall":
                RunUntil(device, 20_000);
                Say(device, output, "loop thread stalls 700 ms: 800 ms between FIFO reads (the FIFO holds 850 ms)");
                device.Stall(700);
                RunUntil(device, 40_000);
                Say(device, output, "loop thread stalls 3 s (beyond the FIFO: overflow, resync)");
                device.Stall(3000);
                break;
            case "i2c-errors":
                Say(device, output, "2 % of I2C transfers fail from now on (half NACKs, half broken off mid-read)");
                device.Bus.FailRandomly(0.01, BusFault.Nack, 11);
                device.Bus.FailNext(BusFault.Partial, BusFault.Nack, BusFault.Partial);
                RunUntil(device, 30_000);
                device.Bus.FailRandomly(0.02, BusFault.Partial, 12);
                break;
            case "power-cut":
                RunUntil(device, 30_000);
                Say(device, output, $"state saved (every {DeviceLoop.PersistIntervalMs / 60000} min while counting; brought forward here): forward {device.Loop.Tracker.ForwardSteps}, backward {device.Loop.Tracker.BackwardSteps}");
                device.Loop.SaveNow(device.Clock.MonotonicMs);
                RunUntil(device, 40_000);
                Say(device, output, "power fails half-way through a state save; the board reboots");
                device.Store.CutPowerDuringWrite(0, StateCodec.Size / 2, TornWrite.InPlace);
                try
                {
                    device.Loop.SaveNow(device.Clock.MonotonicMs);
                }
                catch (PowerCutException e)
                {
                    output.WriteLine($"           {e.Message}");
                }

                device = Boot(input, store, config, output);
                PhoneSetsClock(device, output);
                break;
            case "fall":
                RunUntil(device, (samples.Length - 5 * config.Sensor.SampleRateHz) * 1000L / config.Sensor.SampleRateHz);
                Say(device, output, "the wearer presses the button (acknowledge)");
                Press(device, 200);
                break;
            case "button":
                RunUntil(device, 10_000);
                Say(device, output, "short press (acknowledge)");
                Press(device, 200);
                RunUntil(device, 40_000);
                Say(device, output, "button held 3.5 s (long press: reset counts)");
                Press(device, 3500);
                break;
        }

        device.RunToEnd();
        PrintSummary(device, output);
        PrintCost(samples, output);
        return 0;
    }

    private static EmulatedDevice Boot(SharedInput input, MemoryCounterStore store, TrackerConfig config, TextWriter output)
    {
        EmulatedDevice? device = null;
        var publisher = new LivePhone(new RecordingPublisher(() => device!.Clock.MonotonicMs), output);
        device = new EmulatedDevice(input.Remaining(), store, config, publisher);
        string restore = device.Loop.RestoreOutcome switch
        {
            RestoreOutcome.Fresh => "nothing saved yet, counting from zero",
            RestoreOutcome.Restored => $"restored state #{device.Loop.Store.Sequence} {device.Loop.RestoreMessage}".TrimEnd(),
            RestoreOutcome.RestoredOlder => $"restored the older state #{device.Loop.Store.Sequence} ({device.Loop.RestoreMessage})",
            _ => $"no valid state, counting from zero: {device.Loop.RestoreMessage}",
        };
        output.WriteLine($"boot: {restore}; forward {device.Loop.Tracker.ForwardSteps}, backward {device.Loop.Tracker.BackwardSteps}");
        output.WriteLine($"boot: MPU-6050 init {device.SensorStatus} (WHO_AM_I 0x{device.Driver.LastWhoAmI:X2})");
        return device;
    }

    private static void PhoneSetsClock(EmulatedDevice device, TextWriter output)
    {
        device.RunFor(1000);
        long utc = PhoneUtcS + device.Clock.MonotonicMs / 1000;
        var settings = new DeviceSettings();
        device.Loop.ReadSettings(settings);
        settings.UtcOffsetQuarterHours = PhoneUtcOffsetMinutes / 15;
        device.Loop.ApplySettings(settings);
        device.Loop.SetClock((uint)utc);
        output.WriteLine($"{Time(device.Clock.MonotonicMs)}  phone writes Config (UTC offset +{PhoneUtcOffsetMinutes} min) and Current Time {DateTimeOffset.FromUnixTimeSeconds(utc):u}");
    }

    private static void RunUntil(EmulatedDevice device, long monotonicMs)
    {
        while (device.Clock.MonotonicMs < monotonicMs && !device.Chip.SourceExhausted)
        {
            device.Step();
        }
    }

    private static void Press(EmulatedDevice device, int ms)
    {
        device.Button.IsPressed = true;
        device.RunFor(ms);
        device.Button.IsPressed = false;
        device.Step();
    }

    private static void Say(EmulatedDevice device, TextWriter output, string what) =>
        output.WriteLine($"{Time(device.Clock.MonotonicMs)}  ** {what}");

    private static void PrintSummary(EmulatedDevice device, TextWriter output)
    {
        var loop = device.Loop;
        var state = loop.State;
        var driver = device.Driver;
        output.WriteLine();
        output.WriteLine($"final counts: forward {loop.Tracker.ForwardSteps}, backward {loop.Tracker.BackwardSteps}; today {state.TodayForward} + {state.TodayBackward}; hourly records {loop.History.Count}");
        output.WriteLine($"session: backward walking {loop.Tracker.Session.BackwardWalkingMs / 1000} s, longest backward streak {loop.Tracker.Session.LongestBackwardStreakSteps}, backward intervals {loop.Tracker.Session.BackwardIntervals}");
        output.WriteLine($"sensor: {device.Chip.SamplesProduced} samples taken since boot, {device.Chip.SamplesIntoFifo} into the FIFO (from #{device.Chip.FirstFifoSampleIndex}), {loop.SamplesProcessed} processed; overflows {driver.OverflowCount}, resyncs {driver.ResyncCount}, frames discarded {driver.FramesDiscarded}, I2C errors {driver.BusErrorCount} ({device.Bus.FaultsInjected} injected)");
        output.WriteLine($"store: state #{loop.Store.Sequence} saved, {loop.Store.FailedSaves} failed saves, {device.Store.Writes} flash writes");
        var changes = device.AlarmOutput.Changes;
        int beeps = changes.Where((c, i) => c.Buzzer && (i == 0 || !changes[i - 1].Buzzer)).Count();
        int flashes = changes.Where((c, i) => c.Led && (i == 0 || !changes[i - 1].Led)).Count();
        output.WriteLine($"buzzer/LED: {beeps} beeps, {flashes} LED flashes; now buzzer {(device.AlarmOutput.Buzzer ? "on" : "off")}, LED {(device.AlarmOutput.Led ? "on" : "off")}");
    }

    /// <summary>Host cost of the device loop (driver, emulated bus and tracker included) and its allocations, on a second silent run.</summary>
    private static void PrintCost(RawSample[] samples, TextWriter output)
    {
        var device = new EmulatedDevice(samples, publisher: new NullPublisher());
        device.AlarmOutput.Record = false;
        device.RunFor(2000);
        device.Loop.SaveNow(device.Clock.MonotonicMs); // both flash slots exist from here on
        device.Loop.SaveNow(device.Clock.MonotonicMs);
        long processed0 = device.Loop.SamplesProcessed;
        var watch = new Stopwatch();
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        watch.Start();
        while (!device.Chip.SourceExhausted)
        {
            device.Step();
        }

        watch.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytes0;
        long processed = Math.Max(1, device.Loop.SamplesProcessed - processed0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cost on this host: {watch.Elapsed.TotalMicroseconds / processed:F2} µs per sample (loop + driver + emulated I2C), {(double)bytes / processed:F2} bytes allocated per sample over {processed} samples (emulator included)"));
    }

    private static string Time(long ms) => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0,9:F3} s");

    /// <summary>
    /// The BLE stand-in (<see cref="RecordingPublisher"/>: the firmware's encoders, a phone's and a scanner's decoders,
    /// the advertisement refresh policy), printing each observation as it happens, between the scenario's events.
    /// </summary>
    private sealed class LivePhone(RecordingPublisher phone, TextWriter output) : IStatusPublisher
    {
        private int _printed;

        public void Publish(TrackerStatus status, int changedFields)
        {
            phone.Publish(status, changedFields);
            Print();
        }

        public void Advertise(TrackerStatus status)
        {
            phone.Advertise(status);
            Print();
        }

        private void Print()
        {
            while (_printed < phone.Log.Count)
            {
                output.WriteLine(phone.Log[_printed++]);
            }
        }
    }

    /// <summary>One input consumed across reboots: a rebooted board continues where the sensor left off.</summary>
    private sealed class SharedInput(RawSample[] samples)
    {
        private int _next;

        public IEnumerable<RawSample> Remaining()
        {
            while (_next < samples.Length)
            {
                yield return samples[_next++];
            }
        }
    }
}
