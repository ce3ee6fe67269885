namespace RetroWalk.Core.Device
{
    /// <summary>What a button press means.</summary>
    public enum ButtonAction : byte
    {
        None = 0,

        /// <summary>Released before <see cref="ButtonLogic.LongPressMs"/>: acknowledge the alarm.</summary>
        ShortPress = 1,

        /// <summary>Held for <see cref="ButtonLogic.LongPressMs"/>: reset the counts (fires once, while still held).</summary>
        LongPress = 2,

        /// <summary>
        /// A second short press released within <see cref="ButtonLogic.DoublePressGapMs"/> of the first (which was
        /// reported as a ShortPress): start or end a coached session (docs/coach.md).
        /// </summary>
        DoublePress = 3,
    }
}
