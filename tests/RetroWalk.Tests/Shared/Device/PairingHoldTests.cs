#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Device;

namespace RetroWalk.Tests.Device
{
    /// <summary>The pairing hold beside the short, double and long presses (docs/ble.md, Pairing), polled as the loop does.</summary>
    [TestClass]
    public class PairingHoldTests
    {
        private const int PollMs = 100;

        private static ButtonLogic Booted()
        {
            var b = new ButtonLogic();
            b.Update(false, 0);
            return b;
        }

        /// <summary>Holds from <paramref name="atMs"/> for <paramref name="holdMs"/>; counts each action, the release's included.</summary>
        private static int[] Hold(ButtonLogic b, long atMs, int holdMs)
        {
            int[] seen = new int[5];
            for (long t = atMs; t < atMs + holdMs; t += PollMs)
            {
                seen[(int)b.Update(true, t)]++;
            }

            seen[(int)b.Update(false, atMs + holdMs)]++;
            return seen;
        }

        [TestMethod]
        public void HoldingTwoSecondsFiresThePairingHoldOnceWhileHeld()
        {
            var b = Booted();
            b.Update(true, 1000);
            for (long t = 1000 + PollMs; t < 1000 + ButtonLogic.PairingHoldMs; t += PollMs)
            {
                Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, t), "nothing before 2 s (" + t.ToString() + ")");
            }

            Assert.AreEqual((int)ButtonAction.PairingHold, (int)b.Update(true, 1000 + ButtonLogic.PairingHoldMs), "at 2 s, still held");
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, 1000 + ButtonLogic.PairingHoldMs + PollMs), "once");
            Assert.AreEqual((int)ButtonAction.None, (int)b.Update(false, 1000 + ButtonLogic.PairingHoldMs + 500), "letting go is not a short press");
        }

        [TestMethod]
        public void HoldingOnToThreeSecondsStillResetsAfterThePairingHold()
        {
            int[] seen = Hold(Booted(), 1000, ButtonLogic.LongPressMs + 2000);
            Assert.AreEqual(1, seen[(int)ButtonAction.PairingHold], "the pairing hold, once");
            Assert.AreEqual(1, seen[(int)ButtonAction.LongPress], "then the long press, once");
            Assert.AreEqual(0, seen[(int)ButtonAction.ShortPress], "no short press");
        }

        [TestMethod]
        public void APollGapPastBothHoldsStillReportsThePairingHoldFirst()
        {
            var b = Booted();
            b.Update(true, 1000);
            Assert.AreEqual((int)ButtonAction.PairingHold, (int)b.Update(true, 1000 + ButtonLogic.LongPressMs + 500), "first the pairing hold");
            Assert.AreEqual((int)ButtonAction.LongPress, (int)b.Update(true, 1000 + ButtonLogic.LongPressMs + 600), "then the long press");
        }

        [TestMethod]
        public void ShortAndDoublePressesAreUnchanged()
        {
            var b = Booted();
            int[] first = Hold(b, 1000, 200);
            Assert.AreEqual(1, first[(int)ButtonAction.ShortPress], "a short press");
            int[] second = Hold(b, 1200 + 200, 200);
            Assert.AreEqual(1, second[(int)ButtonAction.DoublePress], "a double press");
            int[] almost = Hold(b, 5000, ButtonLogic.PairingHoldMs - PollMs);
            Assert.AreEqual(1, almost[(int)ButtonAction.ShortPress], "1.9 s is still a short press");
            Assert.AreEqual(0, almost[(int)ButtonAction.PairingHold], "and no pairing hold");
        }

        [TestMethod]
        public void AButtonHeldAtBootNeverOpensTheWindow()
        {
            var b = new ButtonLogic();
            for (int t = 0; t <= 10000; t += PollMs)
            {
                Assert.AreEqual((int)ButtonAction.None, (int)b.Update(true, t), "stuck at boot: " + t.ToString());
            }
        }
    }
}
