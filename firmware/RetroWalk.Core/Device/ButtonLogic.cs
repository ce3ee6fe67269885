namespace RetroWalk.Core.Device
{
    /// <summary>
    /// Turns polled button levels into short, double and long presses and the pairing hold. A hold fires as soon as its
    /// time is reached, so the wearer hears the confirmation while still pressing: the pairing hold at
    /// <see cref="PairingHoldMs"/>, then, if the press goes on, the long press at <see cref="LongPressMs"/>; the
    /// release of a hold does nothing. A button already held
    /// at boot (stuck, or held while plugging in) is ignored until released, so it can never reset the counts by itself.
    /// </summary>
    public sealed class ButtonLogic
    {
        public const int LongPressMs = 3000;

        /// <summary>
        /// Hold that opens the pairing window: long enough that a short press, a bump or a double press never reaches
        /// it, short of <see cref="LongPressMs"/> so the wearer who lets go at its chirp never resets the counts.
        /// </summary>
        public const int PairingHoldMs = 2000;

        /// <summary>A short press released within this time of the previous short release is a double press.</summary>
        public const int DoublePressGapMs = 400;

        private bool _pressed = true;
        private bool _ignoreUntilRelease = true;
        private bool _longFired;
        private bool _pairingFired;
        private long _pressStartMs;
        private long _lastShortReleaseMs = long.MinValue / 2;

        public ButtonAction Update(bool pressed, long nowMs)
        {
            if (!pressed)
            {
                bool wasShort = _pressed && !_ignoreUntilRelease && !_longFired && !_pairingFired;
                _pressed = false;
                _ignoreUntilRelease = false;
                _longFired = false;
                _pairingFired = false;
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
                // A poll gap that jumps past both hold times still reports the pairing hold first.
                if (!_pairingFired)
                {
                    _pairingFired = true;
                    return ButtonAction.PairingHold;
                }

                _longFired = true;
                return ButtonAction.LongPress;
            }

            if (!_ignoreUntilRelease && !_pairingFired && nowMs - _pressStartMs >= PairingHoldMs)
            {
                _pairingFired = true;
                return ButtonAction.PairingHold;
            }

            return ButtonAction.None;
        }
    }
}
