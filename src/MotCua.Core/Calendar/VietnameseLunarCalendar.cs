namespace MotCua.Core.Calendar;

/// <summary>
/// Solar ⇄ Vietnamese lunar date conversion, 1900–2100, computed astronomically for UTC+7
/// (Hồ Ngọc Đức's algorithm: Meeus' new moons and sun longitude).
/// </summary>
/// <remarks>
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> is deliberately not used: it follows China's
/// UTC+8 and gives a different Tết in some years (e.g. 1968, 1985, 2007).
/// </remarks>
public static class VietnameseLunarCalendar
{
    private const double TimeZone = 7.0;

    // JDN = DateOnly.DayNumber + this (0001-01-01 is JD 1721425.5, i.e. JDN 1721426).
    private const int JulianDayOffset = 1721426;

    /// <summary>First supported solar date.</summary>
    public static DateOnly MinSupportedDate { get; } = new(1900, 1, 1);

    /// <summary>Last supported solar date.</summary>
    public static DateOnly MaxSupportedDate { get; } = new(2100, 12, 31);

    /// <summary>The lunar date of a solar date (1900-01-01 .. 2100-12-31).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2100.</exception>
    public static LunarDate FromSolar(DateOnly date)
    {
        if (date < MinSupportedDate || date > MaxSupportedDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Lunar conversion supports 1900-01-01 to 2100-12-31.");
        }

        int dayNumber = date.DayNumber + JulianDayOffset;
        int k = Floor((dayNumber - 2415021.076998695) / 29.530588853);
        // The mean-lunation estimate of k can be off by one near a new moon (e.g. in 2054), so step until
        // monthStart is the last new moon on or before the day; the published code stops after one step.
        int monthStart = NewMoonDay(k + 1);
        while (monthStart > dayNumber)
        {
            k--;
            monthStart = NewMoonDay(k + 1);
        }

        while (NewMoonDay(k + 2) <= dayNumber)
        {
            k++;
            monthStart = NewMoonDay(k + 1);
        }

        int a11 = LunarMonth11(date.Year);
        int b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }

        int lunarDay = dayNumber - monthStart + 1;
        int diff = Floor((monthStart - a11) / 29.0);
        bool leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            int leapMonthDiff = LeapMonthOffset(a11);
            if (diff >= leapMonthDiff)
            {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear -= 1;
        }

        return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
    }

    /// <summary>The solar date of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Day or month out of range, or the result is outside 1900–2100.</exception>
    /// <exception cref="ArgumentException">The leap month does not exist that year, or the month has only 29 days.</exception>
    public static DateOnly ToSolar(LunarDate date)
    {
        if (date.Month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Lunar month must be 1..12.");
        }

        if (date.Day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Lunar day must be 1..30.");
        }

        // Lunar years 1899 and 2101 partly overlap the supported solar range; anything further is out.
        if (date.Year is < 1899 or > 2101)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Lunar conversion supports 1900-01-01 to 2100-12-31.");
        }

        int monthStart = MonthStart(date.Month, date.Year, date.IsLeapMonth)
            ?? throw new ArgumentException($"Lunar year {date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)} has no leap month {date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", nameof(date));

        int dayNumber = monthStart + date.Day - 1;
        if (date.Day == 30 && NewMoonDayAfter(monthStart) == dayNumber)
        {
            throw new ArgumentException($"Lunar month {date} has only 29 days.", nameof(date));
        }

        int solarDayNumber = dayNumber - JulianDayOffset;
        if (solarDayNumber < MinSupportedDate.DayNumber || solarDayNumber > MaxSupportedDate.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Lunar conversion supports 1900-01-01 to 2100-12-31.");
        }

        return DateOnly.FromDayNumber(solarDayNumber);
    }

    /// <summary>Number of days (29 or 30) in a lunar month.</summary>
    public static int DaysInMonth(int month, int year, bool isLeapMonth)
    {
        DateOnly first = ToSolar(new LunarDate(1, month, year, isLeapMonth));
        int start = first.DayNumber + JulianDayOffset;
        return NewMoonDayAfter(start) - start;
    }

    /// <summary>The leap month of a lunar year (1..12), or 0 when the year has none.</summary>
    public static int LeapMonth(int lunarYear)
    {
        for (int month = 1; month <= 12; month++)
        {
            if (MonthStart(month, lunarYear, leap: true) is not null)
            {
                return month;
            }
        }

        return 0;
    }

    // JDN of the first day of a lunar month, or null when a requested leap month does not exist.
    private static int? MonthStart(int month, int year, bool leap)
    {
        int a11;
        int b11;
        if (month < 11)
        {
            a11 = LunarMonth11(year - 1);
            b11 = LunarMonth11(year);
        }
        else
        {
            a11 = LunarMonth11(year);
            b11 = LunarMonth11(year + 1);
        }

        int k = Floor(0.5 + ((a11 - 2415021.076998695) / 29.530588853));
        int off = month - 11;
        if (off < 0)
        {
            off += 12;
        }

        if (b11 - a11 > 365)
        {
            int leapOff = LeapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (leap && month != leapMonth)
            {
                return null;
            }

            if (leap || off >= leapOff)
            {
                off += 1;
            }
        }
        else if (leap)
        {
            return null;
        }

        return NewMoonDay(k + off);
    }

    private static int NewMoonDayAfter(int monthStartJdn)
    {
        int k = Floor(0.5 + ((monthStartJdn - 2415021.076998695) / 29.530588853));
        int next = NewMoonDay(k + 1);
        return next > monthStartJdn ? next : NewMoonDay(k + 2);
    }

    private static int Floor(double d) => (int)Math.Floor(d);

    // Local (UTC+7) day of the k-th new moon since 1900-01-01.
    private static int NewMoonDay(int k) => Floor(NewMoon(k) + 0.5 + (TimeZone / 24));

    // Sun longitude at local midnight, as one of 12 sectors of 30°.
    private static int SunLongitudeSector(int dayNumber) =>
        Floor(SunLongitude(dayNumber - 0.5 - (TimeZone / 24)) / Math.PI * 6);

    // The day that starts lunar month 11 (the month containing the winter solstice) of a solar year.
    private static int LunarMonth11(int year)
    {
        int off = new DateOnly(year, 12, 31).DayNumber + JulianDayOffset - 2415021;
        int k = Floor(off / 29.530588853);
        int nm = NewMoonDay(k);
        if (SunLongitudeSector(nm) >= 9)
        {
            nm = NewMoonDay(k - 1);
        }

        return nm;
    }

    // Offset (in months after month 11) of the first month without a major solar term: the leap month.
    private static int LeapMonthOffset(int a11)
    {
        int k = Floor(((a11 - 2415021.076998695) / 29.530588853) + 0.5);
        int i = 1;
        int arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);

        return i - 1;
    }

    // Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, Astronomical Algorithms).
    private static double NewMoon(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        const double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin(((166.56 + (132.87 * t)) - (0.009173 * t2)) * dr);
        double m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        double mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        double f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        double c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        double deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    // Sun's apparent longitude in radians [0, 2π) at a Julian day (Meeus).
    private static double SunLongitude(double jdn)
    {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        const double dr = Math.PI / 180;
        double m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        double l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        double dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        double l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }
}
