using MotCua.Core.Calendar;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2024-04-29", false)] // swapped off Monday
    [InlineData("2024-05-04", true)]  // make-up Saturday
    [InlineData("2024-05-05", false)] // ordinary Sunday
    [InlineData("2024-05-02", true)]
    [InlineData("2024-02-14", false)] // Tết mùng 5 (official 2024)
    [InlineData("2024-02-15", true)]
    [InlineData("2025-04-26", true)]  // make-up Saturday
    [InlineData("2025-05-02", false)] // swapped off Friday
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-10", true)]
    [InlineData("2026-08-22", true)]
    [InlineData("2026-08-31", false)]
    [InlineData("2023-01-02", false)] // compensatory for 1/1 (Sunday)
    [InlineData("2023-01-27", true)]  // the official 2023 schedule replaces the computed default (which had 27/1 off)
    [InlineData("2027-02-08", false)] // computed default beyond the official years: Tết 2027 mùng 3
    public void Working_days_follow_the_official_schedule(string date, bool working)
    {
        Assert.Equal(working, Official.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Official_years_replace_the_default_and_other_years_use_it()
    {
        Assert.Equal(11, Official.EffectiveSchedule(2023).Count);
        Assert.Equal(StatutoryHolidays.ComputeDefault(2027), Official.EffectiveSchedule(2027));
        Assert.Equal("Làm bù cho thứ Hai 29/4/2024", Official.EntryFor(D("2024-05-04"))?.Name);
        Assert.Null(Official.EntryFor(D("2024-05-05")));
    }

    [Fact]
    public void FromJson_reads_every_entry_of_the_shipped_file()
    {
        IReadOnlyDictionary<int, IReadOnlyList<ScheduleEntry>> schedules = WorkingCalendar.ParseSchedules(File.ReadAllText(JsonPath));
        Assert.Equal([2023, 2024, 2025, 2026], schedules.Keys.Order());
        Assert.Equal(53, schedules.Values.Sum(s => s.Count));
        Assert.Equal(4, schedules.Values.SelectMany(s => s).Count(e => e.Kind == DayKind.MakeUpWorkingDay));
        Assert.Equal(4, schedules.Values.SelectMany(s => s).Count(e => e.Kind == DayKind.SwappedOff));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"years": {"2023": [{"date": "2023-01-02", "kind": "weekend", "name": "x"}]}}""")]
    [InlineData("""{"years": {"2023": [{"date": "02/01/2023", "kind": "holiday", "name": "x"}]}}""")]
    public void FromJson_rejects_other_shapes(string json)
    {
        Assert.Throws<FormatException>(() => WorkingCalendar.FromJson(json));
    }

    [Fact]
    public void Entries_must_belong_to_their_year_and_be_unique()
    {
        var wrongYear = new Dictionary<int, IReadOnlyList<ScheduleEntry>> { [2023] = [new(D("2022-12-31"), DayKind.Holiday, "x")] };
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(wrongYear));
        var duplicate = new Dictionary<int, IReadOnlyList<ScheduleEntry>>
        {
            [2023] = [new(D("2023-01-02"), DayKind.Holiday, "x"), new(D("2023-01-02"), DayKind.Compensatory, "y")],
        };
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(duplicate));
    }

    [Theory]
    // Worked example of calendar.md: 5 WD after Thu 25/4/2024 lands on Mon 6/5/2024 thanks to Sat 4/5.
    [InlineData("2024-04-25", 5, "2024-05-06")]
    [InlineData("2024-04-25", 1, "2024-04-26")]
    [InlineData("2024-04-26", 2, "2024-05-03")]
    [InlineData("2024-05-06", -1, "2024-05-04")]
    [InlineData("2024-05-04", -1, "2024-05-03")]
    [InlineData("2024-05-05", 0, "2024-05-05")]
    [InlineData("2024-02-07", 1, "2024-02-15")] // across Tết 2024
    [InlineData("2099-12-30", 1, "2099-12-31")]
    public void AddWorkingDays_skips_days_off_and_counts_make_up_days(string from, int n, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(from), n));
        if (n != 0)
        {
            Assert.Equal(n, Official.WorkingDaysBetween(D(from), D(expected)));
        }
    }

    [Fact]
    public void WorkingDaysBetween_is_the_inverse_of_AddWorkingDays_everywhere()
    {
        var random = new Random(20240425);
        for (int i = 0; i < 5000; i++)
        {
            DateOnly from = WorkingCalendar.MinDate.AddDays(random.Next(0, 73000));
            int n = random.Next(1, 400);
            DateOnly to = Official.AddWorkingDays(from, n);
            Assert.Equal(n, Official.WorkingDaysBetween(from, to));
            Assert.Equal(-n, Official.WorkingDaysBetween(to, from));
            Assert.True(Official.IsWorkingDay(to));
        }
    }

    [Fact]
    public void Out_of_range_dates_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.IsWorkingDay(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(new DateOnly(2100, 12, 30), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.EffectiveSchedule(2101));
    }
}
