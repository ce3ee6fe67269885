using RetroWalk.Core;
using RetroWalk.Core.Device;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Il;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Bench;

/// <summary>
/// Executed IL of the whole device loop, not only <see cref="Tracker.Process"/>: one <see cref="DeviceLoop.RunOnce"/>
/// pass (the MPU-6050 FIFO driver, the loop, the calendar and the status publication) plus the session booking Program.cs
/// does after it, interpreted on an emulated device (a fake I2C bus: the register-level emulator, whose calls run
/// natively and count one instruction each, as the device's native I2C calls would), over the synthesized 'short'
/// session; and one save (the state encoded and written to a two-slot in-memory store).
/// </summary>
public static class LoopCost
{
    private const double FastUsPerInstruction = 0.15, SlowUsPerInstruction = 0.3;

    public static void Print(TextWriter output)
    {
        var session = SessionCache.Get("short", seed: 1);
        var device = new EmulatedDevice(session.Samples, publisher: new NullPublisher());
        device.AlarmOutput.Record = false;
        var counter = new IlStepCounter(typeof(Tracker).Assembly);
        var runOnce = typeof(DeviceLoop).GetMethod(nameof(DeviceLoop.RunOnce))!;
        var passes = new List<long>();
        long samples = 0;
        device.Loop.SetClock(1777593600);
        while (!device.Chip.SourceExhausted || device.Chip.FifoCount >= RetroWalk.Core.Sensors.Mpu6050Registers.FrameBytes)
        {
            device.Clock.AdvanceMs(DeviceLoop.LoopPeriodMs);
            long before = counter.Executed;
            // RunOnce books the sessions, the coach and their saves itself (DeviceLoop.AttachSessions).
            samples += (int)counter.Invoke(runOnce, device.Loop)!;
            passes.Add(counter.Executed - before);
        }

        var sorted = passes.Order().ToArray();
        double mean = passes.Average();
        long total = passes.Sum();
        output.WriteLine($"Executed IL per device-loop pass (DeviceLoop.RunOnce with sessions and coach, interpreted, every {DeviceLoop.LoopPeriodMs} ms, " +
                         $"'{session.Scenario}' session on the emulated MPU-6050, {passes.Count:N0} passes, {samples:N0} samples):");
        output.WriteLine($"  per pass: mean {mean:F0}, median {sorted[sorted.Length / 2]}, 99th percentile {sorted[(int)(sorted.Length * 0.99)]}, max {sorted[^1]} instructions");
        output.WriteLine($"  per sample, the whole loop: {(double)total / samples:F0} instructions " +
                         $"({(double)total / samples * FastUsPerInstruction:F0}-{(double)total / samples * SlowUsPerInstruction:F0} µs on the ESP32)");
        output.WriteLine("  where they go (mean per pass, the method itself without its callees):");
        foreach (var (method, count) in counter.SelfCounts.OrderByDescending(kv => kv.Value).Take(10).Select(kv => (kv.Key, kv.Value)))
        {
            output.WriteLine($"    {(double)count / passes.Count,8:F1}  {method}");
        }

        output.WriteLine();
        var saver = new IlStepCounter(typeof(Tracker).Assembly);
        var saveNow = typeof(DeviceLoop).GetMethod(nameof(DeviceLoop.SaveNow))!;
        bool saved = Convert.ToInt32(saver.Invoke(saveNow, device.Loop, device.Clock.MonotonicMs)) != 0;
        output.WriteLine($"Executed IL of one save (DeviceLoop.SaveNow: the state encoded ({RetroWalk.Core.Storage.StateCodec.CrcOffset} bytes under the CRC, {device.Loop.History.Count} hourly records held) and written; {(saved ? "saved" : "FAILED")}):");
        output.WriteLine($"  {saver.Executed} instructions ({saver.Executed * FastUsPerInstruction / 1000:F1}-{saver.Executed * SlowUsPerInstruction / 1000:F1} ms on the ESP32, " +
                         "flash time not included)");
        foreach (var (method, count) in saver.SelfCounts.OrderByDescending(kv => kv.Value).Take(6).Select(kv => (kv.Key, kv.Value)))
        {
            output.WriteLine($"    {count,8}  {method}");
        }
    }
}
