using System.Threading;
using RetroWalk.Core.Ble;

namespace RetroWalk.Core.Device
{
    /// <summary>
    /// Commands handed to the device loop from other threads (Control Point writes and Current Time writes arrive on
    /// the BLE thread): checked when submitted, so the writer gets its <see cref="ControlStatus"/> at once, and taken
    /// by the loop, oldest first, between sample batches. A fixed ring of <see cref="Length"/> entries; nothing is
    /// allocated after construction.
    /// </summary>
    public sealed class CommandQueue
    {
        /// <summary>Commands waiting at most (a phone does not queue more than a few between two 100 ms iterations).</summary>
        public const int Length = 8;

        // Taken with Monitor.Enter/Exit, not lock: see HourlyHistory (lock binds an overload nanoFramework lacks).
        private readonly object _lock = new object();
        private readonly byte[] _ops = new byte[Length];
        private readonly uint[] _arguments = new uint[Length];
        private int _first;
        private int _count;

        /// <summary>Commands waiting (any thread).</summary>
        public int Count
        {
            get
            {
                Monitor.Enter(_lock);
                try
                {
                    return _count;
                }
                finally
                {
                    Monitor.Exit(_lock);
                }
            }
        }

        /// <summary>
        /// Whether the loop applies <paramref name="op"/> with <paramref name="argument"/>: Ok, Unsupported (an op the
        /// loop does not apply, e.g. Request History, which the BLE side serves itself) or BadParameter.
        /// </summary>
        public static byte Check(byte op, uint argument)
        {
            switch (op)
            {
                case ControlOp.ResetCounts:
                case ControlOp.AcknowledgeAlarm:
                case ControlOp.Identify:
                case ControlOp.RecaptureUpright:
                    return ControlStatus.Ok;
                case ControlOp.SetCurrentTime:
                    return WallClock.IsSet(argument) ? ControlStatus.Ok : ControlStatus.BadParameter;
                default:
                    return ControlStatus.Unsupported;
            }
        }

        /// <summary>Checks and queues a command (any thread); Failed when the queue is full.</summary>
        public byte Submit(byte op, uint argument)
        {
            byte check = Check(op, argument);
            if (check != ControlStatus.Ok)
            {
                return check;
            }

            Monitor.Enter(_lock);
            try
            {
                if (_count == Length)
                {
                    return ControlStatus.Failed;
                }

                int i = (_first + _count) % Length;
                _ops[i] = op;
                _arguments[i] = argument;
                _count++;
                return ControlStatus.Ok;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        /// <summary>Takes the oldest command (the loop's thread); false when none is waiting.</summary>
        public bool TryTake(out byte op, out uint argument)
        {
            Monitor.Enter(_lock);
            try
            {
                if (_count == 0)
                {
                    op = 0;
                    argument = 0;
                    return false;
                }

                op = _ops[_first];
                argument = _arguments[_first];
                _first = (_first + 1) % Length;
                _count--;
                return true;
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }
    }
}
