using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>
    /// Sessions, the interval coach and the kept sessions run by the device loop itself (docs/coach.md), as the firmware
    /// runs them: the double press, the buzzer, the session record pair on flash, a power cut.
    /// </summary>
    [TestClass]
    public class SessionsInTheLoopTests
    {
        [TestMethod]
        public void ADoublePressStartsAndEndsASessionKeptAcrossAReboot()
        {
            var store = new MemoryCounterStore();
            var device = new EmulatedDevice(IndexedSamples.Generate(1_000_000), store);
            Assert.AreEqual(RestoreOutcome.Fresh, device.SessionsRestore);
            device.RunFor(2000);
            DoublePress(device);
            Assert.IsTrue(device.Sessions.Running, "the double press starts a session");
            Assert.IsTrue(device.Sessions.Recorder.Current.StartedByCommand);
            device.RunFor(30_000);
            DoublePress(device);
            Assert.IsFalse(device.Sessions.Running, "a second one ends it");
            device.RunFor(1000);
            Assert.AreEqual(1, device.Sessions.Recorder.History.Count);
            Assert.IsTrue(device.Sessions.Recorder.History.Get(0).EndedByCommand);
            Assert.IsNotNull(store.SessionFlash.Slot(0) ?? store.SessionFlash.Slot(1), "saved when it ended");

            var rebooted = new EmulatedDevice(IndexedSamples.Generate(1_000), store);
            Assert.AreEqual(RestoreOutcome.Restored, rebooted.SessionsRestore);
            Assert.AreEqual(1, rebooted.Sessions.Recorder.History.Count, "the session came back after the reboot");
            Assert.AreEqual(device.Sessions.Recorder.History.Get(0).DurationMs / 1000, rebooted.Sessions.Recorder.History.Get(0).DurationMs / 1000);
        }

        [TestMethod]
        public void TheControlPointStartsAndEndsASession()
        {
            var device = new EmulatedDevice(IndexedSamples.Generate(1_000_000), new MemoryCounterStore());
            var session = new GattSessionState(device.Loop, device.Loop, device.Loop.History, null);
            session.AttachSessions(device.Sessions);
            session.ConnectionChanged(true);
            RetroWalk.Tests.Ble.BondedLink.Approve(session);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            device.RunFor(1000);
            Assert.AreEqual("800601", Request(session, ControlOp.EndSession), "accepted, and nothing to end");
            device.Step();
            Assert.IsFalse(device.Sessions.Running);
            Assert.AreEqual("800501", Request(session, ControlOp.StartSession));
            device.Step();
            Assert.IsTrue(device.Sessions.Running, "0x05 starts a session");
            device.RunFor(20_000);
            Assert.AreEqual("800601", Request(session, ControlOp.EndSession));
            device.Step();
            Assert.IsFalse(device.Sessions.Running, "0x06 ends it");
            Assert.AreEqual(1, device.Sessions.Recorder.History.Count);
            Assert.IsTrue(device.Sessions.Recorder.History.Get(0).StartedByCommand && device.Sessions.Recorder.History.Get(0).EndedByCommand);
        }

        private static string Request(GattSessionState session, byte op)
        {
            int n = ControlPointCodec.EncodeRequest(op, 0, session.WriteBuffer, 0);
            Assert.AreEqual(GattWrites.Accept, session.Write(GattTable.ControlPoint, 0, n));
            session.TakeNotifications();
            return Convert.ToHexString(session.Value(GattTable.ControlPoint), 0, session.ValueLength(GattTable.ControlPoint));
        }

        [TestMethod]
        public void ADoublePressDuringAnAlarmStartsNoSession()
        {
            var device = new EmulatedDevice(IndexedSamples.Generate(1_000_000), new MemoryCounterStore());
            device.Loop.Tracker.RestoreFallAlarm();
            device.RunFor(1000);
            DoublePress(device);
            Assert.IsFalse(device.Sessions.Running, "a press during an alarm only acknowledges it");
        }

        [TestMethod]
        public void TheCoachCuesReachTheBuzzerAndCoachOffIsSilent()
        {
            var coached = new EmulatedDevice(Sessions.Named(Scenarios.Default), new MemoryCounterStore());
            coached.RunToEnd();
            Assert.IsGreaterThanOrEqualTo(1, coached.Loop.CoachCues, "the default session's 75-90 s backward intervals pass the 60 s setting");
            Assert.AreEqual(CoachCue.SwitchToForward, coached.Loop.LastCoachCue);
            Assert.AreEqual(AlarmLevel.None, coached.Loop.Tracker.Alarm);
            int beeps = coached.AlarmOutput.Changes.Count(c => c.Buzzer);
            Assert.IsGreaterThanOrEqualTo(2 * coached.Loop.CoachCues, beeps, "two beeps per switch cue");

            var quiet = new EmulatedDevice(Sessions.Named(Scenarios.Default), new MemoryCounterStore());
            var settings = new UserSettings();
            quiet.Loop.ReadSettings(settings);
            settings.CoachEnabled = false;
            quiet.Loop.ApplySettings(settings);
            quiet.RunToEnd();
            Assert.AreEqual(0, quiet.Loop.CoachCues);
            Assert.AreEqual(0, quiet.AlarmOutput.Changes.Count(c => c.Buzzer), "no alarm, no coach: the buzzer stays silent");
        }

        [TestMethod]
        public void APowerCutLosesAtMostAMinuteOfTheRunningSession()
        {
            var output = new StringWriter();
            Assert.AreEqual(0, Simulator.Run(new SimulationOptions { Scenario = Scenarios.Default, Events = "power-cut", Sessions = true }, output));
            string text = output.ToString();
            Match cut = Regex.Match(text, @"(\d+\.\d+) s  \*\* power cut while writing");
            Assert.IsTrue(cut.Success, text);
            double cutS = double.Parse(cut.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Match download = Regex.Match(text, @"sessions downloaded by the phone \(Control Point 0x13 status 1, \d+ Session log notifications at ATT MTU 23\): (\d+)");
            Assert.IsTrue(download.Success, text);
            Assert.AreEqual("2", download.Groups[1].Value, "the session cut by the reboot, and the one after it");
            Match first = Regex.Match(text[download.Index..], @"session 1: (\d+) s from");
            Assert.IsTrue(first.Success, text);
            // The walk starts about 10 s after boot; the running session is saved every minute.
            double lostS = cutS - 10 - int.Parse(first.Groups[1].Value);
            Assert.IsTrue(lostS >= 0 && lostS <= SessionKeeper.SaveIntervalMs / 1000 + 2, $"lost {lostS:F0} s of the session at the power cut ({cutS:F0} s)");
        }

        private static void DoublePress(EmulatedDevice device)
        {
            for (int press = 0; press < 2; press++)
            {
                device.Button.IsPressed = true;
                device.RunFor(100);
                device.Button.IsPressed = false;
                device.RunFor(100);
            }
        }
    }
}
