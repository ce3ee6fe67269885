using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using RetroWalk.Core.Board;
using RetroWalk.Core.Config;
using RetroWalk.Core.Device;
using RetroWalk.Core.Ble;
using RetroWalk.Core.Health;
using RetroWalk.Core.Session;
using RetroWalk.Core.Recording;
using RetroWalk.Core.Sensors;
using RetroWalk.Core.Storage;
using RetroWalk.Firmware.Hardware;

namespace RetroWalk.Firmware
{
    /// <summary>
    /// Wires the board to the core and runs the device loop on its own thread. Everything that decides anything is in
    /// RetroWalk.Core (DeviceLoop, Mpu6050Fifo, StateStore); the same wiring runs on the host in
    /// tools/RetroWalk.Host/Emulation/EmulatedDevice.cs. Messages go to the debug output (visible with a debugger or
    /// the serial monitor attached); a board that cannot start also blinks its error code on the alarm LED.
    /// </summary>
    public static class Program
    {
        /// <summary>Loop period: 10 samples per batch at 100 Hz, well inside the FIFO's 850 ms.</summary>

        private const string FirmwareRevision = "0.1.0";
        private const string HardwareRevision = "ESP32 DevKit + GY-521";

        /// <summary>LED blink codes for a board that cannot start.</summary>
        private const int BlinksStartupFailed = 3;

        private static DeviceLoop _loop;
        private static IClock _clock;
        private static Mpu6050Fifo _sensor;
        private static TrackerConfig _config;

        /// <summary>Recording mode: BLE starts and stops it, the loop reads the sensor through the tap.</summary>
        private static readonly RecordingControl RecordingMode = new RecordingControl();
        private static RawSampleTap _rawTap;

        /// <summary>Health (docs/ble.md): the loop updates it after each pass, BLE notifies it.</summary>
        private static HealthMonitor _health;

        /// <summary>Walking sessions since boot (not kept across reboots yet), booked after each loop pass.</summary>
        private static SessionSource _sessions;

        public static void Main()
        {
            Log("RetroWalk firmware starting");
            GpioController gpio = new GpioController();
            GpioAlarmOutput alarm = new GpioAlarmOutput(gpio, BoardPins.Buzzer, BoardPins.AlarmLed);
            try
            {
                Start(gpio, alarm);
            }
            catch (Exception e)
            {
                Log("STARTUP FAILED: " + e.GetType().FullName + ": " + e.Message);
                BlinkForever(alarm, BlinksStartupFailed);
            }

            StartBle();

            Thread loopThread = new Thread(RunLoop);
            loopThread.Priority = ThreadPriority.AboveNormal;
            loopThread.Start();
            Thread.Sleep(Timeout.Infinite);
        }

        private static void Start(GpioController gpio, GpioAlarmOutput alarm)
        {
            // Pins before the device: the firmware's default I2C1 pins are 18/19, the board uses 21/22.
            Configuration.SetPinFunction(BoardPins.I2cSda, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(BoardPins.I2cScl, DeviceFunction.I2C1_CLOCK);
            I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(BoardPins.I2cBusId, BoardPins.Mpu6050Address, I2cBusSpeed.FastMode));

            TrackerConfig config = new TrackerConfig();
            _config = config;
            _clock = new DeviceClock();
            _sensor = new Mpu6050Fifo(new I2cBusAdapter(i2c));

            // Restores counts, settings and history from flash and builds the tracker.
            _rawTap = new RawSampleTap(_sensor, RecordingMode, null);
            _loop = new DeviceLoop(config, _rawTap, _clock, new FlashCounterStore(), alarm, new GpioButton(gpio, BoardPins.AckButton));
            Log("State: " + StateStore.Describe(_loop.RestoreOutcome) + ". " + _loop.RestoreMessage);
            Log("Counts: forward " + _loop.Tracker.ForwardSteps.ToString() + ", backward " + _loop.Tracker.BackwardSteps.ToString());

            _health = new HealthMonitor(_sensor, _loop.Store, _loop.RestoreOutcome);
            _loop.AttachHealth(_health);
            // Walking sessions, the coach and the kept sessions run in the loop; the last sessions live in a file pair
            // of their own beside the counter state.
            RestoreOutcome sessions = _loop.AttachSessions(new FlashCounterStore(FlashCounterStore.SessionsName));
            Log("Sessions: " + StateStore.Describe(sessions) + ". " + _loop.SessionStore.Message);
            _sessions = _loop.Sessions;

            Mpu6050Status sensor = _sensor.Initialize(config.Sensor);
            if (sensor == Mpu6050Status.Ok)
            {
                Log("MPU-6050 ready: " + config.Sensor.SampleRateHz.ToString() + " Hz, FIFO on");
            }
            else
            {
                // Not fatal: BLE and the stored counts stay available, and the driver retries the init every ~2 s.
                Log("MPU-6050 NOT READY: " + Mpu6050StatusText.Describe(sensor) + " (WHO_AM_I 0x" + _sensor.LastWhoAmI.ToString("X2") + "); check wiring SDA="
                    + BoardPins.I2cSda.ToString() + " SCL=" + BoardPins.I2cScl.ToString() + ", 3.3 V, AD0 low");
            }

        }

        /// <summary>
        /// The GATT server and advertisement (Ble/BleTracker.cs). The loop is its ICommandSink (Control Point),
        /// IHistorySource (History) and IConfigSink (Config and Current Time writes). Start order: construct, attach
        /// (the loop then publishes everything on its next iteration), start advertising. A failure here leaves the
        /// tracker counting, alarming and saving without BLE.
        /// </summary>
        private static void StartBle()
        {
            try
            {
                Ble.BleTracker ble = new Ble.BleTracker(_loop, _loop.History, _loop, FirmwareRevision, HardwareRevision,
                    OpenBatteryAdc());
                _loop.AttachPublisher(ble);
                ble.AttachRecording(RecordingMode, _config.Sensor);
                ble.AttachSessions(_sessions);
                _health.AttachPublisher(ble);
                _rawTap.Sink = ble;
                ble.AttachPairing(_loop.PairingWindow, _clock);
                ble.Start();
                Log("BLE advertising");
            }
            catch (Exception e)
            {
                Log("BLE NOT AVAILABLE (is the firmware an ESP32_BLE_* image?): " + e.GetType().FullName + ": " + e.Message);
            }
        }

        /// <summary>The battery divider's ADC channel; null if the ADC cannot be opened (the tracker runs without it).</summary>
        private static RetroWalk.Core.Power.IBatteryAdc OpenBatteryAdc()
        {
            try
            {
                return new AdcBatteryReader(BoardPins.BatteryAdcChannel);
            }
            catch (Exception e)
            {
                Log("battery: no ADC (" + e.Message + "), no Battery service");
                return null;
            }
        }

        private static void RunLoop()
        {
            int failures = 0;
            while (true)
            {
                long start = _clock.MonotonicMs;
                try
                {
                    _loop.RunOnce();
                }
                catch (Exception e)
                {
                    // Keep counting whatever happens; report the first failures and then every hundredth.
                    failures++;
                    if (failures <= 10 || failures % 100 == 0)
                    {
                        Log("Loop error #" + failures.ToString() + ": " + e.GetType().FullName + ": " + e.Message);
                    }
                }

                long rest = DeviceLoop.LoopPeriodMs - (_clock.MonotonicMs - start);
                Thread.Sleep(rest < 5 ? 5 : (int)rest);
            }
        }

        private static void BlinkForever(IAlarmOutput alarm, int blinks)
        {
            while (true)
            {
                for (int i = 0; i < blinks; i++)
                {
                    alarm.Set(false, true);
                    Thread.Sleep(200);
                    alarm.Set(false, false);
                    Thread.Sleep(200);
                }

                Thread.Sleep(1500);
            }
        }

        private static void Log(string message)
        {
            Console.WriteLine(message);
        }
    }
}
