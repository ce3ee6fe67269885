namespace RetroWalk.Core.Storage
{
    /// <summary>Read access to the hourly step history (7 days) for the BLE History characteristic.</summary>
    public interface IHistorySource
    {
        /// <summary>Records held, oldest first.</summary>
        int Count { get; }

        /// <summary>Record <paramref name="index"/> (0 = oldest): UTC start of the hour and the steps counted in it.</summary>
        void GetRecord(int index, out uint hourStartEpochS, out ushort forwardSteps, out ushort backwardSteps);
    }
}
