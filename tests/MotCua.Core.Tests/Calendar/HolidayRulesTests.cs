using MotCua.Core.Calendar;
using MotCua.Core.Legal;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Calendar;

/// <summary>The holiday table as dated law: each row says which rule (and text) makes the date what it is.</summary>
public sealed class HolidayRulesTests
{
    public static TheoryData<string, DayKind?, string> ComputedDays => new()
    {
        // Labour Code 2019 Art. 112(1)(a): 1/1 is a holiday every year.
        { "2027-01-01", DayKind.Holiday, "Tết Dương lịch" },
        // Art. 112(1)(đ): 2/9 plus an adjacent day; 2/9/2027 is Thursday, so 3/9 joins the weekend.
        { "2027-09-03", DayKind.Holiday, "Quốc khánh (ngày liền kề)" },
        // Resolution 28/2026/QH16 is in force from 1/7/2026: 24/11/2025 is an ordinary Monday.
        { "2025-11-24", null, "" },
        // Before 2026 no year has a 24/11 holiday: 24/11/2024 (Sunday) gives no compensatory Monday 25/11.
        { "2024-11-25", null, "" },
        // Resolution 28/2026/QH16: 24/11/2026 (Tuesday) is the first Ngày Văn hóa Việt Nam off.
        { "2026-11-24", DayKind.Holiday, StatutoryHolidays.CultureDayName },
        // The 2026 swap (Monday 23/11 off, Saturday 28/11 worked) is unconfirmed [U]: not applied by default.
        { "2026-11-23", null, "" },
        { "2026-11-28", null, "" },
        // 24/11/2027 is a Wednesday, a holiday.
        { "2027-11-24", DayKind.Holiday, StatutoryHolidays.CultureDayName },
        // Art. 111(3): 24/11/2029 is a Saturday, so Monday 26/11/2029 is the compensatory day.
        { "2029-11-24", DayKind.Holiday, StatutoryHolidays.CultureDayName },
        { "2029-11-26", DayKind.Compensatory, "Nghỉ bù Ngày Văn hóa Việt Nam (24/11 trùng thứ Bảy)" },
        // Art. 111(3): 24/11/2030 is a Sunday, so Monday 25/11/2030 is off.
        { "2030-11-25", DayKind.Compensatory, "Nghỉ bù Ngày Văn hóa Việt Nam (24/11 trùng Chủ nhật)" },
    };

    [Theory]
    [MemberData(nameof(ComputedDays))]
    public void The_computed_schedule_follows_the_rule_in_force_on_each_date(string date, DayKind? kind, string name)
    {
        ScheduleEntry? entry = StatutoryHolidays.ComputeDefault(D(date).Year).SingleOrDefault(e => e.Date == D(date));
        Assert.Equal(kind, entry?.Kind);
        if (kind is not null)
        {
            Assert.Equal(name, entry!.Name);
        }
    }

    [Fact]
    public void Every_rule_names_a_registered_legal_source_in_force_when_it_starts()
    {
        Assert.All(StatutoryHolidays.Rules, rule =>
        {
            Assert.Contains(rule.Source, LegalSources.All);
            Assert.NotEqual(SourceCertainty.Unconfirmed, rule.Source.Certainty);
        });
        HolidayRule culture = StatutoryHolidays.Rules.Single(r => r.Name == StatutoryHolidays.CultureDayName);
        Assert.Same(LegalSources.Resolution28of2026, culture.Source);
        Assert.Equal(new DateOnly(2026, 7, 1), culture.ValidFrom);
        Assert.True(culture.Source.InForceOn(new DateOnly(2026, 11, 24)));
        Assert.Contains(LegalSources.Resolution80NQTW, LegalSources.All);
    }

    public static TheoryData<string, bool> OfficialDays => new()
    {
        // The shipped 2026 schedule lists 24/11 (Resolution 28/2026/QH16).
        { "2026-11-24", false },
        // Not the unconfirmed swap.
        { "2026-11-23", true },
        { "2026-11-28", false },
        // 2027 has no official schedule: 24/11/2027 is off by the rule.
        { "2027-11-24", false },
        // 2025 is official and 24/11/2025 is an ordinary Monday.
        { "2025-11-24", true },
    };

    [Theory]
    [MemberData(nameof(OfficialDays))]
    public void The_shipped_calendar_has_24_November_from_2026(string date, bool working)
    {
        Assert.Equal(working, Official.IsWorkingDay(D(date)));
    }

    [Fact]
    public void A_holiday_enacted_after_an_official_notice_is_merged_into_that_year()
    {
        // A 2026 notice issued before Resolution 28/2026/QH16: the swaps and Tết, no 24/11.
        IReadOnlyList<ScheduleEntry> notice = [.. Official.EffectiveSchedule(2026).Where(e => e.Date != D("2026-11-24"))];
        var calendar = new WorkingCalendar(new Dictionary<int, IReadOnlyList<ScheduleEntry>> { [2026] = notice });
        Assert.False(calendar.IsWorkingDay(D("2026-11-24")));
        Assert.Equal(StatutoryHolidays.CultureDayName, calendar.EntryFor(D("2026-11-24"))?.Name);
        // The notice's own days stay as announced (the swapped Friday 2/1 and make-up Saturday 10/1).
        Assert.False(calendar.IsWorkingDay(D("2026-01-02")));
        Assert.True(calendar.IsWorkingDay(D("2026-01-10")));
    }

    [Fact]
    public void A_merged_weekend_holiday_gets_its_compensatory_day_unless_the_notice_gave_one()
    {
        // 2029: 24/11 is a Saturday; a notice lacking it gets Monday 26/11 off.
        var calendar = new WorkingCalendar(new Dictionary<int, IReadOnlyList<ScheduleEntry>> { [2029] = [new(D("2029-01-01"), DayKind.Holiday, "Tết Dương lịch")] });
        Assert.Equal(DayKind.Compensatory, calendar.EntryFor(D("2029-11-26"))?.Kind);
        // 2023: 1/1 was a Sunday and the notice gave Monday 2/1: nothing is added.
        Assert.Equal(11, Official.EffectiveSchedule(2023).Count);
    }

    [Fact]
    public void Only_loaded_years_are_confirmed()
    {
        Assert.True(Official.IsConfirmed(2026));
        Assert.False(Official.IsConfirmed(2027));
        Assert.False(WorkingCalendar.ComputedDefault.IsConfirmed(2026));
        Assert.False(Official.IsConfirmed(1800));
    }
}
