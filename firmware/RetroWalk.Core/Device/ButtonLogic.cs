namespace RetroWalk.Core.Device
{
    /// <summary>
    /// Turns polled button levels into short and long presses. A long press fires as soon as the hold time is reached,
    /// so the wearer hears the confirmation while still pressing; its release then does nothing. A button already held
    /// at boot (stuck, or held while plugging in) is ignored until released, so it can never reset the counts by itself.
    /// </summary>
    public sealed class ButtonLogic
    {
        public const int LongPressMs = 3000;

        private bool _pressed = true;
        private bool _ignoreUntilRelease = true;
        private bool _longFired;
        private long _pressStartMs;

        public ButtonAction Update(bool pressed, long nowMs)
        {
            if (!pressed)
            {
                bool wasShort = _pressed && !_ignoreUntilRelease && !_longFired;
                _pressed = false;
                _ignoreUntilRelease = false;
                _longFired = false;
                return wasShort ? ButtonAction.ShortPress : ButtonAction.None;
            }

            if (!_pressed)
            {
                _pressed = true;
                _pressStartMs = nowMs;
                return ButtonAction.None;
            }

            if (!_ignoreUntilRelease && !_longFired && nowMs - _pressStartMs >= LongPressMs)
            {
                _longFired = true;
                return ButtonAction.LongPress;
            }

            return ButtonAction.None;
        }
    }
}
