namespace RetroWalk.Core.Device
{
    /// <summary>
    /// The sensor's sample FIFO as the device loop sees it: batches of raw samples, six shorts each
    /// (ax, ay, az, gx, gy, gz in sensor counts), in the order the sensor took them. A source that lost samples (FIFO
    /// overflow, resync after a bus error) never hands out partial or misaligned ones: the next batch simply
    /// starts later.
    /// </summary>
    public interface ISampleFifo
    {
        /// <summary>Moves up to <paramref name="maxSamples"/> samples into <paramref name="dest"/> (6 shorts each); returns how many (0 when none or on an error).</summary>
        int ReadSamples(short[] dest, int maxSamples);
    }
}
