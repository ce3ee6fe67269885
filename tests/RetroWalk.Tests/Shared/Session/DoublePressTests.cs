#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Device;

namespace RetroWalk.Tests.Session
{
    /// <summary>The button's double press (starts or ends a session, docs/coach.md) beside its short and long presses.</summary>
    [TestClass]
    public class DoublePressTests
    {
        /// <summary>Presses for <paramref name="holdMs"/> from <paramref name="atMs"/>, polled every 20 ms; the action on release.</summary>
        private static ButtonAction Press(ButtonLogic b, long atMs, int holdMs)
        {
            ButtonAction seen = ButtonAction.None;
            for (long t = atMs; t < atMs + holdMs; t += 20)
            {
                ButtonAction a = b.Update(true, t);
                if (a != ButtonAction.None)
                {
                    seen = a;
                }
            }

            ButtonAction released = b.Update(false, atMs + holdMs);
            return released != ButtonAction.None ? released : seen;
        }

        private static ButtonLogic Booted()
        {
            var b = new ButtonLogic();
            b.Update(false, 0);
            return b;
        }

        [TestMethod]
        public void TwoQuickPressesAreAShortThenADoublePress()
        {
            var b = Booted();
            Assert.AreEqual((byte)ButtonAction.ShortPress, (byte)Press(b, 1000, 120), "the first acts at once (acknowledges an alarm)");
            Assert.AreEqual((byte)ButtonAction.DoublePress, (byte)Press(b, 1120 + 200, 120));
            Assert.AreEqual((byte)ButtonAction.ShortPress, (byte)Press(b, 1440 + 200, 120), "a third press starts a new pair");
        }

        [TestMethod]
        public void SlowPressesAndLongPressesAreNotDoublePresses()
        {
            var b = Booted();
            Assert.AreEqual((byte)ButtonAction.ShortPress, (byte)Press(b, 1000, 120));
            Assert.AreEqual((byte)ButtonAction.ShortPress, (byte)Press(b, 1120 + ButtonLogic.DoublePressGapMs + 100, 120));
            var c = Booted();
            Assert.AreEqual((byte)ButtonAction.ShortPress, (byte)Press(c, 1000, 120));
            Assert.AreEqual((byte)ButtonAction.LongPress, (byte)Press(c, 1200, ButtonLogic.LongPressMs + 100));
            Assert.AreEqual((byte)ButtonAction.ShortPress, (byte)Press(c, 1200 + ButtonLogic.LongPressMs + 200, 120), "a long press ends any pair");
        }
    }
}
