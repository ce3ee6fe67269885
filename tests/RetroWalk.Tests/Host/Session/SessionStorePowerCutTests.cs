using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Core.Session;
using RetroWalk.Core.Storage;
using RetroWalk.Host.Emulation;
using RetroWalk.Tests.Session;

namespace RetroWalk.Tests.Host.Session
{
    /// <summary>A power cut after every possible byte of a session save, both ways flash can tear.</summary>
    [TestClass]
    public class SessionStorePowerCutTests
    {
        [TestMethod]
        [DataRow(TornWrite.Truncated)]
        [DataRow(TornWrite.InPlace)]
        public void APowerCutDuringASaveLosesAtMostTheNewestSession(TornWrite mode)
        {
            var older = SessionStoreTests.WithSessions(3);
            var newer = SessionStoreTests.WithSessions(4);
            for (int cut = 0; cut < SessionStoreCodec.Size; cut += 37)
            {
                var flash = new MemoryCounterStore();
                var store = new SessionStore(flash);
                Assert.IsTrue(store.Save(older));
                Assert.IsTrue(store.Save(older));
                flash.CutPowerDuringWrite(0, cut, mode);
                Assert.ThrowsExactly<PowerCutException>(() => store.Save(newer));

                var rebooted = new SessionRecorder(new UserSettings(), 100, SessionStoreCodec.Capacity);
                var outcome = new SessionStore(flash).Restore(rebooted);
                Assert.IsTrue(outcome == RestoreOutcome.RestoredOlder || outcome == RestoreOutcome.Restored, $"cut at {cut}: {outcome}");
                Assert.AreEqual(3, rebooted.History.Count, $"cut at {cut}: the previous save is back");
                Assert.AreEqual(older.NextNumber, rebooted.NextNumber);
            }
        }
    }
}
