namespace RetroWalk.Core.Health
{
    /// <summary>What the motion sensor's driver knows about its own faults (the MPU-6050 driver implements it).</summary>
    public interface ISensorDiagnostics
    {
        /// <summary>Streaming, failed to initialise (and why), or initialised but silent.</summary>
        SensorHealth SensorState { get; }

        /// <summary>Failed I2C transfers since boot.</summary>
        int BusErrorCount { get; }

        /// <summary>FIFO resets since boot.</summary>
        int ResyncCount { get; }

        /// <summary>FIFO overflows since boot.</summary>
        int OverflowCount { get; }

        /// <summary>Times the sensor was initialised again after it was found asleep, silent or absent.</summary>
        int ReinitCount { get; }
    }
}
