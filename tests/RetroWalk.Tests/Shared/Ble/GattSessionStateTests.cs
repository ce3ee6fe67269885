#if NANOFRAMEWORK_V1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RetroWalk.Core.Ble;
using RetroWalk.Core.Status;
using RetroWalk.Core.Device;
using RetroWalk.Core.Motion;
using RetroWalk.Core.Power;

namespace RetroWalk.Tests.Ble
{
    /// <summary>A battery ADC that reads a set raw sum (or -1: unreadable).</summary>
    public sealed class FixedBatteryAdc : IBatteryAdc
    {
        public int RawSum;
        public int Reads;

        public int ReadRawSum(int count)
        {
            Reads++;
            return RawSum;
        }

        /// <summary>The raw sum the divider gives for a cell at <paramref name="cellMv"/>.</summary>
        public static int SumFor(int cellMv)
        {
            int pinMv = cellMv * BatteryDivider.CellPerPinDenominator / BatteryDivider.CellPerPinNumerator;
            return pinMv * BatteryDivider.MaxRaw / BatteryDivider.FullScaleMv * BatteryDivider.ReadingsPerMeasurement;
        }
    }

    /// <summary>The GATT server's rules, as the device adapter and the host's emulated phone both use them.</summary>
    [TestClass]
    public class GattSessionStateTests
    {
        private static GattSessionState NewSession(FakeDeviceSinks sinks, int historyRecords)
        {
            return BondedLink.Approve(new GattSessionState(sinks, sinks, new ArrayHistory(historyRecords), null));
        }

        /// <summary>Copies <paramref name="hex"/> into the write buffer as the adapter does and writes it.</summary>
        private static byte Write(GattSessionState session, int id, string hex)
        {
            byte[] bytes = BleBytes.Hex(hex);
            for (int i = 0; i < bytes.Length && i < session.WriteBuffer.Length; i++)
            {
                session.WriteBuffer[i] = bytes[i];
            }

            return session.Write(id, 0, bytes.Length);
        }

        private static string ValueHex(GattSessionState session, int id)
        {
            return BleBytes.ToHex(session.Value(id), 0, session.ValueLength(id));
        }

        [TestMethod]
        public void ControlPointWriteBeforeSubscribingIsRefusedAndDoesNothing()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            Assert.AreEqual(CodecStatus.AttCccdImproperlyConfigured, Write(session, GattTable.ControlPoint, "01"));
            Assert.AreEqual(0, sinks.Submits);
            Assert.AreEqual(0, session.TakeNotifications());
        }

        [TestMethod]
        public void ControlPointAnswersWithANotificationAfterSubscribing()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            Assert.AreEqual(GattWrites.Accept, Write(session, GattTable.ControlPoint, "02"));
            Assert.AreEqual(ControlOp.AcknowledgeAlarm, sinks.LastOp);
            Assert.AreEqual(GattSessionState.Bit(GattTable.ControlPoint), session.TakeNotifications());
            Assert.AreEqual("800201", ValueHex(session, GattTable.ControlPoint));
            Assert.AreEqual(0, session.TakeNotifications(), "taken once");

            sinks.SubmitResult = ControlStatus.Failed;
            Write(session, GattTable.ControlPoint, "01");
            Assert.AreEqual("800104", ValueHex(session, GattTable.ControlPoint), "a full command queue answers failed");
        }

        [TestMethod]
        public void AnyWrongLengthIsABadParameterEvenBeyondTheBuffer()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            Write(session, GattTable.ControlPoint, "01 00");
            Assert.AreEqual("800103", ValueHex(session, GattTable.ControlPoint));
            Write(session, GattTable.ControlPoint, "10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
            Assert.AreEqual("801003", ValueHex(session, GattTable.ControlPoint), "25 bytes: op echoed, bad parameter");
            Write(session, GattTable.ControlPoint, "7F");
            Assert.AreEqual("807F02", ValueHex(session, GattTable.ControlPoint));
            Assert.AreEqual(0, sinks.Submits);
        }

        [TestMethod]
        public void WritesAtAnOffsetAndOverlongWritesGetAttErrors()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            Assert.AreEqual(CodecStatus.AttInvalidOffset, session.Write(GattTable.ControlPoint, 2, 1));
            Assert.AreEqual(CodecStatus.AttInvalidOffset, session.Write(GattTable.Config, 1, 7));
            Assert.AreEqual(CodecStatus.AttInvalidLength, session.Write(GattTable.Config, 0, 30));
            Assert.AreEqual(CodecStatus.AttInvalidLength, session.Write(GattTable.CurrentTime, 0, 11));
            Assert.AreEqual(CodecStatus.AttWriteNotPermitted, session.Write(GattTable.ForwardSteps, 0, 4));
            Assert.AreEqual(CodecStatus.AttWriteNotPermitted, session.Write(GattTable.None, 0, 1));
            Assert.AreEqual(CodecStatus.AttReadNotPermitted, session.Read(GattTable.History, 0, 0));
            Assert.AreEqual(0, sinks.Applies);
            Assert.AreEqual(0, session.TakeNotifications());
        }

        [TestMethod]
        public void HistoryNeedsItsSubscriptionAndStreamsAtTheDefaultMtu()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 3);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual("801004", ValueHex(session, GattTable.ControlPoint));
            Assert.IsFalse(session.HistoryActive);

            session.SubscribersChanged(GattTable.History, 1);
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual("801001", ValueHex(session, GattTable.ControlPoint));
            Assert.IsTrue(session.HistoryActive);
            Assert.AreEqual(0, sinks.Submits, "Request History is the session's, not the loop's");
            Assert.AreEqual(16, session.NextHistoryPacket(), "2 records at ATT_MTU 23");
            Assert.AreEqual(16, session.NextHistoryPacket(), "the third record and the terminator");
            Assert.AreEqual("FFFFFFFF03000000", BleBytes.ToHex(session.Value(GattTable.History), 8, 8));
            Assert.IsFalse(session.HistoryActive);
            Assert.AreEqual(0, session.NextHistoryPacket());
        }

        [TestMethod]
        public void ALargerMtuPacksMoreRecordsAndADisconnectResetsIt()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 10);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            session.SubscribersChanged(GattTable.History, 1);
            session.MtuChanged(247);
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual(88, session.NextHistoryPacket(), "10 records and the terminator in one notification");

            session.ConnectionChanged(false);
            Assert.AreEqual(GattSessionState.DefaultAttMtu, session.AttMtu);
            Assert.IsFalse(session.IsSubscribed(GattTable.ControlPoint));
            Assert.AreEqual(CodecStatus.AttInsufficientAuthentication, Write(session, GattTable.ControlPoint, "01"), "the next link is not encrypted yet");
            BondedLink.Approve(session);
            Assert.AreEqual(CodecStatus.AttCccdImproperlyConfigured, Write(session, GattTable.ControlPoint, "01"));
        }

        [TestMethod]
        public void ASecondHistoryRequestDuringATransferFailsAndTheFirstGoesOn()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 5);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            session.SubscribersChanged(GattTable.History, 1);
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual(16, session.NextHistoryPacket());
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual("801004", ValueHex(session, GattTable.ControlPoint));
            Assert.AreEqual(16, session.NextHistoryPacket());
            Assert.AreEqual(16, session.NextHistoryPacket());
            Assert.AreEqual("FFFFFFFF05000000", BleBytes.ToHex(session.Value(GattTable.History), 8, 8), "all 5 records counted once");
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual("801001", ValueHex(session, GattTable.ControlPoint), "after the terminator a new request starts");
        }

        [TestMethod]
        public void UnsubscribingFromHistoryEndsTheTransfer()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 9);
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            session.SubscribersChanged(GattTable.History, 1);
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual(16, session.NextHistoryPacket());
            session.SubscribersChanged(GattTable.History, 0);
            Assert.IsFalse(session.HistoryActive);
            Assert.AreEqual(0, session.NextHistoryPacket());
        }

        [TestMethod]
        public void WithoutAHistorySourceRequestHistoryIsNotSupported()
        {
            var sinks = new FakeDeviceSinks();
            var session = BondedLink.Approve(new GattSessionState(sinks, sinks, null, null));
            session.SubscribersChanged(GattTable.ControlPoint, 1);
            session.SubscribersChanged(GattTable.History, 1);
            Write(session, GattTable.ControlPoint, "10 00 00 00 00");
            Assert.AreEqual("801002", ValueHex(session, GattTable.ControlPoint));
        }

        [TestMethod]
        public void PublishNotifiesOnlyChangedValuesThatHaveSubscribers()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            TrackerStatus status = BleBytes.SampleStatus();
            session.Publish(status, StatusFields.All);
            Assert.AreEqual(0, session.TakeNotifications(), "nobody subscribed");
            Assert.AreEqual("D2040000", ValueHex(session, GattTable.ForwardSteps), "but reads see the new value");

            session.SubscribersChanged(GattTable.ForwardSteps, 1);
            session.SubscribersChanged(GattTable.TiltAlarm, 1);
            status.ForwardSteps = 1235;
            session.Publish(status, StatusFields.ForwardSteps | StatusFields.BackwardSteps);
            Assert.AreEqual(GattSessionState.Bit(GattTable.ForwardSteps), session.TakeNotifications());
            Assert.AreEqual("D3040000", ValueHex(session, GattTable.ForwardSteps));
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.BackwardSteps, 0, 0));
            Assert.AreEqual(4, session.ValueLength(GattTable.BackwardSteps));
        }

        [TestMethod]
        public void RscMeasurementFollowsTheSnapshotWithTheSessionsStepLengths()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            session.SubscribersChanged(GattTable.RscMeasurement, 1);
            sinks.Stored.ForwardStepCm = 70;
            sinks.Stored.BackwardStepCm = 46;
            TrackerStatus status = BleBytes.SampleStatus();
            status.CadenceSpm = 110;
            status.Direction = WalkDirection.Forward;
            status.Running = false;
            session.Publish(status, StatusFields.TiltAlarm);
            Assert.AreEqual(0, session.TakeNotifications() & GattSessionState.Bit(GattTable.RscMeasurement));
            session.Publish(status, StatusFields.Snapshot);
            Assert.AreEqual(GattSessionState.Bit(GattTable.RscMeasurement), session.TakeNotifications());
            Assert.AreEqual("0149016E4600", ValueHex(session, GattTable.RscMeasurement), "110 /min × 0.70 m = 1.28 m/s = 329/256");

            status.Direction = WalkDirection.Backward;
            session.Publish(status, StatusFields.Snapshot);
            var seen = new RscMeasurement();
            Assert.AreEqual(CodecStatus.Ok, RscMeasurementCodec.Decode(session.Value(GattTable.RscMeasurement), 0,
                session.ValueLength(GattTable.RscMeasurement), seen));
            Assert.AreEqual((ushort)46, seen.StrideLengthCm);
            Assert.AreEqual(RscMetrics.SpeedQ8MPerS(110, 46), seen.SpeedQ8MPerS);
        }

        [TestMethod]
        public void StaticRscValuesAreRead()
        {
            GattSessionState session = NewSession(new FakeDeviceSinks(), 0);
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.RscFeature, 0, 0));
            Assert.AreEqual("0500", ValueHex(session, GattTable.RscFeature));
            Assert.AreEqual(GattWrites.Accept, session.Read(GattTable.SensorLocation, 0, 0));
            Assert.AreEqual("03", ValueHex(session, GattTable.SensorLocation));
        }

        [TestMethod]
        public void CurrentTimeWriteNotifiesTheTimeWrittenAsAManualUpdate()
        {
            var sinks = new FakeDeviceSinks();
            sinks.Stored.UtcOffsetQuarterHours = 0;
            GattSessionState session = NewSession(sinks, 0);
            session.SubscribersChanged(GattTable.CurrentTime, 1);
            Assert.AreEqual(GattWrites.Accept, Write(session, GattTable.CurrentTime, "E8 07 02 1D 0D 2D 1E 04 80 00"));
            Assert.AreEqual(GattSessionState.Bit(GattTable.CurrentTime), session.TakeNotifications());
            Assert.AreEqual("E807021D0D2D1E040001", ValueHex(session, GattTable.CurrentTime));
            Assert.AreEqual(1709214330u, sinks.ClockUtcEpochS);
        }

        [TestMethod]
        public void ACurrentTimeWriteTheDeviceCannotApplyIsRejectedWith0xFC()
        {
            var sinks = new FakeDeviceSinks();
            sinks.ClockResult = ControlStatus.Failed;
            GattSessionState session = NewSession(sinks, 0);
            session.SubscribersChanged(GattTable.CurrentTime, 1);
            Assert.AreEqual(CodecStatus.AttWriteRequestRejected, Write(session, GattTable.CurrentTime, "E8 07 02 1D 0D 2D 1E 04 00 00"));
            Assert.AreEqual(0, session.TakeNotifications());
            Assert.AreEqual(CodecStatus.AttOutOfRange, Write(session, GattTable.CurrentTime, "E8 07 02 1E 0D 2D 1E 00 00 00"), "30 February");
        }

        [TestMethod]
        public void SwitchingBtHomeThroughConfigAsksForANewAdvertisement()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            Assert.IsTrue(session.BtHomeAdvertising);
            Assert.AreEqual(GattWrites.Accept, Write(session, GattTable.Config, "19 28 DC 05 06 04 01 04"));
            Assert.IsFalse(session.TakeAdvertisementChanged(), "same flag");
            Assert.AreEqual(GattWrites.Accept, Write(session, GattTable.Config, "19 28 DC 05 06 04 00 04"));
            Assert.IsTrue(session.TakeAdvertisementChanged());
            Assert.IsFalse(session.TakeAdvertisementChanged(), "taken once");
            Assert.IsFalse(session.BtHomeAdvertising);
        }

        [TestMethod]
        public void AlertLevelWritesAreNeverAnsweredWithAnError()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            Assert.AreEqual(GattWrites.Accept, Write(session, GattTable.AlertLevel, "02"));
            Assert.AreEqual(ControlOp.Identify, sinks.LastOp);
            Assert.AreEqual(GattWrites.Accept, Write(session, GattTable.AlertLevel, "07"));
            Assert.AreEqual(GattWrites.Accept, session.Write(GattTable.AlertLevel, 0, 40));
            Assert.AreEqual(1, sinks.Submits);
        }

        [TestMethod]
        public void BatteryLevelIsMeasuredOnceAMinuteAndNotifiedWhenItChanges()
        {
            var sinks = new FakeDeviceSinks();
            var adc = new FixedBatteryAdc();
            adc.RawSum = FixedBatteryAdc.SumFor(3900);
            var session = new GattSessionState(sinks, sinks, null, new BatteryReporter(adc));
            Assert.IsTrue(session.HasBattery);
            session.SubscribersChanged(GattTable.BatteryLevel, 1);
            TrackerStatus status = BleBytes.SampleStatus();
            Assert.IsTrue(session.UpdateBattery(status, 0));
            Assert.IsTrue(status.BatteryPercent > 50 && status.BatteryPercent <= 80, status.BatteryPercent.ToString());
            Assert.AreEqual(GattSessionState.Bit(GattTable.BatteryLevel), session.TakeNotifications());
            Assert.AreEqual(status.BatteryPercent, (int)session.Value(GattTable.BatteryLevel)[0]);

            Assert.IsFalse(session.UpdateBattery(status, BatteryDivider.MeasureIntervalMs - 1));
            Assert.AreEqual(1, adc.Reads, "not measured again within the minute");
            Assert.IsFalse(session.UpdateBattery(status, BatteryDivider.MeasureIntervalMs), "measured, unchanged");
            Assert.AreEqual(2, adc.Reads);
            Assert.AreEqual(0, session.TakeNotifications());
        }

        [TestMethod]
        public void WithoutABatteryTheLevelIsUnknown()
        {
            var sinks = new FakeDeviceSinks();
            GattSessionState session = NewSession(sinks, 0);
            TrackerStatus status = BleBytes.SampleStatus();
            status.BatteryPercent = 50;
            Assert.IsFalse(session.HasBattery);
            Assert.IsFalse(session.UpdateBattery(status, 0));
            Assert.AreEqual(-1, status.BatteryPercent);
        }

        [TestMethod]
        public void SubscriptionsOfUnknownOrNonNotifyingCharacteristicsAreIgnored()
        {
            GattSessionState session = NewSession(new FakeDeviceSinks(), 0);
            session.SubscribersChanged(GattTable.None, 1);
            session.SubscribersChanged(GattTable.Count, 1);
            session.SubscribersChanged(GattTable.Config, 1);
            Assert.IsFalse(session.IsSubscribed(GattTable.Config));
            Assert.IsFalse(session.IsSubscribed(GattTable.None));
        }
    }
}
