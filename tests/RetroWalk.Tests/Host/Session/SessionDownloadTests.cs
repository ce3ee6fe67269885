using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Session;
using RetroWalk.Tests.Ble;
using RetroWalk.Host.Emulation;
using RetroWalk.Tests.Session;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>The emulated phone's download of sessions (SessionLogReader over the core's GATT session) and `simulate --sessions`.</summary>
    [TestClass]
    public class SessionDownloadTests
    {
        [TestMethod]
        public void ThePhoneDecodesEveryKeptSessionAsTheRecorderHasIt()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(8);
            foreach (int mtu in new[] { GattSessionState.DefaultAttMtu, 185 })
            {
                var phone = new RecordingPublisher();
                phone.AttachSessions(new SessionSource(recorder));
                phone.Session.MtuChanged(mtu);
                Assert.AreEqual(ControlStatus.Ok, phone.DownloadSessions(0));
                SessionLogReader log = phone.SessionLog!;
                Assert.IsNull(log.Error);
                Assert.IsTrue(log.Ended);
                Assert.AreEqual(8, log.Sessions.Count);
                for (int i = 0; i < 8; i++)
                {
                    SessionRecord sent = recorder.History.Get(i), got = log.Sessions[i].Record;
                    Assert.AreEqual(sent.Number, got.Number);
                    Assert.AreEqual(sent.ForwardSteps, got.ForwardSteps);
                    Assert.AreEqual(sent.BackwardSteps, got.BackwardSteps);
                    Assert.AreEqual(sent.IntervalCount, got.IntervalCount);
                    for (int k = 0; k < sent.IntervalCount; k++)
                    {
                        Assert.AreEqual(sent.IntervalSteps[k], got.IntervalSteps[k]);
                        Assert.AreEqual(sent.IntervalDirection[k], got.IntervalDirection[k]);
                    }
                    Assert.AreEqual(sent.ForwardSteadiness.CvPermille, log.Sessions[i].Figures[SessionCodec.ForwardCv]);
                }
            }
        }

        [TestMethod]
        public void ALostNotificationIsSeenAndADownloadRequestedTwiceIsRefused()
        {
            SessionRecorder recorder = SessionStoreTests.WithSessions(3);
            var session = new GattSessionState(new DetachedSinks(), new DetachedSinks(), null, null);
            session.AttachSessions(new SessionSource(recorder));
            session.ConnectionChanged(true);
            BondedLink.Approve(session);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            session.SubscribersChanged(GattTable.SessionLog, 1);
            int n = ControlPointCodec.EncodeRequest(ControlOp.RequestSessions, 0, session.WriteBuffer, 0);
            session.Write(GattTable.ControlPoint, 0, n);
            var reader = new SessionLogReader();
            Assert.IsTrue(reader.Add(session.Value(GattTable.SessionLog)[..session.NextSessionLogPacket()]));
            session.NextSessionLogPacket(); // lost on the way
            Assert.IsFalse(reader.Add(session.Value(GattTable.SessionLog)[..session.NextSessionLogPacket()]));
            StringAssert.Contains(reader.Error, "was lost");
        }

        [TestMethod]
        public void SimulateSessionsDownloadsTheDevicesSessionAndItMatchesTheCounts()
        {
            var output = new StringWriter();
            Assert.AreEqual(0, Simulator.Run(new SimulationOptions { Scenario = "short", Sessions = true }, output));
            string text = output.ToString();
            Match download = Regex.Match(text, @"sessions downloaded by the phone \(Control Point 0x13 status 1, (\d+) Session log notifications at ATT MTU 23\): (\d+)");
            Assert.IsTrue(download.Success, text);
            Assert.AreEqual("1", download.Groups[2].Value, "the short scenario is one session");
            Match session = Regex.Match(text[download.Index..], @"session 1: \d+ s from 2026-\S+ \S+ UTC; forward (\d+) steps .* backward (\d+) steps");
            Match counts = Regex.Match(text, @"final counts: forward (\d+), backward (\d+)");
            Assert.IsTrue(session.Success && counts.Success, text);
            Assert.AreEqual(counts.Groups[1].Value, session.Groups[1].Value, "the session holds every forward step");
            Assert.AreEqual(counts.Groups[2].Value, session.Groups[2].Value, "and every backward step");
            StringAssert.Contains(text, "health (phone, last notification): ok", "the download ends before the finished recording leaves the emulated sensor silent long enough to read as a fault");
            Assert.IsTrue(text.Split('\n').Count(l => l.Contains("notify  Session ") && l.Contains("(running)")) >= 1, "the phone saw the session running");
        }
    }
}
