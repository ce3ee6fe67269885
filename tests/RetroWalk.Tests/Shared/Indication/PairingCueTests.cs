#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Indication;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Session;

namespace RetroWalk.Tests.Indication
{
    /// <summary>
    /// The pairing cue (the window opened) must not be mistaken for any other sound. Every pattern is sampled as the
    /// loop samples the buzzer, once per 100 ms tick from its start; the cue's mark is a one-tick chirp, one silent
    /// tick, another one-tick chirp ("0 1 0 1 0"), which no alarm, device pattern or coach cue contains.
    /// </summary>
    [TestClass]
    public class PairingCueTests
    {
        private const int TickMs = 100;
        private const string Mark = "01010";

        private static string Ticks(AlarmPattern p, AlarmLevel level, long fromMs, int count)
        {
            char[] cells = new char[count + 2];
            cells[0] = '0';
            for (int i = 0; i < count; i++)
            {
                p.Update(level, fromMs + i * TickMs);
                cells[i + 1] = p.Buzzer ? '1' : '0';
            }

            cells[count + 1] = '0';
            return new string(cells);
        }

        private static string Coach(CoachCue cue)
        {
            var p = new CoachPattern();
            p.Start(cue, 0);
            int count = CoachPattern.LengthMs(cue) / TickMs + 2;
            char[] cells = new char[count + 2];
            cells[0] = '0';
            for (int i = 0; i < count; i++)
            {
                cells[i + 1] = p.Buzzer(i * TickMs) ? '1' : '0';
            }

            cells[count + 1] = '0';
            return new string(cells);
        }

        [TestMethod]
        public void TheCueIsThreeOneTickChirpsOneTickApartThenSilence()
        {
            var p = new AlarmPattern();
            p.Update(AlarmLevel.None, 0);
            p.StartPairingCue(1000);
            Assert.AreEqual("0101010000000", Ticks(p, AlarmLevel.None, 1000, 11), "three chirps, then nothing");
        }

        [TestMethod]
        public void NoAlarmDevicePatternOrCoachCueSoundsLikeIt()
        {
            var fall = new AlarmPattern();
            Assert.AreEqual(-1, Ticks(fall, AlarmLevel.FallAlarm, 0, 100).IndexOf(Mark), "fall alarm, loud");
            Assert.AreEqual(-1, Ticks(fall, AlarmLevel.FallAlarm, AlarmPattern.FallAlarmLoudMs, 200).IndexOf(Mark), "fall alarm, quiet chirps");
            Assert.AreEqual(-1, Ticks(new AlarmPattern(), AlarmLevel.TiltWarning, 0, 100).IndexOf(Mark), "tilt warning");

            var confirm = new AlarmPattern();
            confirm.StartConfirmBeep(0);
            Assert.AreEqual(-1, Ticks(confirm, AlarmLevel.None, 0, 20).IndexOf(Mark), "confirmation");

            var identify = new AlarmPattern();
            identify.StartIdentify(0);
            Assert.AreEqual(-1, Ticks(identify, AlarmLevel.None, 0, 40).IndexOf(Mark), "identify");

            Assert.AreEqual(-1, Coach(CoachCue.SwitchToForward).IndexOf(Mark), "coach: switch to forward");
            Assert.AreEqual(-1, Coach(CoachCue.SwitchToBackward).IndexOf(Mark), "coach: switch to backward");
            Assert.AreEqual(-1, Coach(CoachCue.TargetReached).IndexOf(Mark), "coach: target reached");
            Assert.AreEqual(-1, Coach(CoachCue.Glance).IndexOf(Mark), "coach: glance");
        }

        [TestMethod]
        public void AnAlarmDrownsTheCue()
        {
            var p = new AlarmPattern();
            p.StartPairingCue(0);
            string ticks = Ticks(p, AlarmLevel.FallAlarm, 0, 6);
            Assert.AreEqual("01111110", ticks, "the fall alarm's 600 ms, not the cue");
        }
    }
}
