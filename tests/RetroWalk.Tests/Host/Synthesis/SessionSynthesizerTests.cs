using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Synthesis
{
    [TestClass]
    public class SessionSynthesizerTests
    {
        [TestMethod]
        public void EveryScenarioHasADescriptionAndPlans()
        {
            Assert.AreEqual(Scenarios.Default, Scenarios.All[0].Name);
            foreach (var info in Scenarios.All)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(info.Description), info.Name);
                var plan = SessionSynthesizer.Plan(info.Name, null, 1);
                Assert.IsGreaterThan(100 * 10, plan.SampleCount, info.Name + " lasts at least 10 s");
                Assert.AreEqual(plan.SampleCount, plan.Truth.SampleCount);
            }
            CollectionAssert.AreEquivalent(
                new[] { "retro-session", "short", "forward-walk", "backward-walk", "stumble", "lean-back", "fall-backward", "slow-walk", "treadmill", "still" },
                Scenarios.Names.ToArray());
        }

        [TestMethod]
        public void AnUnknownScenarioIsRefusedWithTheKnownNames()
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => SessionSynthesizer.Plan("moonwalk"));
            StringAssert.Contains(e.Message, "moonwalk");
            StringAssert.Contains(e.Message, "retro-session");
        }

        [TestMethod]
        public void TheSameSeedGivesTheSameSessionAndAnotherSeedAnother()
        {
            var a = SessionSynthesizer.Generate("short", null, 11);
            var b = SessionSynthesizer.Generate("short", null, 11);
            var c = SessionSynthesizer.Generate("short", null, 12);
            CollectionAssert.AreEqual(a.Samples, b.Samples);
            CollectionAssert.AreEqual(a.Truth.Steps.ToArray(), b.Truth.Steps.ToArray());
            CollectionAssert.AreNotEqual(a.Samples, c.Samples);
            Assert.AreNotEqual(a.Truth.Steps[5].Sample, c.Truth.Steps[5].Sample);

            // Streaming gives the very samples the array holds, however often it is enumerated.
            var plan = SessionSynthesizer.Plan("short", null, 11);
            CollectionAssert.AreEqual(a.Samples, plan.Samples().ToArray());
            CollectionAssert.AreEqual(a.Samples, plan.Samples().ToArray());
        }

        [TestMethod]
        public void StandingStillReadsOneGOnDeviceXAndNoRotation()
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                var s = SessionSynthesizer.Generate("still", null, seed);
                int n = s.Samples.Length;
                // Up to 40 mg bias, 2% sensitivity error and 3° misalignment per axis allowed by the error model.
                Assert.AreEqual(1.0, Mean(s, x => x.Ax / SynthSignals.CountsPerG), 0.07, "device X points up");
                Assert.AreEqual(0.0, Mean(s, x => x.Ay / SynthSignals.CountsPerG), 0.1);
                Assert.AreEqual(0.0, Mean(s, x => x.Az / SynthSignals.CountsPerG), 0.1);
                foreach (Func<RawSample, double> gyro in new Func<RawSample, double>[] { x => x.Gx, x => x.Gy, x => x.Gz })
                {
                    var dps = SynthSignals.Axis(s.Samples, 0, n, x => gyro(x) / SynthSignals.CountsPerDps);
                    Assert.AreEqual(0.0, SynthSignals.Mean(dps), 3.2, "only the bias (at most 3 °/s) is left");
                    Assert.IsLessThan(0.5, SynthSignals.Std(dps), "quiet standing barely rotates, °/s");
                }
                double accelStd = SynthSignals.Std(SynthSignals.Axis(s.Samples, 0, n, x => x.Ax / SynthSignals.CountsPerG));
                SynthSignals.Between(0.001, 0.01, accelStd, "noise near the datasheet's 400 µg/√Hz, g");
            }

            var ideal = SessionSynthesizer.Generate("still", null, 1, new SynthesisOptions { Errors = ImuErrorModel.Ideal });
            Assert.AreEqual(1.0, Mean(ideal, x => x.Ax / SynthSignals.CountsPerG), 0.002);
            Assert.AreEqual(0.0, Mean(ideal, x => x.Gy / SynthSignals.CountsPerDps), 0.1);
        }

        [TestMethod]
        public void ResultsKeepTheirMeaningAtAnotherRateAndMounting()
        {
            var at100 = SessionSynthesizer.Plan("forward-walk", null, 4);
            var at50 = SessionSynthesizer.Plan("forward-walk", new SensorConfig { SampleRateHz = 50 }, 4);
            Assert.AreEqual(at100.SampleCount / 2.0, at50.SampleCount, 1);
            Assert.AreEqual(at100.Truth.ForwardSteps, at50.Truth.ForwardSteps, "the walk does not depend on the sensor");
            Assert.AreEqual(at100.Truth.Steps[10].Sample / 2.0, at50.Truth.Steps[10].Sample, 1);

            // Board upside down and facing backward: forward is device −Z, up is device −X.
            var flipped = new SynthesisOptions { Mounting = Mounting.FromAxes(MountAxis.MinusZ, MountAxis.MinusX), Errors = ImuErrorModel.Ideal };
            var still = SessionSynthesizer.Generate("still", null, 1, flipped);
            Assert.AreEqual(-1.0, Mean(still, x => x.Ax / SynthSignals.CountsPerG), 0.01);
            Assert.ThrowsExactly<ArgumentException>(() => Mounting.FromAxes(MountAxis.PlusZ, MountAxis.MinusZ));
        }

        [TestMethod]
        public void TheBeltClipIsARightHandedRotationWithYToTheRight()
        {
            var r = Mounting.BeltClip.BodyToDevice;
            Assert.AreEqual(1.0, r.Determinant, 1e-12);
            var forward = r * new Vec3(1, 0, 0);
            var left = r * new Vec3(0, 1, 0);
            var up = r * new Vec3(0, 0, 1);
            Assert.AreEqual(new Vec3(0, 0, 1), forward);
            Assert.AreEqual(new Vec3(1, 0, 0), up);
            Assert.AreEqual(new Vec3(0, -1, 0), left, "device +Y points to the wearer's right");

            // A clip turned 20° about the forward axis is still a mounting; a mirrored one is not.
            var tilted = Mounting.FromRotation(Rotation.AboutZ(20 * Math.PI / 180) * r);
            Assert.AreEqual(MountAxis.PlusZ, tilted.ForwardAxis);
            Assert.AreEqual(MountAxis.Unknown, tilted.UpAxis);
            var mirrored = new Rotation(0, 0, 1, 0, 1, 0, 1, 0, 0); // +Z forward, +Y left, +X up: left-handed
            Assert.ThrowsExactly<ArgumentException>(() => Mounting.FromRotation(mirrored));
        }

        [TestMethod]
        public void CountsSaturateAtTheInt16Registers()
        {
            Assert.AreEqual(short.MaxValue, SimulatedImu.ToCounts(40000.4));
            Assert.AreEqual(short.MinValue, SimulatedImu.ToCounts(-1e9));
            Assert.AreEqual((short)-3, SimulatedImu.ToCounts(-2.6));

            // The stumble's 2-3 g jolt fits the default ±8 g but clips at ±2 g.
            var wide = SessionSynthesizer.Generate("stumble", null, 5);
            var narrow = SessionSynthesizer.Generate("stumble", new SensorConfig { AccelRange = AccelRange.Range2G }, 5);
            Assert.AreEqual(0, wide.Samples.Count(IsAccelClipped), "nothing clips at ±8 g");
            
            int jolt = narrow.Truth.Stumbles[0].JoltSample;
            Assert.IsTrue(narrow.Samples.Skip(jolt - 5).Take(15).Any(IsAccelClipped), "clipping happens at the jolt");
        }

        private static bool IsAccelClipped(RawSample s) =>
            s.Ax == short.MaxValue || s.Ax == short.MinValue || s.Ay == short.MaxValue || s.Ay == short.MinValue ||
            s.Az == short.MaxValue || s.Az == short.MinValue;

        private static double Mean(SynthesizedSession s, Func<RawSample, double> pick) => s.Samples.Select(pick).Average();
    }
}
