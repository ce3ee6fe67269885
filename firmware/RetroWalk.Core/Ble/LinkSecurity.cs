namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The security of the connection (one at a time) as the stack reports it, and the rule every write follows
    /// (docs/ble.md, Pairing): a write is accepted only on an encrypted link whose key is a bond the wearer approved
    /// in a <see cref="PairingWindow"/>. <see cref="GattSessionState.Write"/> asks <see cref="WriteAnswer"/> before it
    /// looks at the characteristic, so the rule holds for every writable characteristic even if the stack's own
    /// protection level check were missing or misconfigured.
    /// <para>A pairing goes on only if the stack's confirmation request (numeric comparison) is answered, and
    /// <see cref="ConfirmPairing"/> answers yes only while the window is open; the first bond confirmed that way
    /// closes the window. A phone bonded earlier re-encrypts with its stored key without asking: it is approved again.</para>
    /// <para>Not thread-safe: <see cref="GattSessionState"/>'s caller serialises (the device adapter under its lock).</para>
    /// </summary>
    public sealed class LinkSecurity
    {
        private bool _encrypted;
        private bool _bonded;
        private bool _confirmed;

        /// <summary>True once the stack reported the link encrypted.</summary>
        public bool Encrypted
        {
            get { return _encrypted; }
        }

        /// <summary>True when the link's key is an approved bond (made in a window, now or on an earlier connection).</summary>
        public bool Bonded
        {
            get { return _bonded; }
        }

        /// <summary>A connection opened or closed: nothing is encrypted or approved yet.</summary>
        public void Reset()
        {
            _encrypted = false;
            _bonded = false;
            _confirmed = false;
        }

        /// <summary>
        /// The stack asks whether the pairing in progress may go on (the "confirm" of numeric comparison). Yes only
        /// while <paramref name="window"/> is open at <paramref name="nowMs"/> (monotonic); otherwise the request
        /// goes unanswered and the pairing fails.
        /// </summary>
        public bool ConfirmPairing(PairingWindow window, long nowMs)
        {
            bool open = window != null && window.IsOpen(nowMs);
            _confirmed |= open;
            return open;
        }

        /// <summary>
        /// The stack reports that a pairing, or a bonded phone's re-encryption, finished. <paramref name="encrypted"/>:
        /// the link is now encrypted; <paramref name="approved"/>: its key is one the wearer approved (the device
        /// adapter explains how it knows). A bond confirmed in the window closes <paramref name="window"/>.
        /// </summary>
        public void PairingCompleted(bool encrypted, bool approved, PairingWindow window)
        {
            _encrypted = encrypted;
            _bonded = encrypted && approved;
            if (_confirmed && _bonded && window != null)
            {
                window.BondAccepted();
            }

            _confirmed = false;
        }

        /// <summary>
        /// The ATT answer a write gets on this link: <see cref="GattWrites.Accept"/> on an encrypted, approved link;
        /// otherwise <see cref="CodecStatus.AttInsufficientAuthentication"/> (0x05). Core spec Vol 3 Part C 10.3.1:
        /// an unencrypted link to a peer without a key, and an encrypted link whose key lacks the security the
        /// attribute requires, are both answered "Insufficient Authentication", which tells the phone to pair.
        /// "Insufficient Encryption" (0x0F) means "you hold a key, start encryption": only the stack can know that,
        /// and it answers so itself before this handler runs.
        /// </summary>
        public byte WriteAnswer()
        {
            return _encrypted && _bonded ? GattWrites.Accept : CodecStatus.AttInsufficientAuthentication;
        }
    }
}
