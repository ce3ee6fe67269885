namespace RetroWalk.Core.Health
{
    /// <summary>Where <see cref="HealthMonitor"/> publishes: the Health characteristic and the advertisement's problem flag.</summary>
    public interface IHealthPublisher
    {
        /// <summary>Encode and notify <paramref name="health"/> (called from the device loop; must not block on the radio).</summary>
        void PublishHealth(DeviceHealth health);
    }
}
