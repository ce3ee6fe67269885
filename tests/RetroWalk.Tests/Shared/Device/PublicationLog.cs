using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;

namespace RetroWalk.Tests.Loop
{
    /// <summary>An <see cref="IStatusPublisher"/> for the tests: what each publication carried, and how often the advertisement was offered.</summary>
    public sealed class PublicationLog : IStatusPublisher
    {
        public const int Capacity = 1024;

        public int Count;
        public readonly int[] Fields = new int[Capacity];
        public readonly long[] TimeMs = new long[Capacity];
        public readonly uint[] ForwardSteps = new uint[Capacity];
        public readonly AlarmLevel[] Alarm = new AlarmLevel[Capacity];
        public readonly byte[] Sequence = new byte[Capacity];

        public int Adverts;
        public readonly long[] AdvertTimeMs = new long[Capacity];
        public uint AdvertForwardSteps;

        /// <summary>The harness's clock, stamped on each call.</summary>
        public long NowMs;

        public void Publish(TrackerStatus status, int changedFields)
        {
            Fields[Count] = changedFields;
            TimeMs[Count] = NowMs;
            ForwardSteps[Count] = status.ForwardSteps;
            Alarm[Count] = status.Alarm;
            Sequence[Count] = status.Sequence;
            Count++;
        }

        public void Advertise(TrackerStatus status)
        {
            AdvertTimeMs[Adverts++] = NowMs;
            AdvertForwardSteps = status.ForwardSteps;
        }

        /// <summary>Index of the last publication that carried <paramref name="field"/>, or -1.</summary>
        public int Last(int field)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                if ((Fields[i] & field) != 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
