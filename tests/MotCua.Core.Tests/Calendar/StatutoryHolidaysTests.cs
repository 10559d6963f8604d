using MotCua.Core.Calendar;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Calendar;

public sealed class StatutoryHolidaysTests
{
    private static ScheduleEntry? Find(int year, string date) =>
        StatutoryHolidays.ComputeDefault(year).SingleOrDefault(e => e.Date == D(date));

    [Theory]
    [InlineData(2027, "2027-01-01", DayKind.Holiday, "Tết Dương lịch")]
    [InlineData(2027, "2027-04-30", DayKind.Holiday, "Ngày Chiến thắng")]
    [InlineData(2027, "2027-05-01", DayKind.Holiday, "Ngày Quốc tế lao động")]
    [InlineData(2027, "2027-09-02", DayKind.Holiday, "Quốc khánh")]
    // 2027: Tết 6/2 (Sat); Chạp of lunar 2026 has 29 days so the eve 5/2 is "29 tháng Chạp".
    [InlineData(2027, "2027-02-05", DayKind.Holiday, "Tết Nguyên Đán (29 tháng Chạp)")]
    [InlineData(2027, "2027-02-06", DayKind.Holiday, "Tết Nguyên Đán (mùng 1)")]
    [InlineData(2027, "2027-02-09", DayKind.Holiday, "Tết Nguyên Đán (mùng 4)")]
    // 2024 (computed): the eve 9/2/2024 is 30 tháng Chạp.
    [InlineData(2024, "2024-02-09", DayKind.Holiday, "Tết Nguyên Đán (30 tháng Chạp)")]
    [InlineData(2024, "2024-04-18", DayKind.Holiday, "Giỗ Tổ Hùng Vương (10/3 âm lịch)")]
    // Tết eve in January: 2023 lunar new year on 22/1, eve 21/1 (Sat) belongs to lunar 2022.
    [InlineData(2023, "2023-01-21", DayKind.Holiday, "Tết Nguyên Đán (30 tháng Chạp)")]
    [InlineData(2023, "2023-01-22", DayKind.Holiday, "Tết Nguyên Đán (mùng 1)")]
    [InlineData(2023, "2023-01-25", DayKind.Holiday, "Tết Nguyên Đán (mùng 4)")]
    public void Each_statutory_holiday_is_in_the_default(int year, string date, DayKind kind, string name)
    {
        ScheduleEntry? entry = Find(year, date);
        Assert.NotNull(entry);
        Assert.Equal(kind, entry.Kind);
        Assert.Equal(name, entry.Name);
    }

    [Theory]
    // 2023: Tết eve Sat 21/1 and mùng 1 Sun 22/1 → compensatory Thu 26/1 and Fri 27/1 (after mùng 2–4).
    [InlineData(2023, "2023-01-02")]
    [InlineData(2023, "2023-01-26")]
    [InlineData(2023, "2023-01-27")]
    // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → Tue 2/5 and Wed 3/5 (as officially announced).
    [InlineData(2023, "2023-05-02")]
    [InlineData(2023, "2023-05-03")]
    // 2023: 2/9 Sat, adjacent 1/9 Fri → Mon 4/9 (as officially announced).
    [InlineData(2023, "2023-09-04")]
    // 2026: Giỗ Tổ Sun 26/4 → Mon 27/4 (as officially announced).
    [InlineData(2026, "2026-04-27")]
    public void A_holiday_on_a_weekend_gives_the_next_working_day_off(int year, string date)
    {
        Assert.Equal(DayKind.Compensatory, Find(year, date)?.Kind);
    }

    [Fact]
    public void Compensatory_days_are_never_weekends_nor_holidays_and_every_weekend_holiday_has_one()
    {
        for (int year = 1900; year <= 2100; year++)
        {
            IReadOnlyList<ScheduleEntry> schedule = StatutoryHolidays.ComputeDefault(year);
            Assert.Equal(schedule.Count, schedule.Select(e => e.Date).Distinct().Count());
            var compensatory = schedule.Where(e => e.Kind == DayKind.Compensatory).ToList();
            Assert.All(compensatory, e => Assert.False(e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
            int weekendHolidays = schedule.Count(e => e.Kind == DayKind.Holiday && e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            Assert.Equal(weekendHolidays, compensatory.Count);
            Assert.All(schedule, e => Assert.Equal(year, e.Date.Year));
        }
    }

    [Theory]
    [InlineData(2024, "2024-09-03")] // Monday → 3/9 (as in 2024)
    [InlineData(2025, "2025-09-01")] // Tuesday → 1/9 (as in 2025)
    [InlineData(2026, "2026-09-01")] // Wednesday → 1/9 (as in 2026)
    [InlineData(2021, "2021-09-03")] // Thursday → 3/9 (as in 2021)
    [InlineData(2022, "2022-09-01")] // Friday → 1/9 (as in 2022)
    [InlineData(2023, "2023-09-01")] // Saturday → 1/9 (as in 2023)
    [InlineData(2029, "2029-09-03")] // Sunday → 3/9
    public void National_day_adjacent_day_joins_a_weekend(int year, string expected)
    {
        Assert.Equal("Quốc khánh (ngày liền kề)", Find(year, expected)?.Name);
    }

    [Theory]
    [InlineData(NationalDayAdjacentDay.Before, "2024-09-01")]
    [InlineData(NationalDayAdjacentDay.After, "2024-09-03")]
    public void National_day_adjacent_rule_is_configurable(NationalDayAdjacentDay rule, string expected)
    {
        Assert.Contains(StatutoryHolidays.ComputeDefault(2024, rule), e => e.Date == D(expected) && e.Name == "Quốc khánh (ngày liền kề)");
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Computed_Gio_To_matches_the_official_schedule(int year)
    {
        // Official notices omit weekend holidays but name them in the compensatory entry (29/4/2023, 26/4/2026).
        DateOnly computed = StatutoryHolidays.ComputeDefault(year).Single(e => e.Name == StatutoryHolidays.HungKingsName).Date;
        IReadOnlyList<ScheduleEntry> official = Official.EffectiveSchedule(year);
        string label = computed.Day.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + computed.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(
            official.Any(e => e.Date == computed && e.Kind == DayKind.Holiday)
            || official.Any(e => e.Kind == DayKind.Compensatory && e.Name.Contains("Giỗ Tổ Hùng Vương (" + label + " ", StringComparison.Ordinal)),
            $"Giỗ Tổ {computed} not in the official {year} schedule");
    }

    [Fact]
    public void Computed_2026_matches_the_official_statutory_holidays_on_weekdays()
    {
        // 2026 followed the Labour Code pattern (29 Chạp + mùng 1–4, Giỗ Tổ compensated on Monday) apart from the swaps.
        var official = Official.EffectiveSchedule(2026).Where(e => e.Kind is DayKind.Holiday or DayKind.Compensatory).Select(e => (e.Date, e.Kind));
        var computed = StatutoryHolidays.ComputeDefault(2026)
            .Where(e => e.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(e => (e.Date, e.Kind));
        Assert.Equal(official.OrderBy(x => x.Date), computed.OrderBy(x => x.Date));
    }

    [Fact]
    public void Out_of_range_years_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.ComputeDefault(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.ComputeDefault(2101));
    }
}
