using RetroWalk.Core.Status;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// When and how the advertisement is rebuilt, step by step, without any BLE API. nanoFramework 1.x cannot change
    /// advertising data in place: stop, wait until the stack reports Stopped (stopping disposes the native GATT
    /// configuration, and starting before that would be undone by it), then start with the new data. The device
    /// adapter runs the steps on its worker thread (<see cref="Next"/> returns what to do); the host emulation runs
    /// them against an emulated stack. When a refresh is due is <see cref="AdvertRefreshPolicy"/>'s decision.
    /// Not thread-safe: callers serialise.
    /// </summary>
    public sealed class AdvertisingSequence
    {
        /// <summary>How often the adapter looks at the advertising status while waiting for Stopped.</summary>
        public const int PollMs = 50;

        /// <summary>Longest wait for Stopped; then the refresh is abandoned and retried within the alarm spacing.</summary>
        public const int StopTimeoutMs = 2000;

        /// <summary>Advertising status, with nanoFramework's GattServiceProviderAdvertisementStatus values (pinned by a test).</summary>
        public const int StatusCreated = 0;
        public const int StatusStopped = 1;
        public const int StatusStarted = 2;
        public const int StatusAborted = 3;
        public const int StatusStartedWithoutAllData = 4;

        /// <summary>What the adapter does next.</summary>
        public const int ActionDone = 0;
        public const int ActionStop = 1;
        public const int ActionWait = 2;
        public const int ActionStart = 3;

        private const int StepIdle = 0;
        private const int StepStop = 1;
        private const int StepWaitStopped = 2;
        private const int StepStart = 3;

        private readonly AdvertRefreshPolicy _policy = new AdvertRefreshPolicy();
        private readonly AdvertisementFrames _frames = new AdvertisementFrames();
        private readonly TrackerStatus _status = new TrackerStatus();
        private readonly string _name;
        private bool _started;
        private bool _connected;
        private bool _due;
        private int _step;
        private int _waitedMs;

        public AdvertisingSequence(string deviceName)
        {
            _name = deviceName;
        }

        /// <summary>The sections (for the stack) and the packets (as a scanner sees them) of the last build.</summary>
        public AdvertisementFrames Frames
        {
            get { return _frames; }
        }

        public bool Connected
        {
            get { return _connected; }
        }

        /// <summary>Before <see cref="Start"/>: the first advertisement carries the latest published status.</summary>
        public void Published(TrackerStatus status)
        {
            if (!_started)
            {
                _status.CopyFrom(status);
            }
        }

        /// <summary>
        /// The device loop offers its status (every iteration). Returns true when a refresh became due: the adapter
        /// then wakes its worker, which runs <see cref="BeginRefresh"/> and <see cref="Next"/>.
        /// </summary>
        public bool Offer(TrackerStatus status, long nowMs)
        {
            if (!_started || !_policy.IsDue(status, nowMs, _connected))
            {
                return false;
            }

            _policy.MarkAdvertised(status, nowMs);
            _status.CopyFrom(status);
            _due = true;
            return true;
        }

        /// <summary>A phone connected (the controller stops advertising) or disconnected (the stack resumes the last data).</summary>
        public void ConnectionChanged(bool connected)
        {
            _connected = connected;
        }

        /// <summary>Rebuild soon whatever the counts (BTHome advertising was switched on or off).</summary>
        public void Invalidate()
        {
            _policy.Invalidate();
        }

        /// <summary>
        /// The first advertisement, at start-up: builds it from the last published status; then run <see cref="Next"/>
        /// (it says Start). Not marked as advertised: the loop's first <see cref="Offer"/> refreshes it.
        /// </summary>
        public void Start(bool btHome)
        {
            _started = true;
            _due = false;
            _frames.Build(_status, btHome, _name);
            _step = StepStart;
        }

        /// <summary>
        /// Begins a due refresh: builds the frames and returns true, then run <see cref="Next"/> until Done. False if
        /// nothing is due, or a phone connected meanwhile (then it is retried after the disconnection).
        /// </summary>
        public bool BeginRefresh(bool btHome, int advertisingStatus)
        {
            if (!_due)
            {
                return false;
            }

            _due = false;
            if (_connected)
            {
                _policy.Invalidate();
                return false;
            }

            _frames.Build(_status, btHome, _name);
            _step = advertisingStatus == StatusStarted || advertisingStatus == StatusStartedWithoutAllData
                ? StepStop
                : StepStart;
            _waitedMs = 0;
            return true;
        }

        /// <summary>The next action for the stack's current <paramref name="advertisingStatus"/>.</summary>
        public int Next(int advertisingStatus)
        {
            switch (_step)
            {
                case StepStop:
                    _step = StepWaitStopped;
                    _waitedMs = 0;
                    return ActionStop;
                case StepWaitStopped:
                    if (advertisingStatus == StatusStopped)
                    {
                        _step = StepIdle;
                        return ActionStart;
                    }

                    if (_waitedMs >= StopTimeoutMs)
                    {
                        // Still advertising the old data: give up now and try again at the alarm spacing.
                        _step = StepIdle;
                        _policy.Invalidate();
                        return ActionDone;
                    }

                    _waitedMs += PollMs;
                    return ActionWait;
                case StepStart:
                    _step = StepIdle;
                    return ActionStart;
                default:
                    return ActionDone;
            }
        }
    }
}
