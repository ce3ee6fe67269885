using System.Threading;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The only time a new phone may pair and bond (docs/ble.md, Pairing): the wearer opens it by holding the button
    /// (ButtonLogic.PairingHoldMs), it stays open <see cref="OpenMs"/> and closes at the first new bond
    /// (<see cref="LinkSecurity"/>), at a hold that goes on to a reset, or at its timeout. Times are the loop's monotonic milliseconds
    /// (IClock.MonotonicMs), never the wall clock, which a phone can set: a clock jump cannot keep it open, and a
    /// monotonic time that ran backwards (it never should) closes it rather than extending it.
    /// <para>Thread-safe: the device loop opens it, the BLE event thread asks <see cref="IsOpen"/> and reports a bond.
    /// Taken with Monitor.Enter/Exit, not lock (see HourlyHistory).</para>
    /// </summary>
    public sealed class PairingWindow
    {
        /// <summary>How long the window stays open: long enough to open a phone's Bluetooth settings and tap the tracker.</summary>
        public const int OpenMs = 60000;

        private bool _open;
        private long _openedMs;
        private bool _bondPending;

        /// <summary>Opens the window for <see cref="OpenMs"/> from <paramref name="nowMs"/> (again from now if already open).</summary>
        public void Open(long nowMs)
        {
            Monitor.Enter(this);
            try
            {
                _open = true;
                _openedMs = nowMs;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>Closes the window at once (the hold went on to a reset).</summary>
        public void Close()
        {
            Monitor.Enter(this);
            try
            {
                _open = false;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>True while a new bond may be accepted at <paramref name="nowMs"/>.</summary>
        public bool IsOpen(long nowMs)
        {
            Monitor.Enter(this);
            try
            {
                return Expire(nowMs);
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>Milliseconds left at <paramref name="nowMs"/>, 0 when closed.</summary>
        public long RemainingMs(long nowMs)
        {
            Monitor.Enter(this);
            try
            {
                return Expire(nowMs) ? OpenMs - (nowMs - _openedMs) : 0;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>A new bond was made while the window was open: it closes (one bond per hold) and the loop beeps.</summary>
        public void BondAccepted()
        {
            Monitor.Enter(this);
            try
            {
                _open = false;
                _bondPending = true;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>True once after <see cref="BondAccepted"/> (the loop plays the confirmation).</summary>
        public bool TakeBondAccepted()
        {
            Monitor.Enter(this);
            try
            {
                bool made = _bondPending;
                _bondPending = false;
                return made;
            }
            finally
            {
                Monitor.Exit(this);
            }
        }

        /// <summary>Closes the window once its time is up; true while it is open. Caller holds the monitor.</summary>
        private bool Expire(long nowMs)
        {
            long elapsed = nowMs - _openedMs;
            if (_open && (elapsed < 0 || elapsed >= OpenMs))
            {
                _open = false;
            }

            return _open;
        }
    }
}
