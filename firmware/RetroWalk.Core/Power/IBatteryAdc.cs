namespace RetroWalk.Core.Power
{
    /// <summary>The battery divider's ADC channel, as the device loop sees it (an ESP32 ADC1 channel on the device).</summary>
    public interface IBatteryAdc
    {
        /// <summary>
        /// Sum of <paramref name="count"/> consecutive raw readings, or -1 when the channel could not be read (the
        /// caller keeps its last level and tries again at the next interval).
        /// </summary>
        int ReadRawSum(int count);
    }
}
