using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Synthesis
{
    /// <summary>The physics the synthesizer claims, checked on its raw output as the tracker would see it.</summary>
    [TestClass]
    public class GaitPhysicsTests
    {
        private const int RateHz = 100;

        [TestMethod]
        public void TheDirectionCueFlipsWithTheDirectionOfTravel()
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                var forward = SessionCache.Get("forward-walk", null, seed);
                var backward = SessionCache.Get("backward-walk", null, seed);
                var fwd = SynthSignals.CuePerStep(forward.Samples, RegularContacts(forward));
                var bwd = SynthSignals.CuePerStep(backward.Samples, RegularContacts(backward));
                Assert.IsGreaterThan(80, fwd.Length);
                Assert.IsGreaterThan(60, bwd.Length);
                // Forward: rising while slowing down along +forward, so vertical velocity and forward acceleration anti-correlate.
                Assert.IsLessThan(-0.05, fwd.Average(), "forward mean");
                Assert.IsGreaterThanOrEqualTo(0.75 * fwd.Length, fwd.Count(c => c < 0), "forward steps with a negative correlation");
                Assert.IsGreaterThan(0.05, bwd.Average(), "backward mean");
                Assert.IsGreaterThanOrEqualTo(0.75 * bwd.Length, bwd.Count(c => c > 0), "backward steps with a positive correlation");
            }
        }

        [TestMethod]
        public void ATimeReversedForwardWalkShowsTheBackwardSign()
        {
            var forward = SessionCache.Get("forward-walk", null, 2);
            var reversed = SynthSignals.TimeReversed(forward.Samples);
            int last = forward.Samples.Length - 1;
            var contacts = RegularContacts(forward).Select(i => last - i).Reverse().ToArray();
            var cue = SynthSignals.CuePerStep(reversed, contacts);
            Assert.IsGreaterThan(0.05, cue.Average(), "reversed mean");
            Assert.IsGreaterThanOrEqualTo(0.75 * cue.Length, cue.Count(c => c > 0));
            // The reversal flips the rotation: the mean yaw-rate profile changes sign sample by sample.
            Assert.AreEqual(-forward.Samples[100].Gx, reversed[last - 100].Gx);
        }

        [TestMethod]
        public void BackwardWalkingIsNotReversedForwardWalking()
        {
            // Toe-first landing is softer than a heel strike: the sharpest vertical jerk around contacts is smaller.
            var forward = SessionCache.Get("forward-walk", null, 1);
            var backward = SessionCache.Get("backward-walk", null, 1);
            double fwdJerk = MedianContactJerk(forward), bwdJerk = MedianContactJerk(backward);
            Assert.IsLessThan(0.6 * fwdJerk, bwdJerk, "contact jerk backward vs forward, g/sample");
            // And the bounce is smaller (slower, shorter steps): vertical spread well below forward walking's.
            double fwdStd = VerticalStd(forward), bwdStd = VerticalStd(backward);
            Assert.IsLessThan(0.8 * fwdStd, bwdStd, "vertical spread backward vs forward, g");
        }

        [TestMethod]
        public void WalkingLooksLikeAWaistSensorDoes()
        {
            var s = SessionCache.Get("forward-walk", null, 1);
            var bout = s.Truth.Bouts[0];
            int a = bout.StartSample + 5 * RateHz, b = bout.EndSample - 5 * RateHz;
            var vertical = SynthSignals.Axis(s.Samples, a, b, x => x.Ax / SynthSignals.CountsPerG);
            var forward = SynthSignals.Axis(s.Samples, a, b, x => x.Az / SynthSignals.CountsPerG);
            var lateral = SynthSignals.Axis(s.Samples, a, b, x => x.Ay / SynthSignals.CountsPerG);
            Assert.AreEqual(1.0, vertical.Average(), 0.08, "gravity stays on the up axis while walking");
            // Broad physiological ranges for the lower back/waist in walking (peaks of 1.5-2 g, spreads of 0.1-0.5 g).
            SynthSignals.Between(1.3, 2.5, vertical.Max(), "vertical peak, g");
            SynthSignals.Between(0.1, 0.5, SynthSignals.Std(vertical), "vertical spread, g");
            SynthSignals.Between(0.05, 0.4, SynthSignals.Std(forward), "front-back spread, g");
            SynthSignals.Between(0.03, 0.4, SynthSignals.Std(lateral), "side-to-side spread, g");
            var yaw = SynthSignals.Axis(s.Samples, a, b, x => x.Gx / SynthSignals.CountsPerDps);
            SynthSignals.Between(5, 60, SynthSignals.Std(yaw), "pelvic rotation on the up axis, °/s");
        }

        [TestMethod]
        public void AStumbleIsAJoltOfTwoToThreeGWithARapidTrunkRotation()
        {
            var s = SessionCache.Get("stumble", null, 3);
            var st = s.Truth.Stumbles[0];
            double jolt = s.Samples.Skip(st.JoltSample - 3).Take(10).Max(SynthSignals.MagnitudeG);
            SynthSignals.Between(2.0, 4.0, jolt, "jolt, g");
            double Rate(RawSample x) => Math.Sqrt((double)x.Gx * x.Gx + (double)x.Gy * x.Gy + (double)x.Gz * x.Gz) / SynthSignals.CountsPerDps;
            double stumbleRate = s.Samples.Skip(st.TripSample).Take(st.RecoveredSample - st.TripSample).Max(Rate);
            double walkingRate = s.Samples.Skip(s.Truth.Bouts[0].StartSample + 3 * RateHz).Take(8 * RateHz).Max(Rate);
            Assert.IsGreaterThan(60, stumbleRate, "trunk rate in the stumble, °/s");
            Assert.IsGreaterThan(1.5 * walkingRate, stumbleRate, "trunk rate in the stumble vs walking");
        }

        [TestMethod]
        public void LeaningBackTiltsGravityTowardTheForwardAxis()
        {
            var s = SessionCache.Get("lean-back", null, 2);
            var lean = s.Truth.Leans[0];
            double Tilt(int from, int to) => SynthSignals.Axis(s.Samples, from, to, x => Math.Atan2(x.Az, x.Ax) * 180 / Math.PI).Average();
            double upright = Tilt(0, lean.StartSample);
            Assert.AreEqual(35, Tilt(lean.HoldStartSample + 20, lean.HoldEndSample - 20) - upright, 3, "35° back (the forward axis turns up)");
            Assert.AreEqual(upright, Tilt(lean.EndSample + 20, s.Samples.Length), 1.5, "upright again");
        }

        [TestMethod]
        public void ABackwardFallRotatesNinetyDegreesAndSaturatesAtEightG()
        {
            foreach (int seed in new[] { 1, 2 })
            {
                var s = SessionCache.Get("fall-backward", null, seed);
                var fall = s.Truth.Falls[0];
                short full = short.MaxValue, low = short.MinValue;
                bool Saturated(RawSample x) => x.Ax == full || x.Ax == low || x.Ay == full || x.Ay == low || x.Az == full || x.Az == low;
                var aroundImpact = s.Samples.Skip(fall.ImpactSample - 10).Take(20).ToArray();
                Assert.IsTrue(aroundImpact.Any(Saturated), "the impact exceeds ±8 g and clips, as the real chip would");
                Assert.IsGreaterThanOrEqualTo(7.99, aroundImpact.Max(SynthSignals.MagnitudeG));

                // Just before the impact the body is in flight: near free fall.
                double minBefore = s.Samples.Skip(fall.ImpactSample - 30).Take(28).Min(SynthSignals.MagnitudeG);
                Assert.IsLessThan(0.3, minBefore, "free fall before impact, g");

                // The trunk pitches back ~90° (device Y points right, so a backward pitch is a positive Y rate) in 0.5-0.9 s.
                double angle = 0;
                int reached = -1;
                for (int i = fall.OnsetSample; i < fall.OnsetSample + 2 * RateHz; i++)
                {
                    angle += s.Samples[i].Gy / SynthSignals.CountsPerDps / RateHz;
                    if (reached < 0 && angle >= 80) reached = i;
                }
                Assert.AreEqual(90, angle, 15, "about a quarter turn");
                double toHorizontalS = (reached - fall.OnsetSample) / (double)RateHz;
                SynthSignals.Between(0.5, 0.9, toHorizontalS, "seconds to a backward tilt of 80°");

                // Lying on the back: the forward axis (device Z) points up.
                int lieFrom = fall.ImpactSample + 3 * RateHz;
                var z = SynthSignals.Axis(s.Samples, lieFrom, s.Samples.Length, x => x.Az / SynthSignals.CountsPerG);
                var up = SynthSignals.Axis(s.Samples, lieFrom, s.Samples.Length, x => x.Ax / SynthSignals.CountsPerG);
                Assert.AreEqual(1.0, z.Average(), 0.1);
                Assert.AreEqual(0.0, up.Average(), 0.15);
            }
        }

        [TestMethod]
        public void TheSlowWalkIsAnOlderWalkersPaceWithLittleBounce()
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                var slow = SessionCache.Get("slow-walk", null, seed);
                var normal = SessionCache.Get("forward-walk", null, seed);
                Assert.HasCount(2, slow.Truth.Bouts);
                foreach (var bout in slow.Truth.Bouts)
                {
                    double cadence = bout.Steps * 60.0 * RateHz / (bout.EndSample - bout.StartSample);
                    SynthSignals.Between(40, 62, cadence, $"seed {seed}: {bout.Direction} cadence, steps/min");
                }

                Assert.AreEqual(WalkDirection.Forward, slow.Truth.Bouts[0].Direction);
                Assert.AreEqual(WalkDirection.Backward, slow.Truth.Bouts[1].Direction);
                Assert.IsLessThan(0.5 * VerticalStd(normal), VerticalStd(slow), $"seed {seed}: vertical spread slow vs normal forward, g");
            }
        }

        [TestMethod]
        public void HoldingTheTreadmillRailsDampsTheBounceAndSway()
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                var treadmill = SessionCache.Get("treadmill", null, seed);
                var overground = SessionCache.Get("backward-walk", null, seed);
                var backward = treadmill.Truth.Bouts.Where(b => b.Direction == WalkDirection.Backward).ToArray();
                Assert.HasCount(2, backward, "two backward intervals");
                SynthSignals.Between(85, 125, (backward[0].EndSample - backward[0].StartSample) / (double)RateHz, "the first lasts about 90 s");
                // 1.0 mph = 0.447 m/s: the cadence times the step length the profile gives.
                double cadence = backward[1].Steps * 60.0 * RateHz / (backward[1].EndSample - backward[1].StartSample);
                SynthSignals.Between(0.40, 0.50, cadence * GaitProfile.TreadmillBackward.StepLengthM / 60, "belt speed, m/s");
                int a = backward[1].StartSample + 5 * RateHz, b = backward[1].EndSample - 5 * RateHz;
                double vertical = SynthSignals.Std(SynthSignals.Axis(treadmill.Samples, a, b, x => x.Ax / SynthSignals.CountsPerG));
                double lateral = SynthSignals.Std(SynthSignals.Axis(treadmill.Samples, a, b, x => x.Ay / SynthSignals.CountsPerG));
                var free = overground.Truth.Bouts[0];
                int c = free.StartSample + 5 * RateHz, d = free.EndSample - 5 * RateHz;
                double freeLateral = SynthSignals.Std(SynthSignals.Axis(overground.Samples, c, d, x => x.Ay / SynthSignals.CountsPerG));
                Assert.IsLessThan(VerticalStd(overground), vertical, $"seed {seed}: vertical spread on the rails vs over ground, g");
                Assert.IsLessThan(freeLateral, lateral, $"seed {seed}: side-to-side spread on the rails vs over ground, g");
            }
        }

        private static int[] RegularContacts(SynthesizedSession s) =>
            s.Truth.Steps.Where(x => x.Regular).Select(x => x.Sample).ToArray();

        private static double VerticalStd(SynthesizedSession s)
        {
            var bout = s.Truth.Bouts[0];
            return SynthSignals.Std(SynthSignals.Axis(s.Samples, bout.StartSample + 5 * RateHz, bout.EndSample - 5 * RateHz, x => x.Ax / SynthSignals.CountsPerG));
        }

        /// <summary>Median over steps of the largest sample-to-sample change of vertical acceleration within 60 ms of contact.</summary>
        private static double MedianContactJerk(SynthesizedSession s)
        {
            var jerks = s.Truth.Steps.Where(x => x.Regular && x.Sample > 10).Select(step =>
                Enumerable.Range(step.Sample - 1, 6).Max(i => Math.Abs(s.Samples[i + 1].Ax - s.Samples[i].Ax) / SynthSignals.CountsPerG)).OrderBy(j => j).ToArray();
            return jerks[jerks.Length / 2];
        }
    }
}
