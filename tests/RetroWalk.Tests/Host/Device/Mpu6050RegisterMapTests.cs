using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using R = RetroWalk.Core.Sensors.Mpu6050Registers;

namespace RetroWalk.Tests.Host.Device
{
    /// <summary>
    /// The driver's register addresses and bits, pinned to InvenSense "MPU-6000 and MPU-6050 Register Map and
    /// Descriptions", RM-MPU-6000A-00 revision 4.2 (08/19/2013), section 3 (register map); each message names the
    /// register by its decimal number, as the document titles it. The emulator uses the same constants, so only this
    /// test can catch a wrong address.
    /// </summary>
    [TestClass]
    public class Mpu6050RegisterMapTests
    {
        [TestMethod]
        public void AddressesAreTheDatasheetOnes()
        {
            Pin(0x19, R.SmplrtDiv, "register 25 SMPLRT_DIV");
            Pin(0x1A, R.Config, "register 26 CONFIG");
            Pin(0x1B, R.GyroConfig, "register 27 GYRO_CONFIG");
            Pin(0x1C, R.AccelConfig, "register 28 ACCEL_CONFIG");
            Pin(0x23, R.FifoEn, "register 35 FIFO_EN");
            Pin(0x38, R.IntEnable, "register 56 INT_ENABLE");
            Pin(0x3A, R.IntStatus, "register 58 INT_STATUS");
            Pin(0x3B, R.AccelXoutH, "register 59 ACCEL_XOUT_H");
            Pin(0x6A, R.UserCtrl, "register 106 USER_CTRL");
            Pin(0x6B, R.PwrMgmt1, "register 107 PWR_MGMT_1");
            Pin(0x72, R.FifoCountH, "register 114 FIFO_COUNTH");
            Pin(0x74, R.FifoRW, "register 116 FIFO_R_W");
            Pin(0x75, R.WhoAmI, "register 117 WHO_AM_I");
            Pin(0x68, R.WhoAmIValue, "WHO_AM_I reads 0x68 (bits 6:1 = 110100)");
        }

        [TestMethod]
        public void BitsAreTheDatasheetOnes()
        {
            Pin(0x80, R.PwrMgmt1DeviceReset, "PWR_MGMT_1 bit 7 DEVICE_RESET");
            Pin(0x40, R.PwrMgmt1Sleep, "PWR_MGMT_1 bit 6 SLEEP");
            Pin(0x01, R.PwrMgmt1ClockPllGyroX, "CLKSEL 1: PLL with X axis gyroscope reference");
            Pin(0x40, R.UserCtrlFifoEnable, "USER_CTRL bit 6 FIFO_EN");
            Pin(0x04, R.UserCtrlFifoReset, "USER_CTRL bit 2 FIFO_RESET");
            Pin(0x80, R.FifoEnTemp, "FIFO_EN bit 7 TEMP_FIFO_EN");
            Pin(0x40, R.FifoEnGyroX, "FIFO_EN bit 6 XG_FIFO_EN");
            Pin(0x20, R.FifoEnGyroY, "FIFO_EN bit 5 YG_FIFO_EN");
            Pin(0x10, R.FifoEnGyroZ, "FIFO_EN bit 4 ZG_FIFO_EN");
            Pin(0x08, R.FifoEnAccel, "FIFO_EN bit 3 ACCEL_FIFO_EN");
            Pin(0x10, R.IntFifoOverflow, "INT_ENABLE / INT_STATUS bit 4 FIFO_OFLOW");
            Pin(0x01, R.IntDataReady, "INT_ENABLE / INT_STATUS bit 0 DATA_RDY");
            Pin(1024, R.FifoCapacityBytes, "1024-byte FIFO buffer, product specification PS-MPU-6000A-00 rev 3.4");
            Pin(1000, R.GyroOutputRateDlpfHz, "gyroscope output rate 1 kHz with DLPF_CFG 1..6 (register 25)");
        }

        [TestMethod]
        public void RangeEnumsAreTheRegisterFields()
        {
            // AFS_SEL and FS_SEL, bits 4:3 of ACCEL_CONFIG (register 28) and GYRO_CONFIG (register 27).
            Pin(0, (int)AccelRange.Range2G, "AccelRange.Range2G");
            Pin(1, (int)AccelRange.Range4G, "AccelRange.Range4G");
            Pin(2, (int)AccelRange.Range8G, "AccelRange.Range8G");
            Pin(3, (int)AccelRange.Range16G, "AccelRange.Range16G");
            Pin(0, (int)GyroRange.Range250Dps, "GyroRange.Range250Dps");
            Pin(1, (int)GyroRange.Range500Dps, "GyroRange.Range500Dps");
            Pin(2, (int)GyroRange.Range1000Dps, "GyroRange.Range1000Dps");
            Pin(3, (int)GyroRange.Range2000Dps, "GyroRange.Range2000Dps");
        }

        // Through a method: the analyzer flags a comparison of two constants (MSTEST0025), which is the point here.
        private static void Pin(int datasheet, int constant, string what)
        {
            Assert.AreEqual(datasheet, constant, what);
        }
    }
}
