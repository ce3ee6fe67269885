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

        /// <summary>Starts from the counts in <paramref name="state"/> (as restored): only steps counted after them are booked.</summary>
        public DailyBook(DeviceState state)
        {
            _state = state;
            _lastForward = state.ForwardSteps;
            _lastBackward = state.BackwardSteps;
        }

        /// <summary>Rolls the daily totals over at local midnight, once the clock has been set.</summary>
        public DayChange Roll(long utc)
        {
            if (!WallClock.IsSet(utc))
            {
                return DayChange.None;
            }

            int day = WallClock.LocalDay(utc, _state.Settings.UtcOffsetMinutes);
            if (_state.LocalDay == 0 || day < _state.LocalDay)
            {
                // First known day, or the clock was set back: today's totals stay with the new date.
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
