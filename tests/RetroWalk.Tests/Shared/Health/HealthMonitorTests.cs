#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;
using RetroWalk.Tests.Ble;

namespace RetroWalk.Tests.Health
{
    /// <summary>A sensor driver's diagnostics, set by the test.</summary>
    public sealed class FakeSensorDiagnostics : ISensorDiagnostics
    {
        public SensorHealth State;
        public int BusErrors;
        public int Resyncs;
        public int Overflows;
        public int Reinits;

        public SensorHealth SensorState { get { return State; } }
        public int BusErrorCount { get { return BusErrors; } }
        public int ResyncCount { get { return Resyncs; } }
        public int OverflowCount { get { return Overflows; } }
        public int ReinitCount { get { return Reinits; } }
    }

    /// <summary>Counts the publications and keeps a copy of the last.</summary>
    public sealed class HealthLog : IHealthPublisher
    {
        public readonly DeviceHealth Last = new DeviceHealth();
        public int Count;

        public void PublishHealth(DeviceHealth health)
        {
            Count++;
            Last.CopyFrom(health);
        }
    }

    /// <summary>Two flash slots in RAM whose writes can be made to fail.</summary>
    public sealed class FlakySlots : ICounterStore
    {
        public bool FailWrites;
        private readonly byte[][] _data = new byte[2][];

        public int Read(int slot, byte[] buffer)
        {
            byte[] d = _data[slot];
            if (d == null)
            {
                return 0;
            }

            System.Array.Copy(d, buffer, d.Length);
            return d.Length;
        }

        public bool Write(int slot, byte[] data, int length)
        {
            if (FailWrites)
            {
                return false;
            }

            byte[] copy = new byte[length];
            System.Array.Copy(data, copy, length);
            _data[slot] = copy;
            return true;
        }
    }

    /// <summary>When the Health characteristic is published (HealthMonitor) and what it carries.</summary>
    [TestClass]
    public class HealthMonitorTests
    {
        private static HealthMonitor NewMonitor(FakeSensorDiagnostics sensor, StateStore store, RestoreOutcome restore, HealthLog log)
        {
            var monitor = new HealthMonitor(sensor, store, restore);
            monitor.AttachPublisher(log);
            return monitor;
        }

        [TestMethod]
        public void TheFirstPassPublishesTheRestoreOutcomeAtOnce()
        {
            var log = new HealthLog();
            HealthMonitor monitor = NewMonitor(new FakeSensorDiagnostics(), new StateStore(new FlakySlots()), RestoreOutcome.RestoredOlder, log);
            Assert.IsTrue(monitor.Update(100));
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(RestoreOutcome.RestoredOlder, log.Last.Restore);
            Assert.IsTrue(log.Last.HasFault, "a damaged slot lost data: a fault until the next boot");
            Assert.IsFalse(monitor.Update(200), "nothing new: no publication");
        }

        [TestMethod]
        public void ASensorStateChangeIsPublishedAtOnceBothWays()
        {
            var sensor = new FakeSensorDiagnostics();
            var log = new HealthLog();
            HealthMonitor monitor = NewMonitor(sensor, new StateStore(new FlakySlots()), RestoreOutcome.Restored, log);
            monitor.Update(0);
            Assert.IsFalse(log.Last.HasFault);
            sensor.State = SensorHealth.Silent;
            Assert.IsTrue(monitor.Update(100));
            Assert.AreEqual(SensorHealth.Silent, log.Last.Sensor);
            Assert.IsTrue(log.Last.HasFault);
            sensor.State = SensorHealth.Ok;
            Assert.IsTrue(monitor.Update(200));
            Assert.IsFalse(log.Last.HasFault);
            Assert.AreEqual(3, log.Count);
        }

        [TestMethod]
        public void FaultCountsRisingAfterAQuietSpellArePublishedAtOnceTheRestOnceAMinute()
        {
            var sensor = new FakeSensorDiagnostics();
            var log = new HealthLog();
            HealthMonitor monitor = NewMonitor(sensor, new StateStore(new FlakySlots()), RestoreOutcome.Restored, log);
            monitor.Update(0);
            sensor.BusErrors = 1;
            Assert.IsTrue(monitor.Update(1000), "I2C errors starting");
            Assert.AreEqual(1u, log.Last.I2cErrors);
            for (long t = 1100; t < HealthMonitor.PublishIntervalMs; t += 100)
            {
                sensor.BusErrors++;
                Assert.IsFalse(monitor.Update(t), "the burst goes on: no notification per error");
            }

            sensor.BusErrors++;
            Assert.IsTrue(monitor.Update(1000 + HealthMonitor.PublishIntervalMs), "the periodic publication");
            Assert.AreEqual((uint)sensor.BusErrors, log.Last.I2cErrors);
            Assert.AreEqual((uint)(1000 + HealthMonitor.PublishIntervalMs) / 1000, log.Last.UptimeS);

            long quietUntil = 1000 + HealthMonitor.PublishIntervalMs + HealthMonitor.QuietBeforeAlertMs;
            monitor.Update(quietUntil - 100);
            sensor.Overflows = 1;
            Assert.IsTrue(monitor.Update(quietUntil), "a rise after a quiet minute: at once");
            Assert.AreEqual((ushort)1, log.Last.FifoOverflows);
            Assert.IsFalse(log.Last.HasFault, "counts alone are no fault: the driver recovered");
        }

        [TestMethod]
        public void AFailedSaveIsPublishedAtOnceAndTheNextGoodSaveClearsIt()
        {
            var slots = new FlakySlots();
            var store = new StateStore(slots);
            var log = new HealthLog();
            HealthMonitor monitor = NewMonitor(new FakeSensorDiagnostics(), store, RestoreOutcome.Fresh, log);
            monitor.Update(0);
            Assert.AreEqual(SaveOutcome.None, log.Last.LastSave);
            Assert.IsTrue(store.Save(new DeviceState()));
            Assert.IsTrue(monitor.Update(100));
            Assert.AreEqual(SaveOutcome.Saved, log.Last.LastSave);

            slots.FailWrites = true;
            Assert.IsFalse(store.Save(new DeviceState()));
            Assert.IsTrue(monitor.Update(200));
            Assert.AreEqual(SaveOutcome.Failed, log.Last.LastSave);
            Assert.AreEqual((ushort)1, log.Last.FailedSaves);
            Assert.IsTrue(log.Last.HasFault);

            slots.FailWrites = false;
            Assert.IsTrue(store.Save(new DeviceState()));
            Assert.IsTrue(monitor.Update(300));
            Assert.AreEqual(SaveOutcome.Saved, log.Last.LastSave);
            Assert.IsFalse(log.Last.HasFault);
            Assert.AreEqual((ushort)1, log.Last.FailedSaves, "the count stays");
        }

        [TestMethod]
        public void CountsSaturateInTheirFields()
        {
            var sensor = new FakeSensorDiagnostics();
            sensor.BusErrors = int.MaxValue;
            sensor.Resyncs = 70000;
            sensor.Reinits = 65536;
            var log = new HealthLog();
            NewMonitor(sensor, new StateStore(new FlakySlots()), RestoreOutcome.Restored, log).Update(0);
            Assert.AreEqual((uint)int.MaxValue, log.Last.I2cErrors);
            Assert.AreEqual((ushort)65535, log.Last.FifoResyncs);
            Assert.AreEqual((ushort)65535, log.Last.SensorReinits);
        }

        [TestMethod]
        public void WithoutAPublisherNothingIsPublishedAndTheHealthStillFollows()
        {
            var sensor = new FakeSensorDiagnostics();
            var monitor = new HealthMonitor(sensor, new StateStore(new FlakySlots()), RestoreOutcome.Restored);
            sensor.State = SensorHealth.BusError;
            Assert.IsFalse(monitor.Update(0));
            Assert.AreEqual(SensorHealth.BusError, monitor.Health.Sensor);
        }

        [TestMethod]
        public void TheGattSessionNotifiesHealthAndAdvertisesItsFault()
        {
            var sinks = new FakeDeviceSinks();
            var session = new GattSessionState(sinks, sinks, null, null);
            session.SubscribersChanged(GattTable.Health, 1);
            var health = new DeviceHealth();
            health.Sensor = SensorHealth.Silent;
            health.UptimeS = 42;
            session.PublishHealth(health);
            Assert.AreEqual(GattSessionState.Bit(GattTable.Health), session.TakeNotifications());
            Assert.AreEqual(HealthCodec.Length, session.ValueLength(GattTable.Health));
            var decoded = new DeviceHealth();
            Assert.AreEqual(CodecStatus.Ok, HealthCodec.Decode(session.Value(GattTable.Health), 0, HealthCodec.Length, decoded));
            Assert.AreEqual(SensorHealth.Silent, decoded.Sensor);
            Assert.AreEqual(42u, decoded.UptimeS);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.Health, 0, 0));
            Assert.IsTrue(HealthCodec.FaultFlag(session.Value(GattTable.Health), 0, session.ValueLength(GattTable.Health)), "a read answers the last value");

            var status = new TrackerStatus();
            session.BeforeAdvertise(status, 0);
            Assert.IsTrue(status.HealthFault, "the advertisement carries the fault");
            health.Sensor = SensorHealth.Ok;
            session.PublishHealth(health);
            session.BeforeAdvertise(status, 0);
            Assert.IsFalse(status.HealthFault);
        }
    }
}
