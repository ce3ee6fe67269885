using RetroWalk.Core.Storage;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// The calendar of the counts: which local day it is, today's and yesterday's totals, and the hourly history, all
    /// kept in the <see cref="DeviceState"/> (so they are saved with it). The loop books the tracker's running counts
    /// after every batch; the book credits the difference since the last booking to today and to the current hour.
    /// Steps counted before the clock is set wait and go into the hour in which it is set.
    /// </summary>
    public sealed class DailyBook
    {
        private readonly DeviceState _state;
        private uint _lastForward;
        private uint _lastBackward;
        private int _pendingForward;
        private int _pendingBackward;
        private long _lastUtc;
        private long _lastMonotonicMs;
        private int _lastOffsetMinutes;

        /// <summary>Starts from the counts in <paramref name="state"/> (as restored): only steps counted after them are booked.</summary>
        public DailyBook(DeviceState state)
        {
            _state = state;
            _lastForward = state.ForwardSteps;
            _lastBackward = state.BackwardSteps;
        }

        /// <summary>
        /// Largest disagreement between the wall clock and the monotonic clock from one call to the next that still
        /// counts as time passing (the loop calls every 100 ms; a phone's small correction stays within it); anything
        /// larger is a clock jump.
        /// </summary>
        public const int ClockJumpToleranceS = 60;

        /// <summary>
        /// Rolls the daily totals over at a real local midnight, once the clock has been set. A new day begins only when
        /// time passing (the monotonic clock agrees with the wall clock within <see cref="ClockJumpToleranceS"/>, at an
        /// unchanged UTC offset) carries the local day forward, or at the first reading after a boot or a clock set
        /// (the device was off over midnight). A clock jump either way or a changed UTC offset only re-dates today's
        /// totals to the day the new clock shows (<see cref="DayChange.Dated"/>): totals are moved, never zeroed, and a
        /// daily reset never follows a jump.
        /// </summary>
        public DayChange Roll(long utc, long monotonicMs)
        {
            if (!WallClock.IsSet(utc))
            {
                _lastUtc = 0;
                return DayChange.None;
            }

            int offset = _state.Settings.UtcOffsetMinutes;
            long drift = (utc - _lastUtc) - (monotonicMs - _lastMonotonicMs) / 1000;
            bool jumped = _lastUtc != 0
                && (offset != _lastOffsetMinutes || drift > ClockJumpToleranceS || drift < -ClockJumpToleranceS);
            _lastUtc = utc;
            _lastMonotonicMs = monotonicMs;
            _lastOffsetMinutes = offset;
            int day = WallClock.LocalDay(utc, offset);
            if (_state.LocalDay == 0 || day < _state.LocalDay || (jumped && day != _state.LocalDay))
            {
                // First known day, the clock set back or jumped, or the offset changed: today's totals stay with the new date.
                _state.LocalDay = day;
                return DayChange.Dated;
            }

            if (day == _state.LocalDay)
            {
                return DayChange.None;
            }

            bool nextDay = day == _state.LocalDay + 1;
            _state.YesterdayForward = nextDay ? _state.TodayForward : 0;
            _state.YesterdayBackward = nextDay ? _state.TodayBackward : 0;
            _state.TodayForward = 0;
            _state.TodayBackward = 0;
            _state.LocalDay = day;
            return DayChange.NewDay;
        }

        /// <summary>
        /// Books the steps counted since the last call (the tracker's running totals <paramref name="forward"/> and
        /// <paramref name="backward"/>) into today's totals and the hourly history; true when the totals changed.
        /// </summary>
        public bool Book(uint forward, uint backward, long utc)
        {
            int df = (int)(forward - _lastForward);
            int db = (int)(backward - _lastBackward);
            _lastForward = forward;
            _lastBackward = backward;
            bool changed = df != 0 || db != 0;
            if (changed)
            {
                _state.TodayForward = Dsp.Saturating.Add(_state.TodayForward, (uint)df);
                _state.TodayBackward = Dsp.Saturating.Add(_state.TodayBackward, (uint)db);
                _pendingForward = Dsp.Saturating.Add(_pendingForward, df);
                _pendingBackward = Dsp.Saturating.Add(_pendingBackward, db);
            }

            // Steps taken before the phone set the clock go into the hour in which it was set.
            if (WallClock.IsSet(utc) && (_pendingForward != 0 || _pendingBackward != 0))
            {
                _state.History.AddSteps(WallClock.HourStart(utc), _pendingForward, _pendingBackward);
                _pendingForward = 0;
                _pendingBackward = 0;
            }

            return changed;
        }

        /// <summary>The tracker's counts were zeroed (after a <see cref="Book"/> of what they held): book from zero on.</summary>
        public void CountsReset()
        {
            _lastForward = 0;
            _lastBackward = 0;
        }
    }
}
