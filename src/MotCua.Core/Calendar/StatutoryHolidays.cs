using System.Globalization;

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

/// <summary>The statutory holidays of the Labour Code 2019 (Art. 111(3), 112) computed for a year with no official schedule.</summary>
public static class StatutoryHolidays
{
    /// <summary>Name prefix of every Tết Nguyên Đán day.</summary>
    public const string TetName = "Tết Nguyên Đán";

    /// <summary>Name of the Giỗ Tổ Hùng Vương holiday.</summary>
    public const string HungKingsName = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";

    /// <summary>
    /// The default schedule of a year: 1/1; Tết (the last day of the lunar year and mùng 1–4); 10/3 lunar; 30/4; 1/5;
    /// 2/9 plus one adjacent day; and a compensatory day for each holiday on a Saturday or Sunday.
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
        if (year is < 1900 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Supported years are 1900–2100.");
        }

        var holidays = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly date, string name)
        {
            holidays[date] = holidays.TryGetValue(date, out string? existing) ? existing + "; " + name : name;
        }

        Add(new DateOnly(year, 1, 1), "Tết Dương lịch");

        // Mùng 1 of lunar year `year` is always between 21/1 and 20/2 of the same solar year, so the eve
        // (last day of the previous lunar year) is too; the eve's name depends on whether Chạp has 29 or 30 days.
        DateOnly tet = VietnameseLunarCalendar.ToSolar(new LunarDate(1, 1, year, false));
        LunarDate eve = VietnameseLunarCalendar.FromSolar(tet.AddDays(-1));
        Add(tet.AddDays(-1), string.Create(CultureInfo.InvariantCulture, $"{TetName} ({eve.Day} tháng Chạp)"));
        for (int i = 0; i < 4; i++)
        {
            Add(tet.AddDays(i), string.Create(CultureInfo.InvariantCulture, $"{TetName} (mùng {i + 1})"));
        }

        // Giỗ Tổ is on the ordinary 3rd month even in a year with a leap 3rd month.
        Add(VietnameseLunarCalendar.ToSolar(new LunarDate(10, 3, year, false)), HungKingsName);
        Add(new DateOnly(year, 4, 30), "Ngày Chiến thắng");
        Add(new DateOnly(year, 5, 1), "Ngày Quốc tế lao động");

        var nationalDay = new DateOnly(year, 9, 2);
        Add(nationalDay, "Quốc khánh");
        Add(nationalDay.AddDays(AdjacentOffset(nationalDay.DayOfWeek, adjacentDay)), "Quốc khánh (ngày liền kề)");

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
            if (!IsWeekend(date))
            {
                continue;
            }

            DateOnly day = date.AddDays(1);
            while (IsWeekend(day) || offDays.Contains(day))
            {
                day = day.AddDays(1);
            }

            offDays.Add(day);
            string weekday = date.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật";
            result.Add(new ScheduleEntry(
                day,
                DayKind.Compensatory,
                string.Create(CultureInfo.InvariantCulture, $"Nghỉ bù {name} ({date.Day}/{date.Month} trùng {weekday})")));
        }

        result.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return result.AsReadOnly();
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
