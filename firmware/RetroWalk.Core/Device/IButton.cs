namespace RetroWalk.Core.Device
{
    /// <summary>The acknowledge button, polled once per loop iteration; press lengths are decided by <see cref="ButtonLogic"/>.</summary>
    public interface IButton
    {
        /// <summary>True while pressed, or if a press happened since the last poll (a press shorter than the poll period is not lost).</summary>
        bool IsPressed { get; }
    }
}
