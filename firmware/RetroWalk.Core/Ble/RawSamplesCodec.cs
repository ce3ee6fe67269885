using RetroWalk.Core.Bytes;
using RetroWalk.Core.Config;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Raw Samples characteristic (docs/ble.md, "Raw Samples"): the MPU6050's samples while recording mode is on.
    /// <para>Notification: <c>sequence u16 | flags u8 | n × (ax ay az gx gy gz, s16 each)</c>, n = (payload − 3) / 12
    /// (1 at the default ATT_MTU of 23, 20 at 247). The sequence is the index of the packet's first sample since the
    /// recording started, modulo 65536, so a phone that misses a notification knows exactly how many samples it lost.
    /// Flags: <see cref="FlagStart"/>, <see cref="FlagSensorGap"/>, <see cref="FlagEnd"/>; the others are reserved (0).</para>
    /// <para>Read: the format, <c>version u8 | state u8 (bit 0 recording) | rate Hz u16 | accel range g u8 |
    /// gyro range °/s u16</c>, 7 bytes; a phone reads it before starting so that it can write the recording's header.</para>
    /// </summary>
    public static class RawSamplesCodec
    {
        public const int HeaderLength = 3;

        /// <summary>Six signed 16-bit counts.</summary>
        public const int SampleLength = 12;

        public const int FormatLength = 7;

        public const byte FormatVersion = 1;

        /// <summary>The first packet of a recording (sequence 0).</summary>
        public const byte FlagStart = 0x01;

        /// <summary>The sensor lost samples just before this packet's first one (FIFO overflow or resync): how many is unknown.</summary>
        public const byte FlagSensorGap = 0x02;

        /// <summary>The last packet of a recording (it may carry no samples); nothing follows until the next start.</summary>
        public const byte FlagEnd = 0x04;

        public const byte KnownFlags = FlagStart | FlagSensorGap | FlagEnd;

        public const byte StateRecording = 0x01;

        /// <summary>Samples that fit a notification payload of <paramref name="payloadLength"/> bytes (at least 1).</summary>
        public static int SamplesPerPacket(int payloadLength)
        {
            int n = (payloadLength - HeaderLength) / SampleLength;
            return n < 1 ? 1 : n;
        }

        public static int PacketLength(int samples)
        {
            return HeaderLength + samples * SampleLength;
        }

        public static void EncodeHeader(int sequence, byte flags, byte[] dst, int offset)
        {
            LittleEndian.PutU16(dst, offset, sequence);
            dst[offset + 2] = flags;
        }

        /// <summary>
        /// Checks a notification and returns its sequence, flags and sample count; <see cref="CodecStatus.BadLength"/>
        /// unless it is a header and whole samples, <see cref="CodecStatus.OutOfRange"/> for a reserved flag.
        /// </summary>
        public static byte DecodePacket(byte[] src, int offset, int length, out int sequence, out byte flags, out int samples)
        {
            sequence = 0;
            flags = 0;
            samples = 0;
            if (length < HeaderLength || (length - HeaderLength) % SampleLength != 0 || !StatusCodec.Fits(src, offset, length))
            {
                return CodecStatus.BadLength;
            }

            byte f = src[offset + 2];
            if ((f & ~KnownFlags) != 0)
            {
                return CodecStatus.OutOfRange;
            }

            sequence = LittleEndian.GetU16(src, offset);
            flags = f;
            samples = (length - HeaderLength) / SampleLength;
            return CodecStatus.Ok;
        }

        /// <summary>Count <paramref name="axis"/> (0..5: ax ay az gx gy gz) of sample <paramref name="index"/> of a checked packet.</summary>
        public static short GetCount(byte[] src, int offset, int index, int axis)
        {
            return LittleEndian.GetS16(src, offset + HeaderLength + index * SampleLength + axis * 2);
        }

        /// <summary>Samples between two packets' sequences (0 when contiguous), given the samples the earlier one carried.</summary>
        public static int MissingBetween(int previousSequence, int previousSamples, int sequence)
        {
            return (sequence - previousSequence - previousSamples) & 0xFFFF;
        }

        public static int EncodeFormat(bool recording, SensorConfig sensor, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, FormatLength))
            {
                return 0;
            }

            dst[offset] = FormatVersion;
            dst[offset + 1] = recording ? StateRecording : (byte)0;
            LittleEndian.PutU16(dst, offset + 2, sensor.SampleRateHz);
            dst[offset + 4] = (byte)(2 << (int)sensor.AccelRange);
            LittleEndian.PutU16(dst, offset + 5, GyroRangeDps(sensor.GyroRange));
            return FormatLength;
        }

        /// <summary>Decodes the format as a phone does; refuses another version, a reserved state bit or a range the MPU6050 lacks.</summary>
        public static byte DecodeFormat(byte[] src, int offset, int length, out bool recording, SensorConfig into)
        {
            recording = false;
            if (!StatusCodec.Exact(src, offset, length, FormatLength))
            {
                return CodecStatus.BadLength;
            }

            int accelG = src[offset + 4];
            int gyroDps = LittleEndian.GetU16(src, offset + 5);
            int rate = LittleEndian.GetU16(src, offset + 2);
            int accel = AccelIndex(accelG);
            int gyro = GyroIndex(gyroDps);
            if (src[offset] != FormatVersion || (src[offset + 1] & ~StateRecording) != 0 || rate == 0 || accel < 0 || gyro < 0)
            {
                return CodecStatus.OutOfRange;
            }

            recording = (src[offset + 1] & StateRecording) != 0;
            into.SampleRateHz = rate;
            into.AccelRange = (AccelRange)accel;
            into.GyroRange = (GyroRange)gyro;
            return CodecStatus.Ok;
        }

        public static int GyroRangeDps(GyroRange range)
        {
            return 250 << (int)range;
        }

        private static int AccelIndex(int g)
        {
            for (int i = 0; i < 4; i++)
            {
                if (g == 2 << i)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int GyroIndex(int dps)
        {
            for (int i = 0; i < 4; i++)
            {
                if (dps == 250 << i)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
