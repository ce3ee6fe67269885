using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Board;
using RetroWalk.Core.Power;

namespace RetroWalk.Tests.Host.Hardware
{
    /// <summary>The battery divider must sit on an ADC1 pin, and the channel number must be that pin's.</summary>
    [TestClass]
    public class BatteryPinTests
    {
        /// <summary>nanoFramework's ESP32 ADC1 channels 0-7 (nf-interpreter, System.Device.Adc AdcController.cpp).</summary>
        private static readonly int[] Adc1ChannelGpio = { 36, 37, 38, 39, 32, 33, 34, 35 };

        [TestMethod]
        public void BatteryChannelIsTheAdc1ChannelOfTheBatteryPin()
        {
            int channel = System.Array.IndexOf(Adc1ChannelGpio, BoardPins.BatteryAdc);
            Assert.IsTrue(channel >= 0, $"GPIO{BoardPins.BatteryAdc} is not an ADC1 pin; ADC2 stops while the radio runs Wi-Fi and is not channel 0-7");
            Assert.AreEqual(BoardPins.BatteryAdcChannel, channel);
        }

        [TestMethod]
        public void AFullCellStaysInsideTheAdcRangeAndAnEmptyOneReadsZeroPercent()
        {
            var gauge = BatteryDivider.NewGauge();
            int fullPinMv = 4200 * BatteryDivider.CellPerPinDenominator / BatteryDivider.CellPerPinNumerator;
            Assert.IsTrue(fullPinMv <= 2450, "11 dB attenuation is accurate up to about 2.45 V at the pin");
            int rawFull = fullPinMv * BatteryDivider.MaxRaw / BatteryDivider.FullScaleMv;
            Assert.IsTrue(gauge.Update(rawFull * 4, 4));
            Assert.AreEqual(100, gauge.Percent);
            int rawEmpty = 1700 * BatteryDivider.MaxRaw / BatteryDivider.FullScaleMv;
            Assert.IsTrue(gauge.Update(rawEmpty, 1));
            Assert.AreEqual(0, gauge.Percent);
        }
    }
}
