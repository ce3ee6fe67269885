namespace RetroWalk.Core.Device
{
    /// <summary>What a button press means.</summary>
    public enum ButtonAction : byte
    {
        None = 0,

        /// <summary>Released before <see cref="ButtonLogic.LongPressMs"/>: acknowledge the alarm.</summary>
        ShortPress = 1,

        /// <summary>
        /// Held for <see cref="ButtonLogic.LongPressMs"/>: reset the counts (fires once, while still held). It follows
        /// a <see cref="PairingHold"/> of the same press, whose window it closes again.
        /// </summary>
        LongPress = 2,

        /// <summary>
        /// A second short press released within <see cref="ButtonLogic.DoublePressGapMs"/> of the first (which was
        /// reported as a ShortPress): start or end a coached session (docs/coach.md).
        /// </summary>
        DoublePress = 3,

        /// <summary>
        /// Held for <see cref="ButtonLogic.PairingHoldMs"/> (fires once, while still held): open the pairing window
        /// (docs/ble.md, Pairing). Let go now to pair; hold on to <see cref="ButtonLogic.LongPressMs"/> to reset instead.
        /// </summary>
        PairingHold = 4,
    }
}
