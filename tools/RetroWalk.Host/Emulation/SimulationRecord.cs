using RetroWalk.Host.Synthesis;

namespace RetroWalk.Host.Emulation;

/// <summary>One thing that happened during a simulated session, at device time <see cref="TimeMs"/> since the first boot.</summary>
/// <param name="Kind">notification, advertisement, alarm, save, fault, boot or event (an injected event's announcement).</param>
/// <param name="What">The characteristic, the alarm level, the fault's kind...</param>
/// <param name="Detail">Decoded value or description.</param>
/// <param name="PayloadHex">Bytes on the air for notifications and advertisements, else null.</param>
public sealed record SimulationEvent(long TimeMs, string Kind, string What, string Detail, string? PayloadHex = null);

/// <summary>
/// What `retrowalk simulate --json` writes: the events of a session in time order, the final counts and, for a
/// synthesized session, the ground truth. Filled by <see cref="Simulator.Run"/> when one is passed in.
/// </summary>
public sealed class SimulationRecord
{
    public string Input { get; set; } = "";
    public string Events { get; set; } = "none";
    public int SampleRateHz { get; set; }
    public int Samples { get; set; }
    public List<SimulationEvent> Timeline { get; } = new();

    public uint ForwardSteps { get; set; }
    public uint BackwardSteps { get; set; }
    public uint TodayForward { get; set; }
    public uint TodayBackward { get; set; }
    public int HourlyRecords { get; set; }
    public string Alarm { get; set; } = "";
    public long BackwardWalkingS { get; set; }
    public int OverflowCount { get; set; }
    public int ResyncCount { get; set; }
    public int I2cErrors { get; set; }
    public int FailedSaves { get; set; }
    public int FlashWrites { get; set; }

    /// <summary>The synthesizer's truth, or null for a recording.</summary>
    public GroundTruth? Truth { get; set; }

    public void Add(long timeMs, string kind, string what, string detail, string? payloadHex = null) =>
        Timeline.Add(new SimulationEvent(timeMs, kind, what, detail, payloadHex));
}
