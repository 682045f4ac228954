namespace BoardingDsl.Formats;

/// <summary>
/// <c>format: date-time</c>: RFC 3339 §5.6 <c>date-time</c>, exactly: <c>YYYY-MM-DD</c>, <c>T</c>, <c>hh:mm:ss</c>,
/// an optional fraction of one or more digits, and <c>Z</c> or <c>±hh:mm</c> (the letters may be lower case, §5.6
/// NOTE). Two-digit fields only, days within their month (leap years), and a leap second (<c>:60</c>) only where it
/// can occur: at 23:59 UTC, whatever the offset. Nothing before or after (no trailing newline).
/// </summary>
internal static class DateTimeSyntax
{
    public static bool IsDateTime(string value) => TryParse(value, out _);

    /// <summary>The fields of a valid date-time (the second may be 60).</summary>
    public readonly struct Fields
    {
        public Fields(int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
        {
            Year = year;
            Month = month;
            Day = day;
            Hour = hour;
            Minute = minute;
            Second = second;
            OffsetMinutes = offsetMinutes;
        }

        public int Year { get; }

        public int Month { get; }

        public int Day { get; }

        public int Hour { get; }

        public int Minute { get; }

        public int Second { get; }

        public int OffsetMinutes { get; }
    }

    public static bool TryParse(string value, out Fields fields)
    {
        fields = default;
        if (value.Length < 20
            || !Digits(value, 0, 4, out var year) || value[4] != '-'
            || !Digits(value, 5, 2, out var month) || value[7] != '-'
            || !Digits(value, 8, 2, out var day) || (value[10] | 0x20) != 't'
            || !Digits(value, 11, 2, out var hour) || value[13] != ':'
            || !Digits(value, 14, 2, out var minute) || value[16] != ':'
            || !Digits(value, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        if (value[i] == '.')
        {
            var first = ++i;
            while (i < value.Length && Ascii.IsDigit(value[i]))
            {
                i++;
            }

            if (i == first)
            {
                return false;
            }
        }

        if (i >= value.Length)
        {
            return false;
        }

        int offset;
        if ((value[i] | 0x20) == 'z')
        {
            offset = 0;
            i++;
        }
        else if (value[i] is '+' or '-')
        {
            if (i + 6 != value.Length || !Digits(value, i + 1, 2, out var offsetHour) || value[i + 3] != ':' || !Digits(value, i + 4, 2, out var offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offset = ((offsetHour * 60) + offsetMinute) * (value[i] == '-' ? -1 : 1);
            i += 6;
        }
        else
        {
            return false;
        }

        if (i != value.Length || month is < 1 or > 12 || day < 1 || day > DaysIn(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second is inserted at the end of a UTC day: 23:59:60Z, or the same moment in local time.
            var utcMinutes = (((hour * 60) + minute - offset) % 1440 + 1440) % 1440;
            if (utcMinutes != (23 * 60) + 59)
            {
                return false;
            }
        }

        fields = new Fields(year, month, day, hour, minute, second, offset);
        return true;
    }

    private static int DaysIn(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool Digits(string value, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!Ascii.IsDigit(value[i]))
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }
}
