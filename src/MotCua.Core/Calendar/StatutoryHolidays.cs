using System.Globalization;
using MotCua.Core.Legal;

namespace MotCua.Core.Calendar;

/// <summary>Which day joins 2/9 as the second National Day holiday when no official schedule exists.</summary>
/// <remarks>Art. 112(1)(đ) lets the Prime Minister choose 1/9 or 3/9 each year; the default is our rule, not the law's [U].</remarks>
public enum NationalDayAdjacentDay
{
    /// <summary>
    /// The day that makes the break touch a weekend (2/9 on Mon → 3/9, Tue → 1/9, Thu → 3/9, Fri → 1/9,
    /// Sat → 1/9, Sun → 3/9); for Wednesday, where neither does, 1/9 as in 2026.
    /// This reproduces the choices of 2021–2026.
    /// </summary>
    JoinWeekend,

    /// <summary>Always 1/9.</summary>
    Before,

    /// <summary>Always 3/9.</summary>
    After,
}

/// <summary>
/// The statutory holidays as a table of dated rules (Labour Code 2019 Art. 112, Resolution 28/2026/QH16), and the
/// schedule computed from them, with the compensatory days of Art. 111(3), for a year with no official schedule.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>Name prefix of every Tết Nguyên Đán day.</summary>
    public const string TetName = "Tết Nguyên Đán";

    /// <summary>Name of the Giỗ Tổ Hùng Vương holiday.</summary>
    public const string HungKingsName = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";

    /// <summary>Name of the 24/11 holiday.</summary>
    public const string CultureDayName = "Ngày Văn hóa Việt Nam";

    // The Labour Code's days are applied to every supported year: the earlier codes had the same days, and years before
    // 2021 (one National Day) are computed only for look-ups, never for a stored deadline.
    private static readonly DateOnly Always = new(1900, 1, 1);

    /// <summary>The holiday rules, each with its dates in force and its legal source; a new holiday is a new row.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        new("Tết Dương lịch", HolidayDatePattern.Solar, 1, 1, Always, null, LegalSources.LabourCode2019),
        new(TetName, HolidayDatePattern.LunarNewYear, 1, 1, Always, null, LegalSources.LabourCode2019),
        new(HungKingsName, HolidayDatePattern.Lunar, 10, 3, Always, null, LegalSources.LabourCode2019),
        new("Ngày Chiến thắng", HolidayDatePattern.Solar, 30, 4, Always, null, LegalSources.LabourCode2019),
        new("Ngày Quốc tế lao động", HolidayDatePattern.Solar, 1, 5, Always, null, LegalSources.LabourCode2019),
        new("Quốc khánh", HolidayDatePattern.SolarWithAdjacentDay, 2, 9, Always, null, LegalSources.LabourCode2019),
        // In force from 1/7/2026, so 24/11/2026 is the first such day off; before 2026 24/11 is an ordinary day.
        new(CultureDayName, HolidayDatePattern.Solar, 24, 11, new DateOnly(2026, 7, 1), null, LegalSources.Resolution28of2026),
    ];

    /// <summary>
    /// The default schedule of a year: 1/1; Tết (the last day of the lunar year and mùng 1–4); 10/3 lunar; 30/4; 1/5;
    /// 2/9 plus one adjacent day; 24/11 from 2026; and a compensatory day for each holiday on a Saturday or Sunday.
    /// Weekend holidays are listed too (unlike the official notices) so explanations can name them.
    /// </summary>
    /// <remarks>
    /// The law lets the Prime Minister fix the five Tết days each year; "last day of the year + mùng 1–4" is the usual
    /// pattern and only a default [U]. Two holidays on the same date (possible for 10/3 lunar and 30/4 in a few years)
    /// are merged into one entry without an extra day off: the Code is silent on this [U].
    /// </remarks>
    public static IReadOnlyList<ScheduleEntry> ComputeDefault(int year) => ComputeDefault(year, NationalDayAdjacentDay.JoinWeekend);

    /// <inheritdoc cref="ComputeDefault(int)"/>
    public static IReadOnlyList<ScheduleEntry> ComputeDefault(int year, NationalDayAdjacentDay adjacentDay)
    {
        var holidays = new SortedDictionary<DateOnly, string>();
        foreach ((DateOnly date, string name, HolidayRule _) in Holidays(year, adjacentDay))
        {
            holidays[date] = holidays.TryGetValue(date, out string? existing) ? existing + "; " + name : name;
        }

        var result = new List<ScheduleEntry>();
        var offDays = new HashSet<DateOnly>(holidays.Keys);
        foreach ((DateOnly date, string name) in holidays)
        {
            result.Add(new ScheduleEntry(date, DayKind.Holiday, name));
        }

        // Art. 111(3): a holiday on a weekly rest day gives the next working day off; walk in date order so
        // consecutive weekend holidays (Tết) take consecutive following working days.
        foreach ((DateOnly date, string name) in holidays)
        {
            if (IsWeekend(date))
            {
                DateOnly day = NextFreeWorkingDay(date, d => IsWeekend(d) || offDays.Contains(d));
                offDays.Add(day);
                result.Add(Compensatory(day, date, name));
            }
        }

        result.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return result.AsReadOnly();
    }

    /// <summary>Every statutory holiday date of the year with its name and rule, rules in table order.</summary>
    public static IEnumerable<(DateOnly Date, string Name, HolidayRule Rule)> Holidays(int year, NationalDayAdjacentDay adjacentDay = NationalDayAdjacentDay.JoinWeekend)
    {
        if (year is < 1900 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Supported years are 1900–2100.");
        }

        var found = new List<(DateOnly, string, HolidayRule)>();
        foreach (HolidayRule rule in Rules)
        {
            foreach ((DateOnly date, string name) in DatesOf(rule, year, adjacentDay))
            {
                if (rule.InForceOn(date))
                {
                    found.Add((date, name, rule));
                }
            }
        }

        return found;
    }

    /// <summary>The compensatory entry for a holiday on a weekend, named as the notices name it.</summary>
    internal static ScheduleEntry Compensatory(DateOnly day, DateOnly holiday, string name)
    {
        string weekday = holiday.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật";
        return new ScheduleEntry(
            day,
            DayKind.Compensatory,
            string.Create(CultureInfo.InvariantCulture, $"Nghỉ bù {name} ({holiday.Day}/{holiday.Month} trùng {weekday})"));
    }

    /// <summary>The first day after <paramref name="date"/> that <paramref name="isOff"/> does not exclude.</summary>
    internal static DateOnly NextFreeWorkingDay(DateOnly date, Func<DateOnly, bool> isOff)
    {
        DateOnly day = date.AddDays(1);
        while (isOff(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static IEnumerable<(DateOnly Date, string Name)> DatesOf(HolidayRule rule, int year, NationalDayAdjacentDay adjacentDay)
    {
        switch (rule.Pattern)
        {
            case HolidayDatePattern.Solar:
                yield return (new DateOnly(year, rule.Month, rule.Day), rule.Name);
                break;
            case HolidayDatePattern.Lunar:
                // Giỗ Tổ is on the ordinary 3rd month even in a year with a leap 3rd month.
                yield return (VietnameseLunarCalendar.ToSolar(new LunarDate(rule.Day, rule.Month, year, false)), rule.Name);
                break;
            case HolidayDatePattern.LunarNewYear:
                // Mùng 1 of lunar year `year` is always between 21/1 and 20/2 of the same solar year, so the eve
                // (last day of the previous lunar year) is too; the eve's name depends on whether Chạp has 29 or 30 days.
                DateOnly tet = VietnameseLunarCalendar.ToSolar(new LunarDate(rule.Day, rule.Month, year, false));
                LunarDate eve = VietnameseLunarCalendar.FromSolar(tet.AddDays(-1));
                yield return (tet.AddDays(-1), string.Create(CultureInfo.InvariantCulture, $"{rule.Name} ({eve.Day} tháng Chạp)"));
                for (int i = 0; i < 4; i++)
                {
                    yield return (tet.AddDays(i), string.Create(CultureInfo.InvariantCulture, $"{rule.Name} (mùng {i + 1})"));
                }

                break;
            case HolidayDatePattern.SolarWithAdjacentDay:
                var day = new DateOnly(year, rule.Month, rule.Day);
                yield return (day, rule.Name);
                yield return (day.AddDays(AdjacentOffset(day.DayOfWeek, adjacentDay)), rule.Name + " (ngày liền kề)");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Pattern, "Unknown holiday date pattern.");
        }
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static int AdjacentOffset(DayOfWeek nationalDay, NationalDayAdjacentDay rule) => rule switch
    {
        NationalDayAdjacentDay.Before => -1,
        NationalDayAdjacentDay.After => 1,
        NationalDayAdjacentDay.JoinWeekend => nationalDay switch
        {
            DayOfWeek.Monday or DayOfWeek.Thursday or DayOfWeek.Sunday => 1,
            DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Friday or DayOfWeek.Saturday => -1,
            _ => throw new ArgumentOutOfRangeException(nameof(nationalDay)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}
