#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;

namespace RetroWalk.Tests.Ble
{
    /// <summary>The pairing window (docs/ble.md, Pairing): opened by the button, 60 s of monotonic time, closed by a bond.</summary>
    [TestClass]
    public class PairingWindowTests
    {
        [TestMethod]
        public void AWindowIsClosedUntilOpenedThenOpenForSixtySeconds()
        {
            var window = new PairingWindow();
            Assert.IsFalse(window.IsOpen(0), "closed at boot");
            Assert.IsFalse(window.IsOpen(500000), "closed at boot, however late");
            window.Open(10000);
            Assert.IsTrue(window.IsOpen(10000), "open at once");
            Assert.IsTrue(window.IsOpen(10000 + PairingWindow.OpenMs - 1), "open to its last millisecond");
            Assert.AreEqual(1L, window.RemainingMs(10000 + PairingWindow.OpenMs - 1), "1 ms left");
            Assert.IsFalse(window.IsOpen(10000 + PairingWindow.OpenMs), "closed at 60 s");
            Assert.AreEqual(0L, window.RemainingMs(10000 + PairingWindow.OpenMs), "nothing left");
            Assert.IsFalse(window.IsOpen(10000 + 1), "once expired it stays closed, even if asked with an earlier time");
        }

        [TestMethod]
        public void OpeningAgainRestartsTheSixtySeconds()
        {
            var window = new PairingWindow();
            window.Open(0);
            window.Open(50000);
            Assert.IsTrue(window.IsOpen(50000 + PairingWindow.OpenMs - 1), "60 s from the second hold");
            Assert.IsFalse(window.IsOpen(50000 + PairingWindow.OpenMs), "and no longer");
        }

        [TestMethod]
        public void AMonotonicTimeThatRunsBackwardsClosesTheWindowInsteadOfExtendingIt()
        {
            var window = new PairingWindow();
            window.Open(100000);
            Assert.IsFalse(window.IsOpen(99999), "a time before the opening closes it");
            Assert.IsFalse(window.IsOpen(100000 + 10), "and it stays closed");
        }

        [TestMethod]
        public void ABondClosesTheWindowAndIsReportedOnce()
        {
            var window = new PairingWindow();
            window.Open(0);
            Assert.IsFalse(window.TakeBondAccepted(), "nothing to report before a bond");
            window.BondAccepted();
            Assert.IsFalse(window.IsOpen(1), "one bond per hold");
            Assert.IsTrue(window.TakeBondAccepted(), "the loop hears of the bond");
            Assert.IsFalse(window.TakeBondAccepted(), "once");
        }

        [TestMethod]
        public void CloseEndsTheWindowAtOnce()
        {
            var window = new PairingWindow();
            window.Open(0);
            window.Close();
            Assert.IsFalse(window.IsOpen(1), "closed by the reset that followed the hold");
            Assert.IsFalse(window.TakeBondAccepted(), "closing is not a bond");
        }
    }
}
