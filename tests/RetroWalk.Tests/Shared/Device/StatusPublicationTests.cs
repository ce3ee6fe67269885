#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;
using RetroWalk.Tests.Core;

namespace RetroWalk.Tests.Loop
{
    [TestClass]
    public class StatusPublicationTests
    {
        private const int PeriodMs = 100;

        private static void Update(StatusPublication publication, PublicationLog log, Tracker tracker, long nowMs)
        {
            log.NowMs = nowMs;
            publication.Update(tracker, 0, false, nowMs);
        }

        [TestMethod]
        public void NothingGoesOutBeforeAPublisherIsAttachedThenEverythingAtOnce()
        {
            StatusPublication publication = new StatusPublication();
            Tracker tracker = new Tracker(new TrackerConfig());
            tracker.RestoreCounts(5, 3);
            publication.Update(tracker, 0, false, 0);
            Assert.AreEqual(0u, publication.Published.ForwardSteps, "no publisher: nothing published");

            PublicationLog log = new PublicationLog();
            publication.Attach(log);
            Update(publication, log, tracker, 100);
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(StatusFields.All, log.Fields[0], "every group once on attach");
            Assert.AreEqual(5u, log.ForwardSteps[0]);
            Assert.AreEqual((byte)1, log.Sequence[0]);
            Assert.AreEqual(1, log.Adverts, "offered for the advertisement with the publication");
        }

        [TestMethod]
        public void EachGroupGoesOutAtMostOncePerSecondAndItsLastValueAlways()
        {
            StatusPublication publication = new StatusPublication();
            PublicationLog log = new PublicationLog();
            Tracker tracker = new Tracker(new TrackerConfig());
            publication.Attach(log);
            long now = 0;
            for (uint i = 1; i <= 35; i++)
            {
                tracker.RestoreCounts(i, 0);
                Update(publication, log, tracker, now);
                now += PeriodMs;
            }

            for (int k = 0; k < 20; k++)
            {
                Update(publication, log, tracker, now);
                now += PeriodMs;
            }

            long previous = -StatusPublication.MinIntervalMs;
            int forward = 0;
            for (int i = 0; i < log.Count; i++)
            {
                if ((log.Fields[i] & StatusFields.ForwardSteps) != 0)
                {
                    Assert.IsTrue(log.TimeMs[i] - previous >= StatusPublication.MinIntervalMs, "at " + log.TimeMs[i].ToString());
                    previous = log.TimeMs[i];
                    forward++;
                }

                if (i > 0)
                {
                    Assert.AreEqual(0, log.Fields[i] & StatusFields.BackwardSteps, "backward never changed after the first publication");
                }

                Assert.AreEqual((byte)(i + 1), log.Sequence[i], "one sequence number per publication");
            }

            Assert.IsTrue(forward >= 4 && forward <= 5, "3.5 s of changes: " + forward.ToString());
            Assert.AreEqual(35u, log.ForwardSteps[log.Last(StatusFields.ForwardSteps)], "the last value went out");
            Assert.AreEqual(35u, publication.Published.ForwardSteps);
            Assert.AreEqual(35u, log.AdvertForwardSteps);
            for (int i = 1; i < log.Adverts; i++)
            {
                Assert.IsTrue(log.AdvertTimeMs[i] - log.AdvertTimeMs[i - 1] >= StatusPublication.AdvertiseOfferIntervalMs
                    || IsPublicationTime(log, log.AdvertTimeMs[i]), "offered after a publication or once a second");
            }

            Assert.IsTrue(log.Adverts >= (int)(now / StatusPublication.AdvertiseOfferIntervalMs), "at least once a second");
        }

        [TestMethod]
        public void PublishNextAtOnceSkipsTheRateLimitOnce()
        {
            StatusPublication publication = new StatusPublication();
            PublicationLog log = new PublicationLog();
            Tracker tracker = new Tracker(new TrackerConfig());
            publication.Attach(log);
            Update(publication, log, tracker, 0);
            tracker.RestoreCounts(10, 10);
            Update(publication, log, tracker, 100);
            Assert.AreEqual(1, log.Count, "rate-limited");

            tracker.RestoreCounts(0, 0);
            publication.PublishNextAtOnce();
            Update(publication, log, tracker, 200);
            Assert.AreEqual(2, log.Count);
            Assert.AreEqual(0u, log.ForwardSteps[1], "a reset goes out at once");
            tracker.RestoreCounts(1, 0);
            Update(publication, log, tracker, 300);
            Assert.AreEqual(2, log.Count, "only once");
        }

        [TestMethod]
        public void AnAlarmChangeGoesOutAtOnceWhateverTheRateLimit()
        {
            StatusPublication publication = new StatusPublication();
            PublicationLog log = new PublicationLog();
            Tracker tracker = new Tracker(new TrackerConfig());
            SignalBuilder.Still(tracker, 300);
            publication.Attach(log);
            Update(publication, log, tracker, 0);
            SignalBuilder.Walk(tracker, 10, 100, 250, -1, 0);
            Update(publication, log, tracker, 100);
            SignalBuilder.Walk(tracker, 4, 100, 250, -1, 36);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)tracker.Alarm, "the signal raises a tilt warning");
            Update(publication, log, tracker, 200);

            int last = log.Count - 1;
            Assert.AreEqual(200L, log.TimeMs[last], "200 ms after the previous publication");
            Assert.AreNotEqual(0, log.Fields[last] & StatusFields.TiltAlarm);
            Assert.AreEqual((byte)AlarmLevel.TiltWarning, (byte)log.Alarm[last]);
        }

        [TestMethod]
        public void SettingTheClockIsPublishedInTheTiltAlarmGroupAndNothingElseMoves()
        {
            StatusPublication publication = new StatusPublication();
            PublicationLog log = new PublicationLog();
            Tracker tracker = new Tracker(new TrackerConfig());
            publication.Attach(log);
            Update(publication, log, tracker, 0);
            log.NowMs = 5000;
            publication.Update(tracker, 0, true, 5000);
            Assert.AreEqual(2, log.Count);
            Assert.AreEqual(StatusFields.TiltAlarm, log.Fields[1]);
            Assert.IsTrue(publication.Published.ClockSynced);
            Update(publication, log, tracker, 10000);
            Assert.AreEqual(3, log.Count);
            Assert.AreEqual(StatusFields.TiltAlarm, log.Fields[2], "and again when it reads unset");
            Update(publication, log, tracker, 15000);
            Assert.AreEqual(3, log.Count, "nothing changed, nothing notified");
        }

        private static bool IsPublicationTime(PublicationLog log, long timeMs)
        {
            for (int i = 0; i < log.Count; i++)
            {
                if (log.TimeMs[i] == timeMs)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
