namespace RetroWalk.Core.Config
{
    /// <summary>
    /// Which device axis points in the wearer's forward direction of travel (see hardware/mounting.md).
    /// <see cref="Unknown"/> makes the tracker estimate the horizontal walking axis from the data; its sign is then
    /// fixed by taking the first regular walk as forward (every retro-walking routine starts with a forward warm-up).
    /// </summary>
    public enum MountAxis : byte
    {
        PlusX = 0,
        MinusX = 1,
        PlusY = 2,
        MinusY = 3,
        PlusZ = 4,
        MinusZ = 5,
        Unknown = 6,
    }
}
