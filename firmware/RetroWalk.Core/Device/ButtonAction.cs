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
    }
}
