using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// What the device loop tells the world, and when: each iteration it takes the tracker's figures into a fresh
    /// <see cref="TrackerStatus"/>, marks the <see cref="StatusFields"/> groups that changed, and hands the due ones to
    /// the <see cref="IStatusPublisher"/>: each group at most once per <see cref="MinIntervalMs"/>, an alarm change at
    /// once, tilt only beyond <see cref="TiltDeadbandDeciDeg"/>. A change held back by the rate limit stays pending,
    /// so the last value always goes out. The status is also offered for the advertisement after every publication
    /// and at least every <see cref="AdvertiseOfferIntervalMs"/>. What a group means on the air (which GATT
    /// characteristics notify) is the publisher's business (Ble.StatusCharacteristics), not this type's. It reads the
    /// Tracker, so it sits beside the loop rather than in Status (which the Ble codecs, and through them the tracker's
    /// Session, use).
    /// </summary>
    public sealed class StatusPublication
    {
        /// <summary>At most one notification per group and second (alarm changes go out at once).</summary>
        public const int MinIntervalMs = 1000;

        /// <summary>
        /// How often the status is offered to <see cref="IStatusPublisher.Advertise"/> (and after every publication).
        /// The publisher decides when to rebuild the advertisement (AdvertRefreshPolicy: never while connected, at
        /// most once a minute, within 5 s of an alarm change); offering it regularly means a refresh it had to defer
        /// still happens once allowed.
        /// </summary>
        public const int AdvertiseOfferIntervalMs = 1000;

        /// <summary>Tilt changes smaller than this (0.1°) since the last notification are not notified, nor lean direction changes below it.</summary>
        public const int TiltDeadbandDeciDeg = 20;

        private readonly TrackerStatus _fresh = new TrackerStatus();
        private readonly TrackerStatus _published = new TrackerStatus();
        private readonly long[] _lastPublishMs = new long[StatusFields.Count];
        private IStatusPublisher _publisher;
        private int _pendingFields;
        private bool _publishNow;
        private AlarmLevel _lastAlarm;
        private bool _alarmNow;
        private short _sentTiltDeciDeg = short.MinValue;
        private byte _sequence;
        private long _lastAdvertOfferMs;

        /// <summary>The last published status.</summary>
        public TrackerStatus Published { get { return _published; } }

        /// <summary>Connects the publisher; everything is published at the next <see cref="Update"/>, whatever the rate limit.</summary>
        public void Attach(IStatusPublisher publisher)
        {
            _publisher = publisher;
            _pendingFields = StatusFields.All;
            _publishNow = true;
        }

        /// <summary>The next <see cref="Update"/> publishes what changed without waiting for the rate limit (after a reset).</summary>
        public void PublishNextAtOnce()
        {
            _publishNow = true;
        }

        /// <summary>Takes the tracker's figures and publishes the groups that changed and are due.</summary>
        public void Update(Tracker tracker, uint resetEpochS, bool clockSynced, long nowMs)
        {
            TrackerStatus f = _fresh;
            TrackerStatus p = _published;
            f.ForwardSteps = tracker.ForwardSteps;
            f.BackwardSteps = tracker.BackwardSteps;
            f.ResetEpochS = resetEpochS;
            int cadence = tracker.CadenceSpm;
            f.CadenceSpm = (byte)(cadence < 0 ? 0 : cadence > 255 ? 255 : cadence);
            f.Direction = tracker.Direction;
            f.Running = tracker.Running;
            int tilt = tracker.TiltDeciDeg;
            f.TiltDeciDeg = (short)(tilt < short.MinValue ? short.MinValue : tilt > short.MaxValue ? short.MaxValue : tilt);
            f.TiltDirection = tracker.TiltDirection;
            f.Alarm = tracker.Alarm;
            f.ClockSynced = clockSynced;
            f.BackwardWalkingS = Dsp.Saturating.ToUInt32(tracker.Session.BackwardWalkingMs / 1000);
            f.LongestBackwardStreakSteps = SaturateUInt16(tracker.Session.LongestBackwardStreakSteps);
            f.BackwardIntervals = SaturateUInt16(tracker.Session.BackwardIntervals);

            _pendingFields |= Changed(f, p);
            if (f.Alarm != _lastAlarm)
            {
                _lastAlarm = f.Alarm;
                _alarmNow = true;
            }

            if (_publisher == null)
            {
                return;
            }

            int due = Due(nowMs);
            if (due != 0)
            {
                _pendingFields &= ~due;
                f.Sequence = ++_sequence;
                p.CopyFrom(f);
                if ((due & StatusFields.TiltAlarm) != 0)
                {
                    _sentTiltDeciDeg = f.TiltDeciDeg;
                }

                _publisher.Publish(p, due);
            }

            if (due != 0 || nowMs - _lastAdvertOfferMs >= AdvertiseOfferIntervalMs)
            {
                _publisher.Advertise(p);
                _lastAdvertOfferMs = nowMs;
            }
        }

        private int Changed(TrackerStatus f, TrackerStatus p)
        {
            int changed = 0;
            if (f.ForwardSteps != p.ForwardSteps)
            {
                changed |= StatusFields.ForwardSteps | StatusFields.Snapshot;
            }

            if (f.BackwardSteps != p.BackwardSteps)
            {
                changed |= StatusFields.BackwardSteps | StatusFields.Snapshot;
            }

            if (f.ResetEpochS != p.ResetEpochS || f.CadenceSpm != p.CadenceSpm || f.Direction != p.Direction || f.Running != p.Running
                || f.BackwardWalkingS != p.BackwardWalkingS || f.LongestBackwardStreakSteps != p.LongestBackwardStreakSteps
                || f.BackwardIntervals != p.BackwardIntervals)
            {
                changed |= StatusFields.Snapshot;
            }

            // Near upright the lean direction flips with noise: a direction change alone counts only beyond the deadband.
            int tiltMoved = f.TiltDeciDeg - _sentTiltDeciDeg;
            bool leaning = f.TiltDeciDeg >= TiltDeadbandDeciDeg || f.TiltDeciDeg <= -TiltDeadbandDeciDeg;
            if (f.Alarm != p.Alarm || (leaning && f.TiltDirection != p.TiltDirection) || f.ClockSynced != p.ClockSynced
                || tiltMoved >= TiltDeadbandDeciDeg || tiltMoved <= -TiltDeadbandDeciDeg)
            {
                changed |= StatusFields.TiltAlarm;
            }

            return changed;
        }

        /// <summary>The pending groups whose rate limit has run out (all of them after a reset, the alarm group on an alarm change).</summary>
        private int Due(long nowMs)
        {
            int due = 0;
            for (int i = 0; i < StatusFields.Count; i++)
            {
                int bit = 1 << i;
                if ((_pendingFields & bit) != 0
                    && (_publishNow || nowMs - _lastPublishMs[i] >= MinIntervalMs || (_alarmNow && bit == StatusFields.TiltAlarm)))
                {
                    due |= bit;
                    _lastPublishMs[i] = nowMs;
                }
            }

            _publishNow = false;
            _alarmNow = false;
            return due;
        }

        private static ushort SaturateUInt16(int v)
        {
            return (ushort)(v < 0 ? 0 : v > ushort.MaxValue ? ushort.MaxValue : v);
        }
    }
}
