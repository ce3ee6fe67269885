namespace RetroWalk.Core.Sensors
{
    /// <summary>MPU-6050 register addresses and bits used by the driver (MPU-6000/6050 Register Map rev 4.2).</summary>
    public static class Mpu6050Registers
    {
        public const byte SmplrtDiv = 0x19;
        public const byte Config = 0x1A;
        public const byte GyroConfig = 0x1B;
        public const byte AccelConfig = 0x1C;
        public const byte FifoEn = 0x23;
        public const byte IntEnable = 0x38;
        public const byte IntStatus = 0x3A;
        public const byte AccelXoutH = 0x3B;
        public const byte UserCtrl = 0x6A;
        public const byte PwrMgmt1 = 0x6B;
        public const byte FifoCountH = 0x72;
        public const byte FifoRW = 0x74;
        public const byte WhoAmI = 0x75;

        /// <summary>WHO_AM_I of a genuine MPU-6050 (AD0 does not change it).</summary>
        public const byte WhoAmIValue = 0x68;

        public const byte PwrMgmt1DeviceReset = 0x80;
        public const byte PwrMgmt1Sleep = 0x40;

        /// <summary>CLKSEL = 1: PLL with the X gyro as reference (datasheet: more stable than the internal oscillator).</summary>
        public const byte PwrMgmt1ClockPllGyroX = 0x01;

        public const byte UserCtrlFifoEnable = 0x40;

        /// <summary>Resets the FIFO; only acts while USER_CTRL.FIFO_EN is 0, and clears itself.</summary>
        public const byte UserCtrlFifoReset = 0x04;

        public const byte FifoEnTemp = 0x80;
        public const byte FifoEnGyroX = 0x40;
        public const byte FifoEnGyroY = 0x20;
        public const byte FifoEnGyroZ = 0x10;
        public const byte FifoEnAccel = 0x08;

        /// <summary>Accelerometer and the three gyro axes: 12-byte frames ax ay az gx gy gz, big-endian.</summary>
        public const byte FifoEnAccelGyro = FifoEnAccel | FifoEnGyroX | FifoEnGyroY | FifoEnGyroZ;

        public const byte IntFifoOverflow = 0x10;
        public const byte IntDataReady = 0x01;

        public const int FifoCapacityBytes = 1024;
        public const int FrameBytes = 12;

        /// <summary>Whole frames that fit in the FIFO: 85 (1020 bytes); the 86th frame overflows it.</summary>
        public const int FifoCapacityFrames = FifoCapacityBytes / FrameBytes;

        /// <summary>Gyro output rate with the digital low-pass filter on (DLPF_CFG 1..6); 8 kHz with it off.</summary>
        public const int GyroOutputRateDlpfHz = 1000;
    }
}
