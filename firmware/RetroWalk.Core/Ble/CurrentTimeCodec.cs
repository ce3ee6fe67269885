using RetroWalk.Core.Bytes;

namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// The SIG Current Time characteristic 0x2A2B (Current Time Service 0x1805), 10 bytes: year u16 | month u8 |
    /// day u8 | hours u8 | minutes u8 | seconds u8 | day of week u8 (1 = Monday .. 7 = Sunday, 0 = unknown) |
    /// fractions256 u8 | adjust reason u8. The value is local time; the device keeps UTC and converts with the
    /// Config UTC offset. Calendar arithmetic is integer-only (days-from-civil), so it runs on the device unchanged.
    /// </summary>
    public static class CurrentTimeCodec
    {
        public const int Length = 10;

        /// <summary>Oldest year a write may carry: anything earlier is an unset phone clock, not a real time.</summary>
        public const int MinYear = 2000;

        /// <summary>Latest year whose seconds since 1970 still fit in a u32 (which ends in February 2106).</summary>
        public const int MaxYear = 2105;

        /// <summary>Adjust reason bit 0: manual time update.</summary>
        public const byte AdjustManual = 0x01;

        /// <summary>Adjust reason bit 1: external reference time update.</summary>
        public const byte AdjustExternalReference = 0x02;

        public static int Encode(uint localEpochS, byte fractions256, byte adjustReason, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, Length))
            {
                return 0;
            }

            int days = (int)(localEpochS / 86400);
            int secondOfDay = (int)(localEpochS % 86400);
            int year;
            int month;
            int day;
            CivilFromDays(days, out year, out month, out day);
            LittleEndian.PutU16(dst, offset, year);
            dst[offset + 2] = (byte)month;
            dst[offset + 3] = (byte)day;
            dst[offset + 4] = (byte)(secondOfDay / 3600);
            dst[offset + 5] = (byte)(secondOfDay / 60 % 60);
            dst[offset + 6] = (byte)(secondOfDay % 60);
            dst[offset + 7] = (byte)IsoDayOfWeek(days);
            dst[offset + 8] = fractions256;
            dst[offset + 9] = adjustReason;
            return Length;
        }

        /// <summary>
        /// Decodes and validates a write: exact length, year <see cref="MinYear"/>..<see cref="MaxYear"/>, a real
        /// calendar date, a time of day, and a day of week that is 0 (unknown) or matches the date.
        /// </summary>
        public static byte Decode(byte[] src, int offset, int length, out uint localEpochS)
        {
            localEpochS = 0;
            if (!StatusCodec.Exact(src, offset, length, Length))
            {
                return CodecStatus.BadLength;
            }

            int year = LittleEndian.GetU16(src, offset);
            int month = src[offset + 2];
            int day = src[offset + 3];
            int hours = src[offset + 4];
            int minutes = src[offset + 5];
            int seconds = src[offset + 6];
            int dayOfWeek = src[offset + 7];
            if (year < MinYear || year > MaxYear || month < 1 || month > 12 || day < 1
                || day > DaysInMonth(year, month) || hours > 23 || minutes > 59 || seconds > 59 || dayOfWeek > 7)
            {
                return CodecStatus.OutOfRange;
            }

            int days = DaysFromCivil(year, month, day);
            if (dayOfWeek != 0 && dayOfWeek != IsoDayOfWeek(days))
            {
                return CodecStatus.OutOfRange;
            }

            long epoch = (long)days * 86400 + hours * 3600 + minutes * 60 + seconds;
            if (epoch > uint.MaxValue)
            {
                return CodecStatus.OutOfRange;
            }

            localEpochS = (uint)epoch;
            return CodecStatus.Ok;
        }

        /// <summary>Seconds to add to UTC to get local time for a UTC offset in 15-minute units.</summary>
        public static int UtcOffsetSeconds(int utcOffsetQuarterHours)
        {
            return utcOffsetQuarterHours * 900;
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
        public static int DaysFromCivil(int year, int month, int day)
        {
            int y = month <= 2 ? year - 1 : year;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yearOfEra = y - era * 400;
            int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097 + dayOfEra - 719468;
        }

        /// <summary>Inverse of <see cref="DaysFromCivil"/>.</summary>
        public static void CivilFromDays(int days, out int year, out int month, out int day)
        {
            int z = days + 719468;
            int era = (z >= 0 ? z : z - 146096) / 146097;
            int dayOfEra = z - era * 146097;
            int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            int mp = (5 * dayOfYear + 2) / 153;
            day = dayOfYear - (153 * mp + 2) / 5 + 1;
            month = mp < 10 ? mp + 3 : mp - 9;
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        }

        /// <summary>1 = Monday .. 7 = Sunday for a day count since 1970-01-01 (a Thursday).</summary>
        public static int IsoDayOfWeek(int days)
        {
            int weekday = (days + 3) % 7;
            if (weekday < 0)
            {
                weekday += 7;
            }

            return weekday + 1;
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }
    }
}
