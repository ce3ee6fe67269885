namespace RetroWalk.Core.Device
{
    /// <summary>What <see cref="DailyBook.Roll"/> did to the calendar.</summary>
    public enum DayChange
    {
        /// <summary>Same day as before (or the clock is not set).</summary>
        None,

        /// <summary>The book took a date without a new day (the first known day, or the clock was set back): save when due.</summary>
        Dated,

        /// <summary>A new local day began: today's totals became yesterday's; save at once, and reset the counts if configured.</summary>
        NewDay,
    }
}
