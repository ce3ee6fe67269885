using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Host.Il;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Il
{
    [TestClass]
    public class IlStepCounterTests
    {
        [TestMethod]
        public void TheInterpretedTrackerEndsInTheSameStateAsTheRealOne()
        {
            // The counter is only worth its figure if it executes the same path: same steps, same alarms.
            var session = SessionCache.Get("fall-backward", seed: 2);
            var real = new RetroWalk.Core.Tracker(new TrackerConfig());
            var interpreted = new RetroWalk.Core.Tracker(new TrackerConfig());
            var counter = new IlStepCounter(typeof(RetroWalk.Core.Tracker).Assembly);
            var process = typeof(RetroWalk.Core.Tracker).GetMethod(nameof(RetroWalk.Core.Tracker.Process));
            foreach (var s in session.Samples)
            {
                real.Process(s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
                counter.Invoke(process, interpreted, s.Ax, s.Ay, s.Az, s.Gx, s.Gy, s.Gz);
            }

            Assert.AreEqual(real.ForwardSteps, interpreted.ForwardSteps);
            Assert.AreEqual(real.BackwardSteps, interpreted.BackwardSteps);
            Assert.AreEqual(real.FirstFallAlarmSample, interpreted.FirstFallAlarmSample);
            Assert.AreEqual(real.TiltDeciDeg, interpreted.TiltDeciDeg);
            Assert.IsTrue(real.BackwardSteps > 0 && real.FirstFallAlarmSample > 0, "the session walks and falls");
            double perSample = (double)counter.Executed / session.Samples.Length;
            Assert.IsTrue(perSample > 50 && perSample < 5000, $"{perSample:F0} IL instructions per sample");
        }

        [TestMethod]
        public void EveryInstructionIsCounted()
        {
            // FixedMath.Abs(-5): ldarg.0, ldc.i4.0, blt.s/bge.s, ..., ret: a handful, and exactly the same every call.
            var counter = new IlStepCounter(typeof(RetroWalk.Core.Tracker).Assembly);
            var abs = typeof(RetroWalk.Core.Dsp.FixedMath).GetMethod(nameof(RetroWalk.Core.Dsp.FixedMath.Abs));
            Assert.AreEqual(5, (int)counter.Invoke(abs, null, -5));
            long once = counter.Executed;
            counter.Invoke(abs, null, -7);
            Assert.AreEqual(2 * once, counter.Executed);
            Assert.IsTrue(once >= 3 && once <= 10, $"{once} instructions for Abs");
        }
    }
}
