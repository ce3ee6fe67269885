namespace RetroWalk.Core.Storage
{
    /// <summary>What the boot-time restore found.</summary>
    public enum RestoreOutcome : byte
    {
        /// <summary>The newest slot was valid and restored.</summary>
        Restored = 0,

        /// <summary>A slot was damaged (see the message); the other, older one was restored.</summary>
        RestoredOlder = 1,

        /// <summary>Nothing stored yet (first boot): starting from zero.</summary>
        Fresh = 2,

        /// <summary>Every slot was damaged: starting from zero; the message says why.</summary>
        Unreadable = 3,
    }
}
