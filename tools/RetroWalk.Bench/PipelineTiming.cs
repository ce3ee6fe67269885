using System.Diagnostics;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Bench;

/// <summary>What one timed pass over the stream measured.</summary>
public sealed record PassResult(double NsPerSample, long AllocatedBytes, uint ForwardSteps, uint BackwardSteps);

/// <summary>Times the whole core pipeline: a fresh Tracker per pass, then Process for every sample.</summary>
public static class PipelineTiming
{
    public static PassResult RunPass(RawSample[] samples)
    {
        var tracker = new Tracker(new TrackerConfig());
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        foreach (var s in samples)
        {
            tracker.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new PassResult(elapsed.TotalNanoseconds / samples.Length, allocated, tracker.ForwardSteps, tracker.BackwardSteps);
    }
}
