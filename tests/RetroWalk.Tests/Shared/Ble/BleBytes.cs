using RetroWalk.Core.Motion;
using RetroWalk.Core.Safety;
using RetroWalk.Core.Status;


namespace RetroWalk.Tests.Ble
{
    /// <summary>Fixtures for the BLE codec tests, shared by host and device builds (no generics, no LINQ).</summary>
    public static class BleBytes
    {
        /// <summary>Parses "02 01 06"-style hex (spaces ignored) into bytes.</summary>
        public static byte[] Hex(string text)
        {
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != ' ')
                {
                    digits++;
                }
            }

            byte[] result = new byte[digits / 2];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ')
                {
                    continue;
                }

                int v = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                if ((n & 1) == 0)
                {
                    result[n / 2] = (byte)(v << 4);
                }
                else
                {
                    result[n / 2] |= (byte)v;
                }

                n++;
            }

            return result;
        }

        /// <summary>The first <paramref name="length"/> bytes of <paramref name="buffer"/>.</summary>
        /// <summary>Upper-case hex of <paramref name="length"/> bytes from <paramref name="offset"/>, no spaces.</summary>
        public static string ToHex(byte[] bytes, int offset, int length)
        {
            const string digits = "0123456789ABCDEF";
            char[] chars = new char[length * 2];
            for (int i = 0; i < length; i++)
            {
                chars[2 * i] = digits[bytes[offset + i] >> 4];
                chars[2 * i + 1] = digits[bytes[offset + i] & 0x0F];
            }

            return new string(chars);
        }

        public static byte[] Head(byte[] buffer, int length)
        {
            byte[] result = new byte[length];
            System.Array.Copy(buffer, result, length);
            return result;
        }

        /// <summary>A status with every field set to a recognisable, non-default value.</summary>
        public static TrackerStatus SampleStatus()
        {
            var s = new TrackerStatus();
            s.ForwardSteps = 1234;
            s.BackwardSteps = 567;
            s.ResetEpochS = 1700000000;
            s.CadenceSpm = 96;
            s.Direction = WalkDirection.Backward;
            s.TiltDeciDeg = -50;
            s.TiltDirection = TiltDirection.Backward;
            s.Alarm = AlarmLevel.FallAlarm;
            s.ClockSynced = true;
            s.BackwardWalkingS = 600;
            s.LongestBackwardStreakSteps = 42;
            s.BackwardIntervals = 3;
            s.Sequence = 7;
            return s;
        }
    }
}
