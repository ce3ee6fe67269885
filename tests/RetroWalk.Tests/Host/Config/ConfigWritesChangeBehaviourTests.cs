using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Host.Emulation;
using RetroWalk.Tests.Ble;
using RetroWalk.Tests.Core;

namespace RetroWalk.Tests.Host.Config
{
    /// <summary>
    /// A Config write, as a phone makes it through the GATT session, changes what the tracker does: the sideways tilt
    /// angle moves the point where the warning fires, the height and step lengths move the RSC speed and stride.
    /// </summary>
    [TestClass]
    public class ConfigWritesChangeBehaviourTests
    {
        [TestMethod]
        public void TheSidewaysAngleWrittenOverConfigDecidesWhenTheWarningFires()
        {
            // The same walk and 40° sideways lean under different settings.
            int measured = WarnsLeaningSideways(45, out bool warnedAt45);
            Assert.AreEqual(400, measured, 20, "the lean as the tracker measures it");
            Assert.IsFalse(warnedAt45, "a 45° setting does not warn at 40°");
            WarnsLeaningSideways(35, out bool warnedAt35);
            Assert.IsTrue(warnedAt35, "a 35° setting warns at 40°");
            WarnsLeaningSideways(SettingTable.DefaultOf(SettingTable.TiltWarnSidewaysDeg), out bool warnedAtDefault);
            Assert.IsTrue(warnedAtDefault, "the default 30° warns at 40°");
        }

        [TestMethod]
        public void TheHeightAndStepLengthsWrittenOverConfigSetTheRscSpeedAndStride()
        {
            var (session, device) = Connected();
            var defaults = new UserSettings();
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(110, defaults.BackwardStepLengthCm), BackwardRsc(session).SpeedQ8MPerS);

            var taller = new UserSettings { HeightCm = 200 };
            Write(session, device, taller);
            RscMeasurement tall = BackwardRsc(session);
            Assert.AreEqual(StepLengths.BackwardFromForwardCm(StepLengths.ForwardFromHeightCm(200)), tall.StrideLengthCm);
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(110, tall.StrideLengthCm), tall.SpeedQ8MPerS);
            Assert.IsGreaterThan(RscMetrics.SpeedQ8MPerS(110, defaults.BackwardStepLengthCm), tall.SpeedQ8MPerS, "a taller wearer's steps are longer");

            var measured = new UserSettings { HeightCm = 200, BackwardStepCm = 33 };
            Write(session, device, measured);
            RscMeasurement own = BackwardRsc(session);
            Assert.AreEqual(33, own.StrideLengthCm);
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(110, 33), own.SpeedQ8MPerS);
        }

        [TestMethod]
        public void EveryNewSettingWrittenOverConfigIsInForceAndSurvivesAReboot()
        {
            var store = new MemoryCounterStore();
            var (session, device) = Connected(store);
            foreach (SettingSpec row in SettingTable.Rows)
            {
                var wanted = new UserSettings();
                device.Loop.ReadSettings(wanted);
                int value = wanted.Get(row.Id) == row.Max ? row.Min : row.Max;
                Assert.IsTrue(wanted.Set(row.Id, value), row.Key);
                Write(session, device, wanted);
                var now = new UserSettings();
                device.Loop.ReadSettings(now);
                Assert.AreEqual(value, now.Get(row.Id), row.Key);
                Assert.AreEqual(value, device.Loop.State.Settings.Get(row.Id), row.Key + " applied by the loop");
            }

            var expected = new UserSettings();
            device.Loop.ReadSettings(expected);
            var rebooted = new EmulatedDevice(Array.Empty<ImuSample>(), store);
            var restored = new UserSettings();
            rebooted.Loop.ReadSettings(restored);
            Assert.IsTrue(restored.SameAs(expected), "every setting is saved and restored");
            Assert.AreEqual(expected.TiltWarnSidewaysDeg, rebooted.Loop.Tracker.Config.Alarm.TiltWarnSidewaysDeg);
        }

        /// <summary>Writes the sideways angle, walks, stands 1 s, leans 40° sideways for 3 s; returns the tilt measured (0.1°).</summary>
        private static int WarnsLeaningSideways(int sidewaysDeg, out bool warned)
        {
            var (session, device) = Connected();
            Write(session, device, new UserSettings { TiltWarnSidewaysDeg = sidewaysDeg });

            // The loop builds its tracker from the settings in force; a tracker on that configuration is fed a walk,
            // then the lean (the emulated sensor without input has fed the loop's own a few frames).
            Assert.AreEqual(sidewaysDeg, device.Loop.Tracker.Config.Alarm.TiltWarnSidewaysDeg);
            var t = new RetroWalk.Core.Tracker(device.Loop.Tracker.Config);
            SignalBuilder.Still(t, 300);
            SignalBuilder.Walk(t, 10, 100, 250, -1, 0);
            SignalBuilder.Still(t, 100); // within the 5 s the warning stays armed after the last step
            SignalBuilder.Lean(t, 300, 40, 1);
            Assert.AreEqual((byte)TiltDirection.Sideways, (byte)t.TiltDirection);
            warned = t.Alarm == AlarmLevel.TiltWarning;
            return t.TiltDeciDeg;
        }

        private static (GattSessionState Session, EmulatedDevice Device) Connected(MemoryCounterStore store = null)
        {
            var device = new EmulatedDevice(Array.Empty<ImuSample>(), store ?? new MemoryCounterStore());
            var session = new GattSessionState(device.Loop, device.Loop, device.Loop.History, null);
            session.ConnectionChanged(true);
            BondedLink.Approve(session);
            session.SubscribersChanged(GattTable.RscMeasurement, 1);
            return (session, device);
        }

        /// <summary>A whole-record Config write through the GATT session, then one loop pass to apply it.</summary>
        private static void Write(GattSessionState session, EmulatedDevice device, UserSettings settings)
        {
            ConfigCodec.Encode(settings, session.WriteBuffer, 0);
            Assert.AreEqual(GattWrites.Accept, session.Write(GattTable.Config, 0, ConfigCodec.Length));
            device.Step();
        }

        private static RscMeasurement BackwardRsc(GattSessionState session)
        {
            var status = new TrackerStatus { CadenceSpm = 110, Direction = WalkDirection.Backward };
            session.Publish(status, StatusFields.Snapshot);
            var seen = new RscMeasurement();
            Assert.AreEqual(CodecStatus.Ok, RscMeasurementCodec.Decode(session.Value(GattTable.RscMeasurement), 0,
                session.ValueLength(GattTable.RscMeasurement), seen));
            return seen;
        }
    }
}
