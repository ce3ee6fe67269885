using System.Diagnostics;
using System.Globalization;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Health;
using RetroWalk.Core.Sensors;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

using RetroWalk.Host.Settings;

namespace RetroWalk.Host.Emulation;

/// <summary>What `retrowalk simulate` runs: the input (a recording, or a synthesized session) and the device events on top.</summary>
public sealed record SimulationOptions
{
    /// <summary>Raw-sample CSV to replay instead of a synthesized session.</summary>
    public string? Recording { get; init; }

    /// <summary>Synthesizer scenario (<see cref="Synthesis.Scenarios"/>).</summary>
    public string Scenario { get; init; } = Synthesis.Scenarios.Default;

    public int Seed { get; init; } = 1;

    /// <summary>One of <see cref="Simulator.Events"/>.</summary>
    public string Events { get; init; } = "none";

    /// <summary>Print every notification, not only alarm changes and a periodic phone view.</summary>
    public bool Verbose { get; init; }

    /// <summary>"key=value" settings the phone writes through the Config characteristic after setting the clock.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>At the end, end the running session by command and have the phone download the sessions (Session log).</summary>
    public bool Sessions { get; init; }
}

/// <summary>
/// `retrowalk simulate`: runs the firmware's device loop on the emulated board and prints what a phone and a BLE scanner
/// would see, the buzzer/LED, the sensor's faults and the final counts (against the synthesizer's ground truth). Events
/// add loop stalls, I2C faults, a power cut during a save, or button presses on top of the input.
/// </summary>
public static class Simulator
{
    public static readonly string[] Events = ["none", "stall", "i2c-errors", "power-cut", "button", "sensor-disconnect", "flash-fail"];

    /// <summary>How long the sensor stays unplugged in the "sensor-disconnect" events.</summary>
    public const int SensorDisconnectMs = 10_000;

    /// <summary>UTC time the emulated phone writes to the Current Time characteristic, and its UTC offset.</summary>
    public const long PhoneUtcS = 1777626000; // 2026-05-01T09:00:00Z
    public const int PhoneUtcOffsetMinutes = 120;

    /// <summary>Period of the phone-view line when not verbose.</summary>
    public const int PhoneViewEveryMs = 30_000;

    /// <summary>The one place that chooses the samples fed to the emulated sensor: a recording or the gait synthesizer.</summary>
    public static IReadOnlyCollection<RawSample> OpenInput(SimulationOptions options, SensorConfig sensor, out string description, out GroundTruth? truth)
    {
        if (options.Recording is not null)
        {
            description = $"recording {options.Recording}";
            truth = null;
            // Any recording `eval` reads (the project's CSV, a SisFall trial, an Oxford or Bangle.js file), converted to
            // MPU6050 counts at the emulated sensor's rate and ranges.
            // Streamed: a recording of any length replays in constant memory.
            return RecordingFile.StreamRaw(options.Recording, sensor);
        }

        // Synthesized once per process per scenario, seed and sensor setting (the tests and the dashboard ask again and again).
        var session = SessionCache.Get(options.Scenario, sensor, options.Seed);
        var info = Synthesis.Scenarios.All.First(s => string.Equals(s.Name, options.Scenario, StringComparison.OrdinalIgnoreCase));
        description = $"synthesized session '{info.Name}' (seed {options.Seed}): {info.Description}";
        truth = session.Truth;
        return session.Samples;
    }

    /// <summary>
    /// Runs the session, printing to <paramref name="output"/>. <paramref name="record"/>, when given, receives every
    /// event with its time and the final figures (`simulate --json`); <paramref name="progress"/> is told the fraction
    /// of the input consumed, about every emulated second.
    /// </summary>
    public static int Run(SimulationOptions options, TextWriter output, SimulationRecord? record = null, Action<double>? progress = null)
    {
        if (Array.IndexOf(Events, options.Events) < 0)
        {
            output.WriteLine($"unknown events '{options.Events}'; choose one of: {string.Join(", ", Events)}");
            return 2;
        }

        var wanted = new UserSettings();
        if (!SettingsText.TryAssign(options.Settings, wanted, out string settingsError))
        {
            output.WriteLine(settingsError);
            return 2;
        }

        var config = new TrackerConfig();
        var samples = OpenInput(options, config.Sensor, out var description, out var truth);
        long durationMs = samples.Count * 1000L / config.Sensor.SampleRateHz;
        var run = new RunContext(record, progress, durationMs) { Output = output };
        if (record is not null)
        {
            record.Input = description;
            record.Events = options.Events;
            record.SampleRateHz = config.Sensor.SampleRateHz;
            record.Samples = samples.Count;
            record.Truth = truth;
        }
        output.WriteLine($"RetroWalk device emulation, times since boot. Input: {description}; {samples.Count} samples at {config.Sensor.SampleRateHz} Hz. Events: {options.Events}.");
        var input = new SharedInput(samples);
        var store = new MemoryCounterStore();
        var device = Boot(input, store, config, options, output, run);
        long msBeforeBoot = 0; // wall time that passed before the current boot (the phone's clock runs on)
        PhoneSetsClock(device, msBeforeBoot, output);
        if (options.Settings.Count > 0)
        {
            PhoneWritesSettings(device, options.Settings, output);
        }

        switch (options.Events)
        {
            case "stall":
                RunUntil(run, device, durationMs / 3);
                Say(run, device, output, "loop thread stalls 700 ms: 800 ms between FIFO reads (the FIFO holds 850 ms)");
                device.Stall(700);
                RunUntil(run, device, durationMs * 2 / 3);
                Say(run, device, output, "loop thread stalls 3 s (beyond the FIFO: overflow, resync)");
                device.Stall(3000);
                break;
            case "i2c-errors":
                Say(run, device, output, "I2C faults from now on: 1 % of transfers not acknowledged, then 2 % broken off mid-read");
                device.Bus.FailRandomly(0.01, BusFault.Nack, 11);
                device.Bus.FailNext(BusFault.Partial, BusFault.Nack, BusFault.Partial);
                RunUntil(run, device, durationMs / 2);
                device.Bus.FailRandomly(0.02, BusFault.Partial, 12);
                break;
            case "power-cut":
                RunUntil(run, device, durationMs * 2 / 5);
                Say(run, device, output, $"state saved (every {DeviceLoop.PersistIntervalMs / 1000} s while counting; brought forward here): forward {device.Loop.Tracker.ForwardSteps}, backward {device.Loop.Tracker.BackwardSteps}");
                device.Loop.SaveNow(device.Clock.MonotonicMs);
                RunUntil(run, device, durationMs / 2);
                Say(run, device, output, "power fails half-way through the next save; the board reboots");
                device.Store.CutPowerDuringWrite(0, StateCodec.Size / 2, TornWrite.InPlace);
                try
                {
                    device.Loop.SaveNow(device.Clock.MonotonicMs);
                }
                catch (PowerCutException e)
                {
                    output.WriteLine($"{Time(device.Clock.MonotonicMs)}  ** {e.Message}");
                    run.Record?.Add(run.Now(device), "fault", "power-cut", e.Message);
                }

                msBeforeBoot += device.Clock.MonotonicMs;
                run.MsBeforeBoot = msBeforeBoot;
                device = Boot(input, store, config, options, output, run);
                PhoneSetsClock(device, msBeforeBoot, output);
                break;
            case "sensor-disconnect":
                RunUntil(run, device, durationMs / 3);
                Say(run, device, output, $"sensor unplugged for {SensorDisconnectMs / 1000} s: every I2C transfer goes unanswered");
                device.Bus.FailRandomly(1.0, BusFault.Nack, 13);
                RunUntil(run, device, device.Clock.MonotonicMs + SensorDisconnectMs);
                Say(run, device, output, "sensor plugged back in");
                device.Bus.FailRandomly(0, BusFault.Nack, 13);
                break;
            case "flash-fail":
                RunUntil(run, device, durationMs / 3);
                Say(run, device, output, $"flash writes fail from now on; a save is brought forward (retried every {DeviceLoop.SaveRetryMs / 1000} s)");
                device.Store.FailWrites = true;
                device.Loop.SaveNow(device.Clock.MonotonicMs);
                RunUntil(run, device, durationMs * 2 / 3);
                Say(run, device, output, "flash writes work again");
                device.Store.FailWrites = false;
                break;
            case "button":
                RunUntil(run, device, durationMs / 2);
                Say(run, device, output, "button held 3.5 s (long press: reset counts)");
                Press(device, 3500);
                RunUntil(run, device, durationMs * 9 / 10);
                Say(run, device, output, "short press (acknowledge)");
                Press(device, 200);
                break;
        }

        while (!device.Chip.SourceExhausted || device.Chip.FifoCount >= RetroWalk.Core.Sensors.Mpu6050Registers.FrameBytes)
        {
            device.Step();
            run.Poll(device);
        }

        // The last publications. With --sessions the phone downloads within the same 2 s: the recording has ended, so
        // the emulated sensor falls silent, and waiting longer would show Health a "sensor silent" fault that the
        // wearer's tracker would not have (Mpu6050Fifo.EmptyReadsBeforeSilent: 3 s of empty reads).
        if (options.Sessions)
        {
            DownloadSessions(run, device, output);
        }
        else
        {
            device.RunFor(2000);
        }

        run.Poll(device);

        PrintSummary(device, truth, output);
        run.Finish(device);
        PrintCost(samples, output);
        return 0;
    }

    /// <summary>Observations the simulated phone keeps: each is printed or recorded as it arrives, so only the newest are
    /// needed (the session download's), and a day-long recording runs in flat memory.</summary>
    private const int PhoneLogKeep = 4096;

    private static EmulatedDevice Boot(SharedInput input, MemoryCounterStore store, TrackerConfig config, SimulationOptions options, TextWriter output, RunContext run)
    {
        EmulatedDevice? device = null;
        var phone = new LivePhone(new RecordingPublisher(() => device!.Clock.MonotonicMs)
        {
            Battery = new EmulatedBattery(() => device!.Clock.MonotonicMs),
            LogKeep = PhoneLogKeep,
        }, output, options.Verbose, run);
        device = new EmulatedDevice(input.Remaining(), store, config, phone);
        var loop = device.Loop;
        string restore = loop.RestoreOutcome switch
        {
            RestoreOutcome.Fresh => StateStore.Describe(loop.RestoreOutcome),
            RestoreOutcome.Restored or RestoreOutcome.RestoredOlder =>
                $"{StateStore.Describe(loop.RestoreOutcome)}, state #{loop.Store.Sequence} {loop.RestoreMessage}".TrimEnd(),
            _ => $"{StateStore.Describe(loop.RestoreOutcome)}: {loop.RestoreMessage}",
        };
        output.WriteLine($"boot: {restore}; forward {loop.Tracker.ForwardSteps}, backward {loop.Tracker.BackwardSteps}");
        string sensor = Mpu6050StatusText.Describe(device.SensorStatus);
        output.WriteLine($"boot: MPU-6050 {sensor} (WHO_AM_I 0x{device.Driver.LastWhoAmI:X2})");
        run.Booted(device, $"{restore}; MPU-6050 {sensor}");
        return device;
    }

    /// <summary>
    /// The emulated phone sets the clock as a standard Current Time Service client does, through the GATT session:
    /// Local Time Information (the UTC offset, no DST), then Current Time (local time).
    /// </summary>
    private static void PhoneSetsClock(EmulatedDevice device, long msBeforeBoot, TextWriter output)
    {
        device.RunFor(1000);
        long utc = PhoneUtcS + (msBeforeBoot + device.Clock.MonotonicMs) / 1000;
        RecordingPublisher phone = ((LivePhone)device.Publisher).Phone;
        var localTime = new byte[LocalTimeInfoCodec.Length];
        LocalTimeInfoCodec.Encode(PhoneUtcOffsetMinutes / 15, LocalTimeInfoCodec.DstStandard, localTime, 0);
        byte zoneAnswer = phone.PhoneWrites(GattTable.LocalTimeInformation, localTime);
        var time = new byte[CurrentTimeCodec.Length];
        CurrentTimeCodec.Encode((uint)(utc + PhoneUtcOffsetMinutes * 60), 0, CurrentTimeCodec.AdjustManual, time, 0);
        byte timeAnswer = phone.PhoneWrites(GattTable.CurrentTime, time);
        output.WriteLine($"{Time(device.Clock.MonotonicMs)}  ** phone writes Local Time Information (UTC offset +{PhoneUtcOffsetMinutes} min: {AttAnswer.Describe(zoneAnswer)}) and Current Time {DateTimeOffset.FromUnixTimeSeconds(utc):u} ({AttAnswer.Describe(timeAnswer)})");
    }

    /// <summary>
    /// The emulated phone changes settings as an app does: reads Config, changes the fields asked for, writes the whole
    /// record back through the GATT session; prints what it wrote and the device's answer.
    /// </summary>
    private static void PhoneWritesSettings(EmulatedDevice device, IReadOnlyList<string> assignments, TextWriter output)
    {
        RecordingPublisher phone = ((LivePhone)device.Publisher).Phone;
        byte[] read = phone.PhoneReads(GattTable.Config, device.Clock.UtcSeconds) ?? [];
        var settings = new UserSettings();
        var scratch = new UserSettings();
        ConfigCodec.Decode(read, 0, read.Length, scratch, settings);
        SettingsText.TryAssign(assignments, settings, out _);
        var value = new byte[ConfigCodec.Length];
        ConfigCodec.Encode(settings, value, 0);
        byte answer = phone.PhoneWrites(GattTable.Config, value);
        device.Step();
        output.WriteLine($"{Time(device.Clock.MonotonicMs)}  ** phone writes Config ({string.Join(", ", assignments)}): ATT 0x{answer:X2}");
        var now = new UserSettings();
        device.Loop.ReadSettings(now);
        foreach (var (label, text) in SettingsText.Lines(now))
        {
            output.WriteLine($"               {label}: {text}");
        }
    }

    private static void RunUntil(RunContext run, EmulatedDevice device, long monotonicMs)
    {
        while (device.Clock.MonotonicMs < monotonicMs && !device.Chip.SourceExhausted)
        {
            device.Step();
            run.Poll(device);
        }
    }

    private static void Press(EmulatedDevice device, int ms)
    {
        device.Button.IsPressed = true;
        device.RunFor(ms);
        device.Button.IsPressed = false;
        device.Step();
    }

    /// <summary>What a coach cue asks of the walker (docs/coach.md).</summary>
    private static string CoachText(RetroWalk.Core.Session.CoachCue cue) => cue switch
    {
        RetroWalk.Core.Session.CoachCue.SwitchToForward => "backward interval done: walk forward",
        RetroWalk.Core.Session.CoachCue.SwitchToBackward => "forward interval done: walk backward",
        RetroWalk.Core.Session.CoachCue.TargetReached => "the session's target time is reached",
        RetroWalk.Core.Session.CoachCue.Glance => "glance over your shoulder",
        _ => cue.ToString(),
    };

    private static void Say(RunContext run, EmulatedDevice device, TextWriter output, string what)
    {
        output.WriteLine($"{Time(device.Clock.MonotonicMs)}  ** {what}");
        run.Record?.Add(run.Now(device), "event", "injected", what);
    }

    /// <summary>
    /// The session still running is ended by command (as a double press would), then the phone downloads every kept
    /// session over GATT: Control Point 0x13 from session 0, the Session log until its end marker.
    /// </summary>
    private static void DownloadSessions(RunContext run, EmulatedDevice device, TextWriter output)
    {
        if (device.Sessions.EndByCommand(device.Loop.Tracker.SampleIndex))
        {
            Say(run, device, output, "the running session is ended by command (as a double press)");
        }

        device.RunFor(1000); // the Session notification of the end
        var phone = ((LivePhone)device.Publisher).Phone;
        long before = phone.Logged;
        byte status = phone.DownloadSessions(0);
        int notifications = phone.Log.Skip((int)Math.Max(0, before - phone.FirstLogged)).Count(o => o.Source == GattTable.Name(GattTable.SessionLog));
        Coach.SessionReport.PrintDownload(phone.SessionLog!, status, notifications, phone.Session.AttMtu, output);
    }

    private static void PrintSummary(EmulatedDevice device, GroundTruth? truth, TextWriter output)
    {
        var loop = device.Loop;
        var tracker = loop.Tracker;
        var state = loop.State;
        var driver = device.Driver;
        output.WriteLine();
        output.WriteLine($"final counts: forward {tracker.ForwardSteps}, backward {tracker.BackwardSteps}; today {state.TodayForward} + {state.TodayBackward}; hourly records {loop.History.Count}; alarm {tracker.Alarm}");
        if (truth is not null)
        {
            output.WriteLine($"ground truth (synthesizer): forward {truth.ForwardSteps}, backward {truth.BackwardSteps} steps; falls {truth.Falls.Count}");
        }

        output.WriteLine($"session: backward walking {tracker.Session.BackwardWalkingMs / 1000} s, longest backward streak {tracker.Session.LongestBackwardStreakSteps}, backward intervals {tracker.Session.BackwardIntervals}");
        output.WriteLine($"sensor: {device.Chip.SamplesIntoFifo} samples into the FIFO since boot, {loop.SamplesProcessed} processed; overflows {driver.OverflowCount}, resyncs {driver.ResyncCount}, frames discarded {driver.FramesDiscarded}, I2C errors {driver.BusErrorCount} ({device.Bus.FaultsInjected} injected)");
        output.WriteLine($"store: state #{loop.Store.Sequence} saved, {loop.Store.FailedSaves} failed saves, {device.Store.Writes} flash writes");
        var health = ((LivePhone)device.Publisher).Phone.LastHealth;
        output.WriteLine(health is null ? "health (phone): never notified" : $"health (phone, last notification): {RecordingPublisher.Describe(health)}");
        var changes = device.AlarmOutput.Changes;
        int beeps = changes.Where((c, i) => c.Buzzer && (i == 0 || !changes[i - 1].Buzzer)).Count();
        int flashes = changes.Where((c, i) => c.Led && (i == 0 || !changes[i - 1].Led)).Count();
        output.WriteLine($"buzzer/LED: {beeps} beeps, {flashes} LED flashes since boot; now buzzer {(device.AlarmOutput.Buzzer ? "on" : "off")}, LED {(device.AlarmOutput.Led ? "on" : "off")}");
    }

    /// <summary>Host cost of the device loop (driver, emulated bus and tracker included) and its allocations, on a second silent run.</summary>
    private static void PrintCost(IEnumerable<RawSample> samples, TextWriter output)
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
    /// the advertisement refresh policy), printing as it goes: every advertisement, the notifications that change the
    /// alarm, and a line of what the phone shows every 30 s (or every notification when verbose).
    /// </summary>
    private sealed class LivePhone(RecordingPublisher phone, TextWriter output, bool verbose, RunContext run) : IStatusPublisher, IHealthPublisher, IDeviceBound
    {
        public RecordingPublisher Phone => phone;

        public void Bind(DeviceLoop loop, ISessionSource? sessions) => phone.Bind(loop, sessions);

        private long _printed;
        private long _lastViewMs = -PhoneViewEveryMs;

        public void Publish(TrackerStatus status, int changedFields)
        {
            var alarmBefore = phone.PhoneView.Alarm;
            phone.Publish(status, changedFields);
            bool alarmChanged = phone.PhoneView.Alarm != alarmBefore;
            Print(verbose || alarmChanged);
            if (alarmChanged && phone.Log.Count > 0)
            {
                run.Record?.Add(run.MsBeforeBoot + phone.Log[^1].TimeMs, "alarm", phone.PhoneView.Alarm.ToString(), $"was {alarmBefore}");
            }
            long now = phone.Log.Count > 0 ? phone.Log[^1].TimeMs : 0;
            if (!verbose && !alarmChanged && now - _lastViewMs >= PhoneViewEveryMs)
            {
                _lastViewMs = now;
                var v = phone.PhoneView;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{now / 1000.0,9:F3} s  phone   fwd {v.ForwardSteps}, bwd {v.BackwardSteps}, {v.CadenceSpm} steps/min {v.Direction}, tilt {v.TiltDeciDeg / 10.0:F1}° {v.TiltDirection}, alarm {v.Alarm}"));
                if (phone.LastRsc != null)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now / 1000.0,9:F3} s  fitness app (RSC)  {phone.LastRsc}"));
                }
            }
        }

        public void Advertise(TrackerStatus status)
        {
            phone.Advertise(status);
            Print(true);
        }

        /// <summary>Every Health notification is printed: they are rare (a fault at once, else once a minute).</summary>
        public void PublishHealth(DeviceHealth health)
        {
            phone.PublishHealth(health);
            Print(true);
        }

        private void Print(bool show)
        {
            while (_printed < phone.Logged)
            {
                var observation = phone.Log[(int)(_printed++ - phone.FirstLogged)];
                run.Record?.Add(run.MsBeforeBoot + observation.TimeMs, observation.Channel == "advert" ? "advertisement" : "notification",
                    observation.Source, observation.Decoded, Convert.ToHexString(observation.Payload));
                if (show)
                {
                    output.WriteLine(observation);
                }
            }
        }
    }

    /// <summary>
    /// Per-run bookkeeping for the optional record and progress: device time across reboots, and the counters whose
    /// changes become save and fault events (seen after each loop pass, so a time is at most one loop period late).
    /// </summary>
    private sealed class RunContext(SimulationRecord? record, Action<double>? progress, long durationMs)
    {
        private uint _saves;
        private int _failedSaves, _busErrors, _overflows, _resyncs, _coachCues;
        private long _nextProgressMs;

        public SimulationRecord? Record { get; } = record;
        public long MsBeforeBoot { get; set; }

        /// <summary>Where the coach's cues are printed as they play.</summary>
        public TextWriter? Output { get; init; }

        public long Now(EmulatedDevice device) => MsBeforeBoot + device.Clock.MonotonicMs;

        public void Booted(EmulatedDevice device, string what)
        {
            var loop = device.Loop;
            _saves = loop.Store.Sequence;
            _failedSaves = loop.Store.FailedSaves;
            _busErrors = _overflows = _resyncs = _coachCues = 0;
            Record?.Add(Now(device), "boot", "restore", what);
        }

        public void Poll(EmulatedDevice device)
        {
            long now = Now(device);
            if (progress is not null && now >= _nextProgressMs)
            {
                _nextProgressMs = now + 1000;
                progress(durationMs <= 0 ? 1 : Math.Min(1.0, (double)now / durationMs));
            }
            if (device.Loop.CoachCues != _coachCues)
            {
                _coachCues = device.Loop.CoachCues;
                string cue = CoachText(device.Loop.LastCoachCue);
                Output?.WriteLine($"{Time(device.Clock.MonotonicMs)}  coach   {cue} (cue {_coachCues} on the buzzer)");
                Record?.Add(now, "coach", device.Loop.LastCoachCue.ToString(), cue);
            }
            if (Record is null)
            {
                return;
            }
            var store = device.Loop.Store;
            var driver = device.Driver;
            if (store.Sequence != _saves)
            {
                _saves = store.Sequence;
                Record.Add(now, "save", "state", $"state #{store.Sequence} saved: forward {device.Loop.Tracker.ForwardSteps}, backward {device.Loop.Tracker.BackwardSteps}");
            }
            Fault(now, "save-failed", store.FailedSaves, ref _failedSaves);
            Fault(now, "i2c-error", driver.BusErrorCount, ref _busErrors);
            Fault(now, "fifo-overflow", driver.OverflowCount, ref _overflows);
            Fault(now, "resync", driver.ResyncCount, ref _resyncs);
        }

        private void Fault(long now, string what, int count, ref int seen)
        {
            if (count > seen)
            {
                Record!.Add(now, "fault", what, $"{count - seen} more, {count} since boot");
                seen = count;
            }
        }

        public void Finish(EmulatedDevice device)
        {
            progress?.Invoke(1);
            if (Record is null)
            {
                return;
            }
            var loop = device.Loop;
            Record.ForwardSteps = loop.Tracker.ForwardSteps;
            Record.BackwardSteps = loop.Tracker.BackwardSteps;
            Record.TodayForward = loop.State.TodayForward;
            Record.TodayBackward = loop.State.TodayBackward;
            Record.HourlyRecords = loop.History.Count;
            Record.Alarm = loop.Tracker.Alarm.ToString();
            Record.BackwardWalkingS = loop.Tracker.Session.BackwardWalkingMs / 1000;
            Record.OverflowCount = device.Driver.OverflowCount;
            Record.ResyncCount = device.Driver.ResyncCount;
            Record.I2cErrors = device.Driver.BusErrorCount;
            Record.FailedSaves = loop.Store.FailedSaves;
            Record.FlashWrites = device.Store.Writes;
        }
    }

    /// <summary>One input consumed across reboots: a rebooted board continues where the sensor left off.</summary>
    private sealed class SharedInput(IEnumerable<RawSample> samples)
    {
        private IEnumerator<RawSample>? _source;

        public IEnumerable<RawSample> Remaining()
        {
            _source ??= samples.GetEnumerator();
            while (_source.MoveNext())
            {
                yield return _source.Current;
            }
        }
    }
}
