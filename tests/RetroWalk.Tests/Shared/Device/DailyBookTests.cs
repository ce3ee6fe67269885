#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Device;
using RetroWalk.Core.Storage;

namespace RetroWalk.Tests.Loop
{
    [TestClass]
    public class DailyBookTests
    {
        private const long Noon = 1777636800; // 2026-05-01T12:00:00Z
        private const int Day = WallClock.SecondsPerDay;

        [TestMethod]
        public void StepsBeforeTheClockIsSetWaitForTheHourInWhichItIsSet()
        {
            DeviceState state = new DeviceState();
            DailyBook book = new DailyBook(state);
            Assert.AreEqual((int)DayChange.None, (int)book.Roll(5, 0));
            Assert.IsTrue(book.Book(7, 3, 5));
            Assert.AreEqual(7u, state.TodayForward, "today's totals count before the clock is known");
            Assert.AreEqual(0, state.History.Count, "no hour to put them in yet");
            Assert.IsFalse(book.Book(7, 3, 6), "nothing new");

            Assert.AreEqual((int)DayChange.Dated, (int)book.Roll(Noon + 1800, Mono(Noon + 1800)));
            Assert.AreEqual(WallClock.LocalDay(Noon, 0), state.LocalDay);
            Assert.IsTrue(book.Book(9, 3, Noon + 1800));
            AssertRecord(state, 0, (uint)Noon, 9, 3);
            Assert.AreEqual(1, state.History.Count);
        }

        [TestMethod]
        public void OnlyStepsCountedAfterTheRestoredCountsAreBooked()
        {
            DeviceState state = new DeviceState();
            state.ForwardSteps = 100;
            state.BackwardSteps = 50;
            state.TodayForward = 100;
            DailyBook book = new DailyBook(state);
            Assert.IsFalse(book.Book(100, 50, Noon));
            Assert.IsTrue(book.Book(104, 51, Noon));
            Assert.AreEqual(104u, state.TodayForward);
            Assert.AreEqual(1u, state.TodayBackward);
            AssertRecord(state, 0, (uint)Noon, 4, 1);
        }

        [TestMethod]
        public void ACountResetBooksFromZeroOn()
        {
            DeviceState state = new DeviceState();
            DailyBook book = new DailyBook(state);
            book.Book(30, 10, Noon);
            book.CountsReset();
            Assert.IsTrue(book.Book(2, 1, Noon + 60));
            Assert.AreEqual(32u, state.TodayForward, "today keeps what was counted before the reset");
            Assert.AreEqual(11u, state.TodayBackward);
        }

        [TestMethod]
        public void TheTotalsRollOverAtLocalMidnight()
        {
            DeviceState state = new DeviceState();
            state.Settings.UtcOffsetQuarterHours = 8; // +2 h
            DailyBook book = new DailyBook(state);
            long localMidnightUtc = Noon + 10 * 3600; // 22:00 UTC = 00:00 at UTC+2
            book.Roll(localMidnightUtc - 60, Mono(localMidnightUtc - 60));
            book.Book(17, 5, localMidnightUtc - 60);
            Assert.AreEqual((int)DayChange.None, (int)book.Roll(localMidnightUtc - 1, Mono(localMidnightUtc - 1)));
            Assert.AreEqual((int)DayChange.NewDay, (int)book.Roll(localMidnightUtc, Mono(localMidnightUtc)));
            Assert.AreEqual(17u, state.YesterdayForward);
            Assert.AreEqual(5u, state.YesterdayBackward);
            Assert.AreEqual(0u, state.TodayForward);
            Assert.AreEqual(WallClock.LocalDay(localMidnightUtc, 120), state.LocalDay);

            book.Book(20, 6, localMidnightUtc + 5);
            Assert.AreEqual(3u, state.TodayForward);
            Assert.AreEqual(2, state.History.Count, "the hour before midnight and the one after");
            AssertRecord(state, 1, (uint)localMidnightUtc, 3, 1);
        }

        [TestMethod]
        public void ADayWithoutRunningLeavesYesterdayEmpty()
        {
            DeviceState state = new DeviceState();
            DailyBook book = new DailyBook(state);
            book.Roll(Noon, Mono(Noon));
            book.Book(17, 5, Noon);
            Assert.AreEqual((int)DayChange.NewDay, (int)book.Roll(Noon + 2 * Day, Mono(Noon + 2 * Day)));
            Assert.AreEqual(0u, state.YesterdayForward, "the day in between had no steps");
            Assert.AreEqual(0u, state.TodayForward);
        }

        [TestMethod]
        public void AClockSetBackKeepsTodaysTotalsUnderTheNewDate()
        {
            DeviceState state = new DeviceState();
            DailyBook book = new DailyBook(state);
            book.Roll(Noon, Mono(Noon));
            book.Book(17, 5, Noon);
            Assert.AreEqual((int)DayChange.Dated, (int)book.Roll(Noon - Day, Mono(Noon)));
            Assert.AreEqual(WallClock.LocalDay(Noon - Day, 0), state.LocalDay);
            Assert.AreEqual(17u, state.TodayForward);
            Assert.AreEqual(0u, state.YesterdayForward);
        }

        [TestMethod]
        public void ClockJumpsMoveTheTotalsAndNeverDateARecordPastTheClock()
        {
            long[] jumps = { 3600, -3600, Day, -Day, 80L * 365 * Day, -80L * 365 * Day, 2 * Day + 7200, -(2 * Day + 7200) };
            for (int j = 0; j < jumps.Length; j++)
            {
                for (int hour = 0; hour < 24; hour++)
                {
                    CheckJump(jumps[j], Noon - 12 * 3600 + hour * 3600L + 1234, false);
                    CheckJump(jumps[j], Noon - 12 * 3600 + hour * 3600L + 1234, true);
                }
            }
        }

        [TestMethod]
        public void OffsetChangesAtEveryHourMoveTheTotalsAndNeverStartADay()
        {
            int[] offsetsQuarterHours = { 14 * 4, -12 * 4, 0, 14 * 4, -12 * 4, 5 * 4 + 3, -(3 * 4 + 2) };
            for (int hour = 0; hour < 24; hour++)
            {
                DeviceState state = new DeviceState();
                DailyBook book = new DailyBook(state);
                long utc = Noon - 12 * 3600 + hour * 3600L + 60;
                state.YesterdayForward = 40;
                state.YesterdayBackward = 4;
                Assert.AreNotEqual((int)DayChange.NewDay, (int)book.Roll(utc, Mono(utc)));
                book.Book(17, 5, utc);
                uint forward = 17;
                for (int o = 0; o < offsetsQuarterHours.Length; o++)
                {
                    state.Settings.UtcOffsetQuarterHours = offsetsQuarterHours[o];
                    utc += 1;
                    Assert.AreNotEqual((int)DayChange.NewDay, (int)book.Roll(utc, Mono(utc)), "an offset change is no midnight");
                    Assert.AreEqual(WallClock.LocalDay(utc, state.Settings.UtcOffsetMinutes), state.LocalDay);
                    forward += 1;
                    book.Book(forward, 5, utc);
                    Assert.AreEqual(forward, state.TodayForward, "today's totals kept");
                    Assert.AreEqual(5u, state.TodayBackward);
                    Assert.AreEqual(40u, state.YesterdayForward, "yesterday's totals kept");
                    Assert.AreEqual(4u, state.YesterdayBackward);
                }
            }
        }

        [TestMethod]
        public void AWrongDateIn2105ThenTheRightOneDoesNotFreezeTheHistory()
        {
            const long In2105 = 4260211200; // 2105-01-01T00:00:00Z
            DeviceState state = new DeviceState();
            DailyBook book = new DailyBook(state);
            book.Roll(Noon, Mono(Noon));
            book.Book(10, 0, Noon);
            book.Roll(In2105, Mono(Noon + 60));
            book.Book(15, 0, In2105);
            book.Roll(Noon + 120, Mono(Noon + 120));
            book.Book(16, 0, Noon + 120);
            book.Roll(Noon + 3600, Mono(Noon + 3600));
            book.Book(20, 0, Noon + 3600);
            // The hour of 2105 aged the 10 steps of 2026 out of the 7 days kept; its own 5 came back to now.
            Assert.AreEqual(2, state.History.Count);
            AssertRecord(state, 0, (uint)Noon, 6, 0);
            AssertRecord(state, 1, (uint)(Noon + 3600), 4, 0);
            Assert.AreEqual(20u, state.TodayForward);
        }

        /// <summary>
        /// Books 17+5 steps at <paramref name="utc"/>, jumps the clock by <paramref name="jumpS"/> (the monotonic clock
        /// moving 1 s), books 2+1 more, then jumps back and books 3+0 more: no day starts, no daily total is zeroed, no
        /// record is dated past the clock and, within the 7 days kept, the history holds every step.
        /// </summary>
        private static void CheckJump(long jumpS, long utc, bool andBack)
        {
            DeviceState state = new DeviceState();
            state.YesterdayForward = 40;
            DailyBook book = new DailyBook(state);
            book.Roll(utc, Mono(utc));
            book.Book(17, 5, utc);
            long jumped = utc + jumpS;
            Assert.AreNotEqual((int)DayChange.NewDay, (int)book.Roll(jumped, Mono(utc) + 1000), "a jump is no midnight");
            book.Book(19, 6, jumped);
            AssertNotPast(state, WallClock.IsSet(jumped) ? jumped : utc);
            Assert.AreEqual(19u, state.TodayForward, "today's totals moved, not zeroed");
            Assert.AreEqual(6u, state.TodayBackward);
            Assert.AreEqual(40u, state.YesterdayForward);
            if (!andBack)
            {
                return;
            }

            long back = utc + 2;
            Assert.AreNotEqual((int)DayChange.NewDay, (int)book.Roll(back, Mono(utc) + 2000));
            book.Book(22, 6, back);
            AssertNotPast(state, back);
            Assert.AreEqual(22u, state.TodayForward);
            Assert.AreEqual(40u, state.YesterdayForward);
            Assert.AreEqual(WallClock.LocalDay(back, 0), state.LocalDay);
            if (jumpS < HourlyHistory.RetentionS)
            {
                Assert.AreEqual(28, HistorySum(state), "every step is still in the history");
            }

            uint start;
            ushort f;
            ushort b;
            state.History.GetRecord(state.History.Count - 1, out start, out f, out b);
            Assert.AreEqual(WallClock.HourStart(back), start, "the steps after the jump back go into the hour of the clock");
        }

        private static void AssertNotPast(DeviceState state, long clock)
        {
            for (int i = 0; i < state.History.Count; i++)
            {
                uint start;
                ushort f;
                ushort b;
                state.History.GetRecord(i, out start, out f, out b);
                Assert.IsTrue(start <= clock, "a record dated past the clock");
                if (i > 0)
                {
                    uint before;
                    state.History.GetRecord(i - 1, out before, out f, out b);
                    Assert.IsTrue(before < start, "records in time order");
                }
            }
        }

        private static int HistorySum(DeviceState state)
        {
            int sum = 0;
            for (int i = 0; i < state.History.Count; i++)
            {
                uint start;
                ushort f;
                ushort b;
                state.History.GetRecord(i, out start, out f, out b);
                sum += f + b;
            }

            return sum;
        }

        /// <summary>The monotonic clock of a device whose wall clock runs true (1 h after boot at <see cref="Noon"/>).</summary>
        private static long Mono(long utc)
        {
            return (utc - Noon + 3600) * 1000;
        }

        private static void AssertRecord(DeviceState state, int index, uint hour, int forward, int backward)
        {
            uint start;
            ushort f;
            ushort b;
            state.History.GetRecord(index, out start, out f, out b);
            Assert.AreEqual(hour, start);
            Assert.AreEqual(forward, (int)f);
            Assert.AreEqual(backward, (int)b);
        }
    }
}
