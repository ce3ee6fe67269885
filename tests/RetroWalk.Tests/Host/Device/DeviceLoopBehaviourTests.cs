using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;

namespace RetroWalk.Tests.Host.Device
{
    [TestClass]
    public class DeviceLoopBehaviourTests
    {
        private const long Noon = 1777636800; // 2026-05-01T12:00:00Z

        [TestMethod]
        public void APowerCutAtAnyByteOfASaveLosesAtMostThatSave()
        {
            foreach (TornWrite mode in new[] { TornWrite.Truncated, TornWrite.InPlace })
            {
                for (int cut = 0; cut <= StateCodec.Size; cut++)
                {
                    var store = new MemoryCounterStore();
                    var device = Idle(store);
                    SaveCounts(device, 100, 50);
                    SaveCounts(device, 120, 60);
                    device.Loop.Tracker.RestoreCounts(130, 70);
                    store.CutPowerDuringWrite(0, cut, mode);
                    Assert.ThrowsExactly<PowerCutException>(() => device.Loop.SaveNow(device.Clock.MonotonicMs));

                    var rebooted = Idle(store);
                    bool complete = cut == StateCodec.Size;
                    Assert.AreEqual(complete ? 130u : 120u, rebooted.Loop.Tracker.ForwardSteps, $"{mode} cut after {cut} bytes");
                    Assert.AreEqual(complete ? 70u : 60u, rebooted.Loop.Tracker.BackwardSteps);
                    // A cut before the first changed byte leaves the slot empty (truncated) or still valid (in place): nothing to report.
                    var outcome = rebooted.Loop.RestoreOutcome;
                    Assert.IsTrue(outcome == RestoreOutcome.Restored || outcome == RestoreOutcome.RestoredOlder, outcome.ToString());
                    Assert.AreEqual(outcome == RestoreOutcome.RestoredOlder, rebooted.Loop.RestoreMessage.Length > 0);

                    // The next save overwrites the damaged slot, never the good one.
                    SaveCounts(rebooted, 140, 80);
                    var again = Idle(store);
                    Assert.AreEqual(RestoreOutcome.Restored, again.Loop.RestoreOutcome, again.Loop.RestoreMessage);
                    Assert.AreEqual(140u, again.Loop.Tracker.ForwardSteps);
                }
            }
        }

        [TestMethod]
        public void APowerCutDuringTheFirstSaveStartsFromZeroWithAClearMessage()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            device.Loop.Tracker.RestoreCounts(10, 10);
            store.CutPowerDuringWrite(0, 700, TornWrite.Truncated);
            Assert.ThrowsExactly<PowerCutException>(() => device.Loop.SaveNow(0));

            var rebooted = Idle(store);
            Assert.AreEqual(RestoreOutcome.Unreadable, rebooted.Loop.RestoreOutcome);
            Assert.Contains("wrong size", rebooted.Loop.RestoreMessage);
            Assert.AreEqual(0u, rebooted.Loop.Tracker.ForwardSteps);
        }

        [TestMethod]
        public void ACorruptSlotIsReportedAndTheOtherOneUsed()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            SaveCounts(device, 100, 50);
            SaveCounts(device, 120, 60);
            store.FlipBit(0, 300, 2);

            var rebooted = Idle(store);
            Assert.AreEqual(RestoreOutcome.RestoredOlder, rebooted.Loop.RestoreOutcome);
            Assert.AreEqual("State slot 0: checksum mismatch (interrupted write or flash corruption).", rebooted.Loop.RestoreMessage);
            Assert.AreEqual(100u, rebooted.Loop.Tracker.ForwardSteps);

            store.FlipBit(1, 20, 0);
            var broken = Idle(store);
            Assert.AreEqual(RestoreOutcome.Unreadable, broken.Loop.RestoreOutcome);
            Assert.Contains("slot 0", broken.Loop.RestoreMessage);
            Assert.Contains("slot 1", broken.Loop.RestoreMessage);
            Assert.AreEqual(0u, broken.Loop.Tracker.ForwardSteps);

            store.FailReads = true;
            Assert.Contains("could not be read", Idle(store).Loop.RestoreMessage);
        }

        [TestMethod]
        public void AnInconsistentNewestRecordGivesWayToTheOlderOne()
        {
            var store = new MemoryCounterStore();
            SaveCounts(Idle(store), 100, 50);
            var record = new byte[StateCodec.Size];
            var foreign = new DeviceState();
            foreign.ForwardSteps = 999;
            StateCodec.Encode(foreign, 2, record);
            LittleEndian.PutU16(record, StateCodec.HistoryCountOffset, 500); // more history than fits, under a valid checksum
            LittleEndian.PutU32(record, StateCodec.CrcOffset, Crc32.Compute(record, 0, StateCodec.CrcOffset));
            store.Write(0, record, record.Length);

            var rebooted = Idle(store);
            Assert.AreEqual(RestoreOutcome.RestoredOlder, rebooted.Loop.RestoreOutcome);
            Assert.AreEqual(100u, rebooted.Loop.Tracker.ForwardSteps);
            Assert.Contains("inconsistent", rebooted.Loop.RestoreMessage);
        }

        [TestMethod]
        public void AStoredSettingOutOfRangeIsReportedAndTheCountsKept()
        {
            var store = new MemoryCounterStore();
            var foreign = new DeviceState();
            foreign.ForwardSteps = 77;
            foreign.Settings.TiltWarnBackwardDeg = 150;
            var record = new byte[StateCodec.Size];
            StateCodec.Encode(foreign, 1, record);
            store.Write(1, record, record.Length);

            var rebooted = Idle(store);
            Assert.AreEqual(RestoreOutcome.Restored, rebooted.Loop.RestoreOutcome);
            Assert.AreEqual(77u, rebooted.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(new TrackerConfig().Alarm.TiltWarnBackwardDeg, rebooted.Config.Alarm.TiltWarnBackwardDeg);
            Assert.Contains("out of range", rebooted.Loop.RestoreMessage);
        }

        [TestMethod]
        public void AFailedSaveKeepsTheLastGoodRecordAndIsRetried()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            SaveCounts(device, 100, 50);
            store.FailWrites = true;
            device.Loop.Tracker.RestoreCounts(120, 60);
            SetOffset(device.Loop, 60);
            device.RunFor(1000);
            Assert.IsGreaterThanOrEqualTo(1, device.Loop.Store.FailedSaves);
            Assert.AreEqual(100u, Idle(store).Loop.Tracker.ForwardSteps);

            store.FailWrites = false;
            device.RunFor(DeviceLoop.SaveRetryMs + 200);
            Assert.AreEqual(120u, Idle(store).Loop.Tracker.ForwardSteps);
        }

        [TestMethod]
        public void AFailedPeriodicSaveIsRetriedEveryTenSeconds()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            SaveCounts(device, 100, 50);
            device.Loop.Tracker.RestoreCounts(120, 60);
            store.FailWrites = true;
            device.RunFor(DeviceLoop.PersistIntervalMs + 1000);
            int failed = device.Loop.Store.FailedSaves;
            Assert.IsGreaterThanOrEqualTo(1, failed, "the periodic save was attempted");

            device.RunFor(DeviceLoop.SaveRetryMs + 500);
            Assert.IsGreaterThan(failed, device.Loop.Store.FailedSaves, "retried within 10 s, not 5 min");

            store.FailWrites = false;
            device.RunFor(DeviceLoop.SaveRetryMs + 500);
            Assert.AreEqual(120u, Idle(store).Loop.Tracker.ForwardSteps);
            int writes = store.Writes;
            device.RunFor(DeviceLoop.SaveRetryMs * 3);
            Assert.AreEqual(writes, store.Writes, "no retries after a good save");
        }

        [TestMethod]
        public void BackwardWalkingTimePast49DaysSurvivesASaveAndRestore()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            long fiftyDaysMs = 50L * 24 * 3600 * 1000 + 1234;
            device.Loop.Tracker.Session.BackwardWalkingMs = fiftyDaysMs;
            Assert.IsTrue(device.Loop.SaveNow(device.Clock.MonotonicMs));
            long restored = Idle(store).Loop.Tracker.Session.BackwardWalkingMs;
            Assert.IsLessThanOrEqualTo(fiftyDaysMs, restored);
            Assert.IsGreaterThan(fiftyDaysMs - 1000, restored, "saved in whole seconds, never wrapped at 2^32 ms");
        }

        [TestMethod]
        public void CountsAreSavedEveryPersistIntervalWhileTheyChangeAndOnReset()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            SaveCounts(device, 0, 0);
            int writes = store.Writes;
            int seconds = DeviceLoop.PersistIntervalMs / 1000 - 2;
            for (int s = 1; s <= seconds; s++)
            {
                device.Loop.Tracker.RestoreCounts((uint)s, 0);
                device.RunFor(1000);
            }

            Assert.AreEqual(writes, store.Writes, "no save before the interval");
            device.RunFor(3_000);
            Assert.AreEqual(writes + 1, store.Writes);
            Assert.AreEqual((uint)seconds, Idle(store).Loop.Tracker.ForwardSteps);

            device.RunFor(DeviceLoop.PersistIntervalMs);
            Assert.AreEqual(writes + 1, store.Writes, "nothing changed, nothing written");
            Assert.AreEqual(ControlStatus.Ok, device.Loop.Submit(ControlOp.ResetCounts, 0));
            device.Step();
            Assert.AreEqual(writes + 2, store.Writes);
            Assert.AreEqual(0u, Idle(store).Loop.Tracker.ForwardSteps);
        }

        [TestMethod]
        public void LongPressResetsWithABeepAndShortPressDoesNot()
        {
            var device = Idle(new MemoryCounterStore());
            device.Loop.Tracker.RestoreCounts(40, 30);
            device.Step();
            Hold(device, ButtonLogic.PairingHoldMs - 500);
            Assert.AreEqual(40u, device.Loop.Tracker.ForwardSteps, "a short press only acknowledges");
            Assert.IsFalse(device.AlarmOutput.Buzzer);

            device.Button.IsPressed = true;
            device.RunFor(ButtonLogic.LongPressMs + DeviceLoop.LoopPeriodMs);
            Assert.AreEqual(0u, device.Loop.Tracker.ForwardSteps, "reset while still held");
            Assert.IsTrue(device.AlarmOutput.Buzzer, "confirmation beep");
            device.RunFor(5000);
            device.Button.IsPressed = false;
            device.RunFor(1000);
            Assert.AreEqual(0u, device.Loop.Tracker.ForwardSteps);
            Assert.IsFalse(device.AlarmOutput.Buzzer);
            Assert.AreEqual(0u, device.Log.Entries.Last(e => !e.IsAdvertisement).Status.ForwardSteps);
        }

        [TestMethod]
        public void EachValueIsNotifiedAtMostOncePerSecondAndTheLastValueAlwaysGoesOut()
        {
            var device = Idle(new MemoryCounterStore());
            for (uint i = 1; i <= 100; i++)
            {
                device.Loop.Tracker.RestoreCounts(i, i / 2);
                device.Step();
            }

            device.RunFor(2000);
            foreach (int field in new[] { StatusFields.ForwardSteps, StatusFields.BackwardSteps, StatusFields.Snapshot })
            {
                var times = device.Log.Entries.Where(e => !e.IsAdvertisement && (e.Fields & field) != 0).Select(e => e.TimeMs).ToList();
                Assert.IsGreaterThan(5, times.Count);
                for (int i = 1; i < times.Count; i++)
                {
                    Assert.IsGreaterThanOrEqualTo(DeviceLoop.PublishMinIntervalMs, times[i] - times[i - 1]);
                }
            }

            var last = device.Log.Entries.Last(e => !e.IsAdvertisement && (e.Fields & StatusFields.ForwardSteps) != 0);
            Assert.AreEqual(100u, last.Status.ForwardSteps);
            Assert.AreEqual(50u, last.Status.BackwardSteps);
            var offers = device.Log.Entries.Where(e => e.IsAdvertisement).Select(e => e.TimeMs).ToList();
            for (int i = 1; i < offers.Count; i++)
            {
                Assert.IsGreaterThanOrEqualTo(DeviceLoop.AdvertiseOfferIntervalMs, offers[i] - offers[i - 1]);
            }

            Assert.AreEqual(100u, device.Log.Entries.Last(e => e.IsAdvertisement).Status.ForwardSteps);
        }

        [TestMethod]
        public void TheAdvertisementFollowsTheBleRefreshPolicy()
        {
            RecordingPublisher phone = null;
            EmulatedDevice device = null;
            phone = new RecordingPublisher(() => device.Clock.MonotonicMs);
            device = new EmulatedDevice(Sessions.WalkThenFall(), publisher: phone);
            while (device.Loop.Tracker.Alarm != AlarmLevel.FallAlarm && !device.Chip.SourceExhausted)
            {
                device.Step();
            }

            long raised = device.Clock.MonotonicMs;
            device.RunToEnd();

            var adverts = phone.Log.Where(o => o.Channel == "advert").ToList();
            Assert.IsTrue(adverts.All(o => o.DecodedOk));
            for (int i = 1; i < adverts.Count; i++)
            {
                Assert.IsGreaterThanOrEqualTo(AdvertRefreshPolicy.AlarmRefreshIntervalMs, adverts[i].TimeMs - adverts[i - 1].TimeMs);
            }

            long problem = adverts.First(o => o.Decoded.Contains("fall (problem_1) on")).TimeMs;
            Assert.IsLessThanOrEqualTo(raised + AdvertRefreshPolicy.AlarmRefreshIntervalMs, problem, "scanners learn of the fall within 5 s");
            Assert.IsLessThanOrEqualTo(5, adverts.Count, "about once a minute over the walk, plus the alarm");
        }

        [TestMethod]
        public void DailyTotalsRollOverAtLocalMidnightAndHistoryIsHourly()
        {
            var device = Idle(new MemoryCounterStore());
            device.Loop.Tracker.RestoreCounts(7, 3);
            device.Step();
            Assert.AreEqual(0, device.Loop.History.Count, "no history before the clock is set");

            // 21:59:00 UTC = 23:59:00 local at UTC+2.
            SetOffset(device.Loop, 120);
            device.Loop.SetClock((uint)(Noon + 9 * 3600 + 59 * 60));
            device.Step();
            Assert.AreEqual(1, device.Loop.History.Count, "steps before the clock was set go into that hour");
            Assert.AreNotEqual(0u, device.Loop.State.ResetEpochS, "the reset time is filled in once the clock is known");

            device.Loop.Tracker.RestoreCounts(17, 5);
            device.RunFor(30_000);
            Assert.AreEqual(17u, device.Loop.State.TodayForward);
            device.RunFor(40_000);
            device.Loop.Tracker.RestoreCounts(20, 6);
            device.RunFor(1000);

            var state = device.Loop.State;
            Assert.AreEqual(17u, state.YesterdayForward);
            Assert.AreEqual(5u, state.YesterdayBackward);
            Assert.AreEqual(3u, state.TodayForward);
            Assert.AreEqual(1u, state.TodayBackward);
            Assert.AreEqual(20u, device.Loop.Tracker.ForwardSteps, "counts are not reset unless configured");
            Assert.AreEqual(2, device.Loop.History.Count);
            device.Loop.History.GetRecord(0, out uint hour0, out ushort f0, out ushort b0);
            device.Loop.History.GetRecord(1, out uint hour1, out ushort f1, out ushort b1);
            Assert.AreEqual(3600u, hour1 - hour0);
            Assert.AreEqual((ushort)17, f0);
            Assert.AreEqual((ushort)5, b0);
            Assert.AreEqual((ushort)3, f1);
            Assert.AreEqual((ushort)1, b1);
        }

        [TestMethod]
        public void APowerCutLosesAtMostSixtySecondsOfCounting()
        {
            // One step a second while walking, with pauses; the power is cut at many moments of the walk.
            Assert.IsLessThan(DeviceLoop.MaxCountingLostMs, DeviceLoop.PersistIntervalMs + DeviceLoop.LoopPeriodMs);
            var rng = new Random(11);
            for (int trial = 0; trial < 40; trial++)
            {
                var store = new MemoryCounterStore();
                var device = Idle(store, sampleRateHz: 25); // the save policy runs per loop pass, whatever the rate: 4x fewer samples
                device.Loop.SetClock((uint)Noon);
                uint steps = 0;
                long[] countedAtMs = new long[4000];
                int cutAtS = rng.Next(1, 1200);
                for (int s = 0; s < cutAtS; s++)
                {
                    bool walking = (s / 90) % 3 != 2; // 3 min walking, 1.5 min standing
                    if (walking)
                    {
                        steps++;
                        countedAtMs[steps] = device.Clock.MonotonicMs;
                        device.Loop.Tracker.RestoreCounts(steps, 0);
                    }

                    device.RunFor(1000);
                }

                uint restored = Idle(store).Loop.Tracker.ForwardSteps;
                Assert.IsLessThanOrEqualTo(steps, restored);
                if (restored < steps)
                {
                    long lostMs = device.Clock.MonotonicMs - countedAtMs[restored + 1];
                    Assert.IsLessThanOrEqualTo(DeviceLoop.MaxCountingLostMs, lostMs,
                        $"cut at {cutAtS} s: {steps - restored} steps lost, counted over the last {lostMs} ms");
                }
            }
        }

        [TestMethod]
        public void ClockJumpsAndOffsetChangesNeverTriggerTheDailyReset()
        {
            var device = Idle(new MemoryCounterStore());
            device.Loop.State.Settings.DailyReset = true;
            device.Loop.SetClock((uint)(Noon + 3600));
            device.Loop.Tracker.RestoreCounts(50, 20);
            device.RunFor(2000);
            long[] jumps = { 3600, 24 * 3600, 2 * 24 * 3600, -24 * 3600, 11 * 3600 + 1800 };
            long utc = Noon + 3600;
            foreach (long jump in jumps)
            {
                utc += jump;
                device.Loop.SetClock((uint)utc);
                device.RunFor(2000);
                Assert.AreEqual(50u, device.Loop.Tracker.ForwardSteps, $"jump of {jump} s");
                Assert.AreEqual(50u, device.Loop.State.TodayForward);
            }

            SetOffset(device.Loop, 14 * 60);
            device.RunFor(2000);
            SetOffset(device.Loop, -12 * 60);
            device.RunFor(2000);
            Assert.AreEqual(50u, device.Loop.Tracker.ForwardSteps, "offset changes are no midnight");
            Assert.AreEqual(50u, device.Loop.State.TodayForward);
            Assert.AreEqual(0u, device.Loop.State.YesterdayForward);
        }

        [TestMethod]
        public void AutoDailyResetZeroesTheCountsAtLocalMidnight()
        {
            var device = Idle(new MemoryCounterStore());
            device.Loop.State.Settings.DailyReset = true;
            device.Loop.SetClock((uint)(Noon + 12 * 3600 - 30));
            device.Loop.Tracker.RestoreCounts(50, 20);
            device.RunFor(10_000);
            Assert.AreEqual(50u, device.Loop.Tracker.ForwardSteps);
            device.RunFor(30_000);
            Assert.AreEqual(0u, device.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(50u, device.Loop.State.YesterdayForward);
            Assert.AreEqual((uint)(Noon + 12 * 3600), device.Loop.State.ResetEpochS, 1u);
        }

        [TestMethod]
        public void AFallAlarmIsPublishedAtOnceSavedAndSoundedUntilAcknowledged()
        {
            var device = new EmulatedDevice(Sessions.Named("fall-backward"));
            device.RunFor(1500);
            int writes = device.Store.Writes;
            while (device.Loop.Tracker.Alarm != AlarmLevel.FallAlarm && !device.Chip.SourceExhausted)
            {
                device.Step();
            }

            Assert.AreEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm, "the core detects the built-in fall");
            long raised = device.Clock.MonotonicMs;
            var notified = device.Log.Entries.Last(e => !e.IsAdvertisement);
            Assert.AreEqual(raised, notified.TimeMs, "notified in the same iteration, whatever the rate limit");
            Assert.AreEqual(AlarmLevel.FallAlarm, notified.Status.Alarm);
            Assert.AreNotEqual(0, notified.Fields & StatusFields.TiltAlarm);
            Assert.AreEqual(writes + 1, device.Store.Writes, "saved when the alarm is raised");
            Assert.IsTrue(device.AlarmOutput.Buzzer);

            device.RunFor(10_000);
            Assert.AreEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm, "latched");
            Assert.AreEqual(raised, device.Log.Entries.First(e => e.IsAdvertisement && e.Status.Alarm == AlarmLevel.FallAlarm).TimeMs,
                "offered for the advertisement at once");
            int beeps = device.AlarmOutput.Changes.Count(c => c.TimeMs > raised && c.Buzzer);
            Assert.IsGreaterThanOrEqualTo(9, beeps);

            uint counted = device.Loop.Tracker.BackwardSteps;
            device.Button.IsPressed = true;
            while (device.Loop.Tracker.Alarm != AlarmLevel.None && device.Clock.MonotonicMs < raised + 30_000)
            {
                device.Step();
            }

            Assert.AreEqual(AlarmLevel.None, device.Loop.Tracker.Alarm, "holding the button during an alarm acknowledges it");
            var cleared = device.Log.Entries.Last(e => !e.IsAdvertisement);
            Assert.AreEqual(device.Clock.MonotonicMs, cleared.TimeMs, "notified at once");
            Assert.AreEqual(AlarmLevel.None, cleared.Status.Alarm);
            device.RunFor(2000);
            device.Button.IsPressed = false;
            device.Step();
            Assert.AreEqual(counted, device.Loop.Tracker.BackwardSteps, "a long press during an alarm does not reset the counts");
            Assert.IsFalse(device.AlarmOutput.Buzzer);
        }

        [TestMethod]
        public void ConfigWritesRebuildTheTrackerKeepTheCountsAndSurviveAReboot()
        {
            var store = new MemoryCounterStore();
            var device = Idle(store);
            device.Loop.Tracker.RestoreCounts(40, 20);
            device.Step();
            var settings = new UserSettings();
            device.Loop.ReadSettings(settings);
            Assert.AreEqual(new TrackerConfig().Alarm.TiltWarnBackwardDeg, settings.TiltWarnBackwardDeg);
            Assert.IsTrue(settings.BtHomeAdvertising, "BTHome is on by default");

            settings.TiltWarnBackwardDeg = 85;
            Assert.AreEqual(ControlStatus.BadParameter, device.Loop.ApplySettings(settings));
            settings.TiltWarnBackwardDeg = 20;
            settings.TiltHoldMs = 2500;
            settings.Flags = SettingTable.FlagDailyReset;
            settings.UtcOffsetQuarterHours = -20;
            Assert.AreEqual(ControlStatus.Ok, device.Loop.ApplySettings(settings));
            var readBack = new UserSettings();
            device.Loop.ReadSettings(readBack);
            Assert.AreEqual(20, readBack.TiltWarnBackwardDeg, "a read right after the write shows it");
            var before = device.Loop.Tracker;
            int writes = store.Writes;
            device.Step();

            Assert.AreNotSame(before, device.Loop.Tracker);
            Assert.AreEqual(writes + 1, store.Writes, "saved at once");
            Assert.AreEqual(40u, device.Loop.Tracker.ForwardSteps);
            Assert.AreEqual(20u, device.Loop.Tracker.BackwardSteps);
            Assert.AreEqual(20, device.Loop.Tracker.Config.Alarm.TiltWarnBackwardDeg);
            var rebooted = Idle(store);
            Assert.AreEqual(20, rebooted.Config.Alarm.TiltWarnBackwardDeg);
            Assert.AreEqual(2500, rebooted.Config.Alarm.TiltHoldMs);
            Assert.AreEqual(-300, rebooted.Loop.State.Settings.UtcOffsetMinutes);
            Assert.IsTrue(rebooted.Loop.State.Settings.DailyReset);
            Assert.IsFalse(rebooted.Loop.State.Settings.BtHomeAdvertising);
            Assert.AreEqual(40u, rebooted.Loop.Tracker.ForwardSteps);
        }

        [TestMethod]
        public void AConfigWriteDuringAnAlarmWaitsUntilTheAlarmIsOver()
        {
            var device = new EmulatedDevice(Sessions.FallThenGetUp());
            while (device.Loop.Tracker.Alarm != AlarmLevel.FallAlarm && !device.Chip.SourceExhausted)
            {
                device.Step();
            }

            var settings = new UserSettings();
            device.Loop.ReadSettings(settings);
            settings.StepsToStartWalk = 4;
            device.Loop.ApplySettings(settings);
            var tracker = device.Loop.Tracker;
            device.RunFor(2000);
            Assert.AreSame(tracker, device.Loop.Tracker, "a latched alarm is never lost to a settings change");
            Assert.AreEqual(AlarmLevel.FallAlarm, device.Loop.Tracker.Alarm);

            Assert.AreEqual(ControlStatus.Ok, device.Loop.Submit(ControlOp.AcknowledgeAlarm, 0));
            device.RunToEnd();
            Assert.AreNotSame(tracker, device.Loop.Tracker, "applied once the wearer is up again");
            Assert.AreEqual(4, device.Loop.Tracker.Config.StepsToStartWalk);
        }

        [TestMethod]
        public void CommandsAreValidatedWhenSubmitted()
        {
            var loop = Idle(new MemoryCounterStore()).Loop;
            Assert.AreEqual(ControlStatus.Unsupported, loop.Submit(ControlOp.RequestHistory, 0));
            Assert.AreEqual(ControlStatus.Unsupported, loop.Submit(0x99, 0));
            Assert.AreEqual(ControlStatus.BadParameter, loop.Submit(ControlOp.SetCurrentTime, 1000));
            Assert.AreEqual(ControlStatus.BadParameter, loop.SetClock(1000));
            Assert.AreEqual(ControlStatus.Ok, loop.Submit(ControlOp.Identify, 0));
            for (int i = 1; i < 8; i++)
            {
                Assert.AreEqual(ControlStatus.Ok, loop.Submit(ControlOp.Identify, 0));
            }

            Assert.AreEqual(ControlStatus.Failed, loop.Submit(ControlOp.Identify, 0), "queue full");
            loop.RunOnce();
            Assert.AreEqual(ControlStatus.Ok, loop.Submit(ControlOp.Identify, 0));
        }

        [TestMethod]
        public void IdentifyBeepsForThreeSeconds()
        {
            var device = Idle(new MemoryCounterStore());
            device.Loop.Submit(ControlOp.Identify, 0);
            device.RunFor(5000);
            int beeps = device.AlarmOutput.Changes.Count(c => c.Buzzer);
            Assert.AreEqual(AlarmPattern.IdentifyMs / 500, beeps);
            Assert.IsFalse(device.AlarmOutput.Buzzer);
        }

        private static void SetOffset(DeviceLoop loop, int minutes)
        {
            var settings = new UserSettings();
            loop.ReadSettings(settings);
            settings.UtcOffsetQuarterHours = minutes / 15;
            Assert.AreEqual(ControlStatus.Ok, loop.ApplySettings(settings));
        }

        private static EmulatedDevice Idle(MemoryCounterStore store, int sampleRateHz = SensorConfig.DefaultSampleRateHz)
        {
            var config = new TrackerConfig();
            config.Sensor.SampleRateHz = sampleRateHz;
            return new EmulatedDevice(IndexedSamples.Generate(1_000_000), store, config);
        }

        private static void SaveCounts(EmulatedDevice device, uint forward, uint backward)
        {
            device.Loop.Tracker.RestoreCounts(forward, backward);
            Assert.IsTrue(device.Loop.SaveNow(device.Clock.MonotonicMs));
        }

        private static void Hold(EmulatedDevice device, int ms)
        {
            device.Button.IsPressed = true;
            device.RunFor(ms);
            device.Button.IsPressed = false;
            device.Step();
        }
    }
}
