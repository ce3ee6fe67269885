namespace RetroWalk.Core.Device
{
    /// <summary>
    /// Turns polled button levels into short, double and long presses. A long press fires as soon as the hold time is reached,
    /// so the wearer hears the confirmation while still pressing; its release then does nothing. A button already held
    /// at boot (stuck, or held while plugging in) is ignored until released, so it can never reset the counts by itself.
    /// </summary>
    public sealed class ButtonLogic
    {
        public const int LongPressMs = 3000;

        /// <summary>A short press released within this time of the previous short release is a double press.</summary>
        public const int DoublePressGapMs = 400;

        private bool _pressed = true;
        private bool _ignoreUntilRelease = true;
        private bool _longFired;
        private long _pressStartMs;
        private long _lastShortReleaseMs = long.MinValue / 2;

        public ButtonAction Update(bool pressed, long nowMs)
        {
            if (!pressed)
            {
                bool wasShort = _pressed && !_ignoreUntilRelease && !_longFired;
                _pressed = false;
                _ignoreUntilRelease = false;
                _longFired = false;
                if (!wasShort)
                {
                    return ButtonAction.None;
                }

                // The first press acts at once (no waiting for a second one); the second of a pair is the double press.
                if (nowMs - _lastShortReleaseMs <= DoublePressGapMs)
                {
                    _lastShortReleaseMs = long.MinValue / 2;
                    return ButtonAction.DoublePress;
                }

                _lastShortReleaseMs = nowMs;
                return ButtonAction.ShortPress;
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
