using nanoFramework.Device.Bluetooth;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Device;

namespace RetroWalk.Firmware.Ble
{
    /// <summary>
    /// Pairing that needs the wearer (docs/ble.md, Pairing), between nanoFramework.Device.Bluetooth 1.x's
    /// <see cref="DevicePairing"/> and the core: a phone bonds only while the loop's <see cref="PairingWindow"/> is open,
    /// and the link's state from the stack's pairing events goes to the session's <see cref="LinkSecurity"/>, which
    /// checks every write. The decisions are the core's (<see cref="LinkSecurity.ConfirmPairing"/>,
    /// <see cref="LinkSecurity.PairingCompleted"/>); this class carries the stack's events to them.
    /// </summary>
    internal sealed class PairingAdapter
    {
        private readonly DevicePairing _pairing;
        private readonly LinkSecurity _link;
        private readonly object _sync;
        private PairingWindow _window;
        private IClock _clock;
        private bool _bondingAllowed;

        /// <param name="sync">The lock that guards the GATT session (and so <paramref name="link"/>).</param>
        public PairingAdapter(DevicePairing pairing, LinkSecurity link, object sync)
        {
            _pairing = pairing;
            _link = link;
            _sync = sync;

            // DisplayYesNo with authenticated LE Secure Connections makes a phone's pairing a numeric comparison, which
            // NimBLE hands to PairingRequested; it is confirmed only while the window is open. A Just Works pairing (a
            // central claiming no input and no output) skips that request but yields an unauthenticated key, which the
            // session refuses. No bond is stored outside the window (AllowBonding follows it), so strangers cannot fill
            // NimBLE's bond store, which drops its oldest bond when full (ble_store_util_status_rr, nf-interpreter
            // SetSecuritySettings).
            pairing.IOCapabilities = DevicePairingIOCapabilities.DisplayYesNo;
            pairing.ProtectionLevel = DevicePairingProtectionLevel.EncryptionAndAuthentication;
            pairing.AllowBonding = false;
            pairing.PairingRequested += OnPairingRequested;
            pairing.PairingComplete += OnPairingComplete;
        }

        /// <summary>
        /// The loop's pairing window, and its monotonic clock (the window's times): without them no phone can bond and
        /// no write is ever accepted.
        /// </summary>
        public void Attach(PairingWindow window, IClock clock)
        {
            lock (_sync)
            {
                _window = window;
                _clock = clock;
            }
        }

        /// <summary>Lets the stack store a bond only while the pairing window is open (called about once a second).</summary>
        public void SyncBonding()
        {
            bool allow;
            lock (_sync)
            {
                allow = _clock != null && _window != null && _window.IsOpen(_clock.MonotonicMs);
                if (allow == _bondingAllowed)
                {
                    return;
                }

                _bondingAllowed = allow;
            }

            // The setter pushes IO capabilities, protection level and bonding to NimBLE's ble_hs_cfg at once.
            _pairing.AllowBonding = allow;
        }

        /// <summary>
        /// NimBLE asks to confirm a pairing (BLE event thread; it waits up to 2 s for the answer). Numeric comparison
        /// (ConfirmPinMatch) or a plain confirmation is accepted only while the window is open; a passkey request
        /// (DisplayPin, ProvidePin: a phone without LE Secure Connections) is never answered, as the tracker cannot
        /// show one. Unanswered, the pairing fails (DevicePairingRequestedEventArgs has Accept, and no refusal).
        /// </summary>
        private void OnPairingRequested(object sender, DevicePairingRequestedEventArgs args)
        {
            DevicePairingKinds kind = args.PairingKind;
            bool confirm = false;
            if (kind == DevicePairingKinds.ConfirmPinMatch || kind == DevicePairingKinds.ConfirmOnly)
            {
                lock (_sync)
                {
                    confirm = _clock != null && _link.ConfirmPairing(_window, _clock.MonotonicMs);
                }
            }

            if (confirm)
            {
                args.Accept();
            }

            System.Diagnostics.Debug.WriteLine("pairing request " + ((int)kind).ToString() + (confirm ? ": confirmed" : ": refused (no window)"));
        }

        /// <summary>
        /// A pairing or a bonded phone's re-encryption finished (NimBLE's encryption change, BLE event thread, before
        /// any write that follows it). nanoFramework 1.x sets DevicePairing's state from that event before raising
        /// this: IsPaired (status Paired: encryption on), WasSecureConnectionUsedForPairing (the link's "encrypted"
        /// bit, despite its name) and IsAuthenticated. Whether the key is bonded is in the native event too, but
        /// DevicePairing drops it (nanoFramework.Device.Bluetooth Security/DevicePairing.cs, OnEvent: "isBonded" is
        /// commented out), so the approval is "authenticated": only a pairing confirmed in the window makes such a
        /// key, and a stored key keeps its authenticated flag when a bonded phone re-encrypts with it.
        /// </summary>
        private void OnPairingComplete(object sender, DevicePairingEventArgs args)
        {
            bool encrypted = args.Status == DevicePairingResultStatus.Paired && _pairing.WasSecureConnectionUsedForPairing;
            bool approved = _pairing.IsAuthenticated;
            lock (_sync)
            {
                _link.PairingCompleted(encrypted, approved, _window);
            }

            SyncBonding();
            System.Diagnostics.Debug.WriteLine("link " + (encrypted ? "encrypted" : "not encrypted") + (approved ? ", approved" : ", not approved"));
        }
    }
}
