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
            Assert.AreEqual((int)DayChange.None, (int)book.Roll(5));
            Assert.IsTrue(book.Book(7, 3, 5));
            Assert.AreEqual(7u, state.TodayForward, "today's totals count before the clock is known");
            Assert.AreEqual(0, state.History.Count, "no hour to put them in yet");
            Assert.IsFalse(book.Book(7, 3, 6), "nothing new");

            Assert.AreEqual((int)DayChange.Dated, (int)book.Roll(Noon + 1800));
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
            state.Settings.UtcOffsetQuarterHours = 8; // UTC+2
            DailyBook book = new DailyBook(state);
            long localMidnightUtc = Noon + 10 * 3600; // 22:00 UTC = 00:00 at UTC+2
            book.Roll(localMidnightUtc - 60);
            book.Book(17, 5, localMidnightUtc - 60);
            Assert.AreEqual((int)DayChange.None, (int)book.Roll(localMidnightUtc - 1));
            Assert.AreEqual((int)DayChange.NewDay, (int)book.Roll(localMidnightUtc));
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
            book.Roll(Noon);
            book.Book(17, 5, Noon);
            Assert.AreEqual((int)DayChange.NewDay, (int)book.Roll(Noon + 2 * Day));
            Assert.AreEqual(0u, state.YesterdayForward, "the day in between had no steps");
            Assert.AreEqual(0u, state.TodayForward);
        }

        [TestMethod]
        public void AClockSetBackKeepsTodaysTotalsUnderTheNewDate()
        {
            DeviceState state = new DeviceState();
            DailyBook book = new DailyBook(state);
            book.Roll(Noon);
            book.Book(17, 5, Noon);
            Assert.AreEqual((int)DayChange.Dated, (int)book.Roll(Noon - Day));
            Assert.AreEqual(WallClock.LocalDay(Noon - Day, 0), state.LocalDay);
            Assert.AreEqual(17u, state.TodayForward);
            Assert.AreEqual(0u, state.YesterdayForward);
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
