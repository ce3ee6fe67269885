#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    /// <summary>Who may bond and whose writes count (docs/ble.md, Pairing), as the device adapter drives it.</summary>
    [TestClass]
    public class LinkSecurityTests
    {
        [TestMethod]
        public void AFreshLinkRefusesWritesWithInsufficientAuthentication()
        {
            var link = new LinkSecurity();
            Assert.IsFalse(link.Encrypted, "not encrypted");
            Assert.IsFalse(link.Bonded, "not bonded");
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, link.WriteAnswer(), "0x05");
        }

        [TestMethod]
        public void APairingOutsideTheWindowIsNotConfirmedAndAJustWorksKeyIsNotABond()
        {
            var window = new PairingWindow();
            var link = new LinkSecurity();
            Assert.IsFalse(link.ConfirmPairing(window, 1000), "window never opened: the confirmation goes unanswered");

            // A central claiming no input and no output skips the confirmation: Just Works encrypts, unauthenticated.
            link.PairingCompleted(true, false, window);
            Assert.IsTrue(link.Encrypted, "encrypted");
            Assert.IsFalse(link.Bonded, "but not an approved bond");
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, link.WriteAnswer(), "its writes are refused");
            Assert.IsFalse(window.TakeBondAccepted(), "no bond accepted");
        }

        [TestMethod]
        public void AnExpiredWindowConfirmsNothing()
        {
            var window = new PairingWindow();
            window.Open(0);
            var link = new LinkSecurity();
            Assert.IsFalse(link.ConfirmPairing(window, PairingWindow.OpenMs), "60 s later the window is shut");
            link.PairingCompleted(false, false, window);
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, link.WriteAnswer(), "the pairing failed: refused");
        }

        [TestMethod]
        public void APairingConfirmedInTheWindowBondsAndClosesIt()
        {
            var window = new PairingWindow();
            window.Open(5000);
            var link = new LinkSecurity();
            Assert.IsTrue(link.ConfirmPairing(window, 20000), "confirmed while open");
            link.PairingCompleted(true, true, window);
            Assert.IsTrue(link.Bonded, "an approved bond");
            Assert.AreEqual(GattWrites.Accept, link.WriteAnswer(), "its writes are accepted");
            Assert.IsFalse(window.IsOpen(20001), "the bond closes the window");
            Assert.IsTrue(window.TakeBondAccepted(), "the loop beeps");

            var stranger = new LinkSecurity();
            Assert.IsFalse(stranger.ConfirmPairing(window, 20002), "a second phone in the same minute is refused");
        }

        [TestMethod]
        public void ABondedPhoneReconnectingLaterIsApprovedWithoutTheWindow()
        {
            var window = new PairingWindow();
            var link = new LinkSecurity();
            link.PairingCompleted(true, true, window);
            Assert.AreEqual(GattWrites.Accept, link.WriteAnswer(), "re-encrypted with its stored, approved key");
            Assert.IsFalse(window.TakeBondAccepted(), "no new bond: nothing beeps, the window is untouched");
        }

        [TestMethod]
        public void ANewConnectionStartsUnencryptedAgain()
        {
            var link = new LinkSecurity();
            link.PairingCompleted(true, true, null);
            link.Reset();
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, link.WriteAnswer(), "every connection encrypts anew");
        }

        [TestMethod]
        public void AFailedPairingLeavesTheLinkRefused()
        {
            var window = new PairingWindow();
            window.Open(0);
            var link = new LinkSecurity();
            Assert.IsTrue(link.ConfirmPairing(window, 10), "confirmed");
            link.PairingCompleted(false, false, window);
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, link.WriteAnswer(), "not encrypted");
            Assert.IsTrue(window.IsOpen(11), "a failed pairing does not use up the window");
        }
    }
}
