#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Config;
using RetroWalk.Core.Indication;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;

namespace RetroWalk.Tests.Session
{
    [TestClass]
    public class CoachTests
    {
        private const int RateHz = 100;

        [TestMethod]
        public void IntervalAndTargetCuesComeAtTheirTimes()
        {
            var settings = new UserSettings();
            settings.GlanceEverySteps = 20;
            var log = new StepLog();
            var r = new SessionRecorder(settings, RateHz, 2);
            var coach = new IntervalCoach(settings);
            long t = 0;
            long firstSwitchMs = -1;
            long targetMs = -1;
            int glances = 0;
            int switches = 0;
            // Backward at 100 steps/min (600 ms a step) for 16 minutes: 960 steps.
            for (int i = 0; i < 1600; i++)
            {
                t += 60;
                log.Add(t, 1, 60, WalkDirection.Backward);
                r.Update(log, t, 0);
                CoachCue cue = coach.Update(r, AlarmLevel.None);
                if (cue == CoachCue.SwitchToForward)
                {
                    switches++;
                    if (firstSwitchMs < 0)
                    {
                        firstSwitchMs = r.NowMs - r.Current.StartMs;
                    }
                }
                else if (cue == CoachCue.TargetReached)
                {
                    targetMs = r.NowMs - r.Current.StartMs;
                }
                else if (cue == CoachCue.Glance)
                {
                    glances++;
                }
            }

            Assert.AreEqual(1, switches, "once per interval");
            Assert.IsTrue(firstSwitchMs >= 60000 && firstSwitchMs <= 60600, "switch at " + firstSwitchMs.ToString());
            Assert.IsTrue(targetMs >= 900000 && targetMs <= 900600, "target at " + targetMs.ToString());
            // 1600 steps, one glance per 20 steps; a glance due on the loop of another cue is skipped.
            Assert.IsTrue(glances >= 78 && glances <= 80, "glances " + glances.ToString());
        }

        [TestMethod]
        public void AForwardOnlyWalkIsNeverCoached()
        {
            var settings = new UserSettings();
            var log = new StepLog();
            var r = new SessionRecorder(settings, RateHz, 2);
            var coach = new IntervalCoach(settings);
            long t = 0;
            for (int i = 0; i < 2400; i++)
            {
                t += 50;
                log.Add(t, 1, 50, WalkDirection.Forward);
                r.Update(log, t, 0);
                Assert.AreEqual((byte)CoachCue.None, (byte)coach.Update(r, AlarmLevel.None));
            }
        }

        [TestMethod]
        public void NoCueIsDecidedDuringAnAlarm()
        {
            var settings = new UserSettings();
            settings.GlanceEverySteps = 5;
            var log = new StepLog();
            var r = new SessionRecorder(settings, RateHz, 2);
            var coach = new IntervalCoach(settings);
            long t = 0;
            for (int i = 0; i < 200; i++)
            {
                t += 60;
                log.Add(t, 1, 60, WalkDirection.Backward);
                r.Update(log, t, 0);
                Assert.AreEqual((byte)CoachCue.None, (byte)coach.Update(r, AlarmLevel.TiltWarning));
            }
        }

        [TestMethod]
        public void TheCoachNeverMasksOrDelaysAnAlarm()
        {
            // Every millisecond of a scenario with cues queued densely and alarms coming and going: whenever an alarm
            // is up, the coached outputs equal those of the alarm pattern alone, from the very millisecond it starts.
            var plain = new AlarmPattern();
            var coachedAlarm = new AlarmPattern();
            var coached = new CoachedBuzzer();
            var rng = new System.Random(7);
            AlarmLevel level = AlarmLevel.None;
            int compared = 0;
            int coachBeeps = 0;
            for (long ms = 0; ms < 600000; ms += 10)
            {
                if (ms % 1000 == 0)
                {
                    int roll = rng.Next(100);
                    if (roll < 4)
                    {
                        level = AlarmLevel.TiltWarning;
                    }
                    else if (roll < 6)
                    {
                        level = AlarmLevel.FallAlarm;
                    }
                    else if (roll < 30)
                    {
                        level = AlarmLevel.None;
                    }
                }

                if (ms % 700 == 0)
                {
                    coached.Cue((CoachCue)(1 + rng.Next(4)), ms);
                }

                plain.Update(level, ms);
                coached.Update(coachedAlarm, level, ms);
                if (level != AlarmLevel.None)
                {
                    Assert.AreEqual(plain.Buzzer, coached.Buzzer);
                    Assert.AreEqual(plain.Led, coached.Led);
                    compared++;
                }
                else if (coached.Buzzer && !plain.Buzzer)
                {
                    coachBeeps++;
                }

                Assert.AreEqual(plain.Led, coached.Led, "the LED is never the coach's");
            }

            Assert.IsTrue(compared > 1000, "alarms were exercised");
            Assert.IsTrue(coachBeeps > 1000, "cues were played");
        }

        [TestMethod]
        public void CuePatternsDifferFromEveryAlarmPattern()
        {
            // On-times of the device's patterns (AlarmPattern): fall 600, tilt 100, confirmation 400, identify 250.
            int[] alarmOnMs = new int[] { 600, 100, 400, 250 };
            CoachCue[] cues = new CoachCue[] { CoachCue.SwitchToForward, CoachCue.TargetReached, CoachCue.Glance };
            for (int c = 0; c < cues.Length; c++)
            {
                var p = new CoachPattern();
                p.Start(cues[c], 0);
                int on = 0;
                int beeps = 0;
                bool previous = false;
                for (int ms = 0; ms < 3000; ms += 100)
                {
                    bool b = p.Buzzer(ms);
                    if (b)
                    {
                        on += 100;
                    }

                    if (b && !previous)
                    {
                        beeps++;
                    }

                    if (!b && previous)
                    {
                        for (int a = 0; a < alarmOnMs.Length; a++)
                        {
                            Assert.IsTrue(on / beeps != alarmOnMs[a] || cues[c] == CoachCue.Glance && beeps == 1,
                                "beep length of cue " + ((int)cues[c]).ToString());
                        }
                    }

                    previous = b;
                }

                Assert.IsTrue(beeps >= 1);
                Assert.AreEqual((byte)CoachCue.None, (byte)p.Playing, "a cue plays once");
            }
        }
    }
}
