using System.Diagnostics;
using System.Text.Json.Nodes;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Recording;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Dashboard;

/// <summary>
/// The emulated tracker behind `retrowalk dashboard --emulate`: the firmware's device loop on the register-level
/// MPU-6050 emulator (<see cref="EmulatedDevice"/>), fed a synthesized scenario, stepped one loop period at a time on
/// its own thread and paced against the wall clock (<see cref="Speed"/> × real time). Every access to the device, the
/// loop's iteration and each GATT request, takes one lock, as the firmware serialises BLE callbacks against its loop.
/// </summary>
public sealed class EmulatedTracker : IDisposable
{
    private readonly object _lock = new();
    private readonly EmulatedDevice _device;
    private readonly Thread _thread;
    private volatile bool _stop;
    private readonly RawPacketForwarder _rawPackets;
    private RawSampleTap? _tap;
    private volatile bool _inputFinished;

    public EmulatedTracker(string scenario, double speed, int seed = 1)
    {
        Scenario = scenario;
        Speed = speed;
        var config = new TrackerConfig();
        var samples = Simulator.OpenInput(new SimulationOptions { Scenario = scenario, Seed = seed }, config.Sensor, out string description, out _);
        Description = description;
        var publisher = new GattPublisher();
        var recording = new RecordingControl();
        _rawPackets = new RawPacketForwarder();
        // As on the device: the loop reads the sensor through the recording tap.
        _device = new EmulatedDevice(ThenStandStill(samples), config: config, publisher: publisher,
            wrapFifo: fifo => _tap = new RawSampleTap(fifo, recording, _rawPackets));
        Gatt = new EmulatedGatt(_device, recording);
        publisher.Gatt = Gatt;
        _rawPackets.Gatt = Gatt;
        _thread = new Thread(Run) { IsBackground = true, Name = "emulated tracker loop" };
    }

    public string Scenario { get; }

    public string Description { get; }

    /// <summary>
    /// Emulated time per wall-clock time; it may change while the loop runs (the browser tests hold the walk at real
    /// time while the page loads and connects, then speed it up, so a slow machine does not see the walk end first).
    /// </summary>
    public double Speed
    {
        get => Volatile.Read(ref _speed);
        set
        {
            if (value <= 0 || double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), "the speed must be above 0");
            }

            Volatile.Write(ref _speed, value);
        }
    }

    private double _speed;

    /// <summary>The GATT table; call it only through <see cref="WithDevice{T}"/>.</summary>
    public EmulatedGatt Gatt { get; }

    public void Start() => _thread.Start();

    /// <summary>
    /// The scenario, then its last sample for ever: the wearer stands still and the emulated sensor goes on streaming,
    /// as a real one does, so the page does not show the end of the script as a silent sensor (Health).
    /// </summary>
    private IEnumerable<RetroWalk.Host.Recordings.RawSample> ThenStandStill(IEnumerable<RetroWalk.Host.Recordings.RawSample> input)
    {
        RetroWalk.Host.Recordings.RawSample last = default;
        bool any = false;
        foreach (var sample in input)
        {
            last = sample;
            any = true;
            yield return sample;
        }

        _inputFinished = true;
        while (any)
        {
            yield return last;
        }
    }

    /// <summary>The next <paramref name="packets"/> Raw Samples notifications are lost, as with a full BLE buffer.</summary>
    public void LoseRawPackets(int packets)
    {
        lock (_lock)
        {
            _rawPackets.LoseNext(packets);
        }
    }

    /// <summary>Runs <paramref name="action"/> with the device held (no loop iteration in between).</summary>
    public T WithDevice<T>(Func<EmulatedGatt, T> action)
    {
        lock (_lock)
        {
            return action(Gatt);
        }
    }

    /// <summary>What the device itself holds now (for the tests and `--emulate` diagnostics): counts, alarm, settings, history, kept sessions.</summary>
    public JsonObject State()
    {
        lock (_lock)
        {
            var loop = _device.Loop;
            var settings = new UserSettings();
            loop.ReadSettings(settings);
            var history = new JsonArray();
            for (int i = 0; i < loop.History.Count; i++)
            {
                loop.History.GetRecord(i, out uint epoch, out ushort forward, out ushort backward);
                history.Add(new JsonObject { ["hourStartEpochS"] = epoch, ["forwardSteps"] = forward, ["backwardSteps"] = backward });
            }

            return new JsonObject
            {
                ["scenario"] = Scenario,
                ["speed"] = Speed,
                ["monotonicMs"] = _device.Clock.MonotonicMs,
                ["utcSeconds"] = _device.Clock.UtcSeconds,
                ["inputFinished"] = _inputFinished,
                ["forwardSteps"] = loop.Tracker.ForwardSteps,
                ["backwardSteps"] = loop.Tracker.BackwardSteps,
                ["alarm"] = (int)loop.Tracker.Alarm,
                ["identifyRequests"] = Gatt.IdentifyRequests,
                ["batteryPercent"] = Gatt.BatteryPercent,
                ["recording"] = new JsonObject
                {
                    ["on"] = Gatt.Recording.IsOn,
                    ["samplesPacked"] = _tap?.Packer.SamplesPacked ?? 0,
                    ["packetsSent"] = _tap?.Packer.PacketsSent ?? 0,
                    ["packetsLost"] = _tap?.Packer.PacketsLost ?? 0,
                    ["samplesPerPacket"] = _tap?.Packer.SamplesPerPacket ?? 0,
                },
                ["settings"] = SettingsJson(settings),
                ["history"] = history,
                ["sessions"] = SessionsJson(_device.Sessions.Recorder.History),
                ["sessionRunning"] = _device.Sessions.Recorder.Active,
            };
        }
    }

    /// <summary>The finished sessions the device keeps (what a Session log download sends), oldest first, from the records themselves.</summary>
    private static JsonArray SessionsJson(RetroWalk.Core.Session.SessionHistory kept)
    {
        var list = new JsonArray();
        for (int i = 0; i < kept.Count; i++)
        {
            var s = kept.Get(i);
            var intervals = new JsonArray();
            for (int k = 0; k < s.IntervalCount; k++)
            {
                intervals.Add(new JsonObject
                {
                    ["direction"] = s.IntervalDirection[k], ["startMs"] = s.IntervalStartMs[k], ["durationMs"] = s.IntervalDurationMs[k],
                    ["steps"] = s.IntervalSteps[k],
                });
            }

            list.Add(new JsonObject
            {
                ["number"] = s.Number, ["startEpochS"] = s.StartEpochS, ["durationMs"] = s.DurationMs,
                ["forwardMs"] = s.ForwardMs, ["backwardMs"] = s.BackwardMs, ["forwardSteps"] = s.ForwardSteps, ["backwardSteps"] = s.BackwardSteps,
                ["forwardCadenceSpm"] = s.ForwardCadenceSpm, ["backwardCadenceSpm"] = s.BackwardCadenceSpm,
                ["longestBackwardStreakSteps"] = s.LongestBackwardStreakSteps, ["forwardKcal"] = s.ForwardKcal, ["backwardKcal"] = s.BackwardKcal,
                ["forwardCvPermille"] = s.ForwardSteadiness.CvPermille, ["backwardCvPermille"] = s.BackwardSteadiness.CvPermille,
                ["intervalTotal"] = s.IntervalTotal, ["intervals"] = intervals,
            });
        }

        return list;
    }

    /// <summary>Every setting by its <see cref="SettingTable"/> key, as the page's form names them.</summary>
    private static JsonObject SettingsJson(UserSettings settings)
    {
        var json = new JsonObject();
        foreach (SettingSpec row in SettingTable.Rows)
        {
            json[row.Key] = settings.Get(row.Id);
        }

        return json;
    }

    private void Run()
    {
        // Paced from the last change of speed: loop passes since then against wall time since then.
        var watch = Stopwatch.StartNew();
        long steps = 0;
        double speed = Speed;
        while (!_stop)
        {
            lock (_lock)
            {
                _device.Step();
            }

            steps++;
            if (Speed != speed)
            {
                speed = Speed;
                steps = 0;
                watch.Restart();
                continue;
            }

            double dueMs = steps * DeviceLoop.LoopPeriodMs / speed;
            double waitMs = dueMs - watch.Elapsed.TotalMilliseconds;
            if (waitMs > 1)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(waitMs));
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join(2000);
        }
    }
}
