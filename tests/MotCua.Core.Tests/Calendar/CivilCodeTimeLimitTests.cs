using MotCua.Core.Calendar;
using MotCua.Core.Legal;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Calendar;

/// <summary>Time limits as Civil Code Art. 147–148 count them; each row states the legal reasoning.</summary>
public sealed class CivilCodeTimeLimitTests
{
    // The rule applied to every receipt since the Civil Code took effect, so the rows do not depend on the product's switch date.
    private static readonly TimeLimitRule Law = new(new DateOnly(2017, 1, 1));
    private static readonly DeadlineCalculator Calc = new(Official, OfficeHours.Default, Law);

    public static TheoryData<string, decimal, TimeUnit, string, string> Rows => new()
    {
        {
            "2026-12-18T16:30:00+07:00", 3m, TimeUnit.WorkingDays, "2026-12-23T17:00:00+07:00",
            "Art. 147: Friday, the day of receipt, is not counted; Mon 21, Tue 22, Wed 23 are the three days; Art. 148: the limit ends when Wednesday's office hours end, not at 16:30"
        },
        {
            "2026-12-21T07:00:00+07:00", 1m, TimeUnit.WorkingDays, "2026-12-22T17:00:00+07:00",
            "received at opening: the receipt day is still not counted, the one day is Tuesday, ending at its close"
        },
        {
            "2026-12-21T06:30:00+07:00", 1m, TimeUnit.WorkingDays, "2026-12-22T17:00:00+07:00",
            "received before opening: the event happened on Monday, so Monday is not counted"
        },
        {
            "2026-12-18T18:30:00+07:00", 2m, TimeUnit.WorkingDays, "2026-12-22T17:00:00+07:00",
            "received after closing on Friday: Friday is the day of the event, not counted; Monday and Tuesday count"
        },
        {
            "2026-12-19T10:00:00+07:00", 2m, TimeUnit.WorkingDays, "2026-12-22T17:00:00+07:00",
            "received on Saturday: Saturday is not counted and Sunday is no working day; Monday and Tuesday count"
        },
        {
            "2026-12-17T16:00:00+07:00", 4m, TimeUnit.WorkingHours, "2026-12-18T10:00:00+07:00",
            "Art. 147(1): a limit in hours runs from the moment itself; working hours are counted inside office hours: 16:00–17:00, then 07:00–10:00"
        },
        {
            "2026-12-18T15:00:00+07:00", 0.5m, TimeUnit.WorkingDays, "2026-12-21T09:00:00+07:00",
            "half a working day is four working hours and keeps hour precision: 15:00–17:00 Friday, 07:00–09:00 Monday"
        },
        {
            "2026-12-15T10:00:00+07:00", 4m, TimeUnit.CalendarDays, "2026-12-21T17:00:00+07:00",
            "four days counted from Wed 16 end on Saturday 19; Art. 148(2): a limit ending on a day off ends at the end of the next working day, Monday"
        },
        {
            "2026-12-14T09:00:00+07:00", 5m, TimeUnit.WorkingDays, "2026-12-21T17:00:00+07:00",
            "Tue 15 to Fri 18 are four days and the weekend is skipped, so the fifth is Monday 21, ending at its close"
        },
        {
            "2025-01-24T16:00:00+07:00", 1m, TimeUnit.WorkingDays, "2025-02-03T17:00:00+07:00",
            "received on the last day before Tết 2025 (27/1–31/1 off): the one day counted is the first working day after it"
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Due_instant_follows_the_civil_code(string received, decimal value, TimeUnit unit, string expected, string reasoning)
    {
        Assert.False(string.IsNullOrWhiteSpace(reasoning));
        DateTimeOffset due = Calc.ComputeDue(T(received), new ProcessingTime(value, unit));
        Assert.Equal(T(expected), due);
        Assert.Equal(T(expected), Calc.ComputeDueWithPauses(T(received), new ProcessingTime(value, unit)).DueAt);
    }

    // A switch date after every row: each receipt is counted by the clock-position rule, capped by the law.
    private static readonly DeadlineCalculator Before = new(Official, OfficeHours.Default, new TimeLimitRule(new DateOnly(2027, 1, 1)));

    public static TheoryData<string, decimal, TimeUnit, string, string> RowsBeforeTheSwitch => new()
    {
        {
            "2026-12-06T20:00:00+07:00", 10m, TimeUnit.WorkingDays, "2026-12-18T17:00:00+07:00",
            "received on Sunday evening: the start moves to Monday 07:00 and keeping it would end Monday 21/12 07:00, but Sunday is the day of the event, Mon 7 to Fri 18 are the ten days, so the law ends the limit at Friday's close"
        },
        {
            "2026-12-07T01:50:00+07:00", 10m, TimeUnit.WorkingDays, "2026-12-21T07:00:00+07:00",
            "received on Monday before opening: the law's last day is Monday 21/12 (Monday 7 not counted); the clock position, 07:00 that day, is stricter and stays"
        },
        {
            "2026-12-05T10:00:00+07:00", 3m, TimeUnit.WorkingDays, "2026-12-09T17:00:00+07:00",
            "received on Saturday: the old rule gave Thursday 07:00; the law counts Mon 7, Tue 8, Wed 9 and ends at Wednesday's close"
        },
        {
            "2026-12-04T16:30:00+07:00", 3m, TimeUnit.WorkingDays, "2026-12-09T16:30:00+07:00",
            "received Friday in office hours: the receipt's clock time on the third working day is before the law's Wednesday close and stays"
        },
        {
            "2026-12-05T10:00:00+07:00", 3m, TimeUnit.CalendarDays, "2026-12-08T17:00:00+07:00",
            "three calendar days from a Saturday: the old rule started on Monday and ended Thursday 07:00; the law counts Sun 6, Mon 7, Tue 8"
        },
        {
            "2026-12-09T09:00:00+07:00", 3m, TimeUnit.CalendarDays, "2026-12-14T09:00:00+07:00",
            "three calendar days from Wednesday end on Saturday, moved to Monday at the receipt's clock time, before the law's Monday close"
        },
    };

    [Theory]
    [MemberData(nameof(RowsBeforeTheSwitch))]
    public void Before_the_switch_date_no_limit_ends_after_the_legal_last_day(string received, decimal value, TimeUnit unit, string expected, string reasoning)
    {
        Assert.False(string.IsNullOrWhiteSpace(reasoning));
        Assert.False(Before.CountsByCivilCode(T(received), new ProcessingTime(value, unit)));
        Assert.Equal(T(expected), Before.ComputeDue(T(received), new ProcessingTime(value, unit)));
        Assert.Equal(T(expected), Before.ComputeDueWithPauses(T(received), new ProcessingTime(value, unit)).DueAt);
        Assert.True(Before.ComputeDue(T(received), new ProcessingTime(value, unit)) <= Calc.ComputeDue(T(received), new ProcessingTime(value, unit)));
    }

    [Fact]
    public void Before_the_switch_date_a_pause_still_moves_a_capped_limit()
    {
        // Sunday evening + 10 WD ends Friday 18/12 17:00 by the law; one working day paused moves it to Monday's close.
        var options = new DeadlineOptions
        {
            Pauses = [new Pause(T("2026-12-08T09:00:00+07:00"), T("2026-12-09T09:00:00+07:00"), PauseReason.AwaitingSupplement)],
        };

        Assert.Equal(T("2026-12-21T17:00:00+07:00"), Before.ComputeDue(T("2026-12-06T20:00:00+07:00"), ProcessingTime.WorkingDays(10), options));
    }

    [Fact]
    public void Receipt_the_day_before_Culture_Day_skips_it_when_the_calendar_has_it_off()
    {
        // 24/11/2026 (Vietnam Culture Day) off in an explicit calendar: received Monday 23/11, 1 working day. Monday is
        // not counted, Tuesday is a holiday, so the day counted is Wednesday 25/11, ending at its close.
        var entries = Official.EffectiveSchedule(2026).ToList();
        if (Official.EntryFor(D("2026-11-24")) is null)
        {
            entries.Add(new ScheduleEntry(D("2026-11-24"), DayKind.Holiday, "Ngày Văn hóa Việt Nam"));
        }

        var calendar = new WorkingCalendar(new Dictionary<int, IReadOnlyList<ScheduleEntry>> { [2026] = entries });
        var calc = new DeadlineCalculator(calendar, OfficeHours.Default, Law);

        Assert.Equal(T("2026-11-25T17:00:00+07:00"), calc.ComputeDue(T("2026-11-23T09:00:00+07:00"), ProcessingTime.WorkingDays(1)));
    }

    [Fact]
    public void Dossiers_received_before_the_switch_date_keep_the_clock_position_rule()
    {
        var calc = new DeadlineCalculator(Official, OfficeHours.Default, new TimeLimitRule(D("2026-12-15")));

        // Received the day before the switch: the old rule, the receipt's clock time on the third working day.
        Assert.Equal(T("2026-12-17T16:30:00+07:00"), calc.ComputeDue(T("2026-12-14T16:30:00+07:00"), ProcessingTime.WorkingDays(3)));
        Assert.False(calc.CountsByCivilCode(T("2026-12-14T16:30:00+07:00"), ProcessingTime.WorkingDays(3)));

        // Received on the switch date: the Civil Code.
        Assert.Equal(T("2026-12-18T17:00:00+07:00"), calc.ComputeDue(T("2026-12-15T16:30:00+07:00"), ProcessingTime.WorkingDays(3)));
        Assert.True(calc.CountsByCivilCode(T("2026-12-15T16:30:00+07:00"), ProcessingTime.WorkingDays(3)));
    }

    [Fact]
    public void The_appointment_is_never_later_than_the_legal_last_day()
    {
        // Every half hour of two weeks spanning weekends, limits of 1 to 10 working days: the due instant is the close
        // of the N-th working day after the receipt date, never a later date (a Saturday receipt once got Thursday 07:00).
        DateTimeOffset from = T("2026-12-14T00:00:00+07:00");
        for (int step = 0; step < 14 * 48; step++)
        {
            DateTimeOffset received = from.AddMinutes(30 * step);
            DateOnly receivedOn = DateOnly.FromDateTime(received.DateTime);
            for (int n = 1; n <= 10; n++)
            {
                DateOnly lastDay = Official.AddWorkingDays(receivedOn, n);
                DateTimeOffset due = Calc.ComputeDue(received, ProcessingTime.WorkingDays(n));
                Assert.Equal(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(17, 0)), DeadlineCalculator.VietnamOffset), due);
            }
        }
    }

    [Fact]
    public void A_closed_pause_moves_the_due_instant_by_the_working_time_paused()
    {
        // Received Friday 16:30, 3 working days (due Wed 23/12 17:00); the clock stopped Mon 09:00 to Tue 09:00, one
        // working day, so the limit ends at the close of Thursday 24/12.
        var options = new DeadlineOptions
        {
            Pauses = [new Pause(T("2026-12-21T09:00:00+07:00"), T("2026-12-22T09:00:00+07:00"), PauseReason.AwaitingSupplement)],
        };

        Assert.Equal(T("2026-12-24T17:00:00+07:00"), Calc.ComputeDue(T("2026-12-18T16:30:00+07:00"), ProcessingTime.WorkingDays(3), options));
    }

    [Theory]
    [InlineData("2026-12-23T16:59:00+07:00", ResolutionTimeliness.OnTime)] // on the last day, before its close
    [InlineData("2026-12-23T17:00:00+07:00", ResolutionTimeliness.OnTime)] // at the close itself
    [InlineData("2026-12-23T17:01:00+07:00", ResolutionTimeliness.Late)] // the limit has ended
    [InlineData("2026-12-22T16:00:00+07:00", ResolutionTimeliness.Early)] // a day before the last day
    public void Classification_compares_with_the_close_of_the_last_day(string finished, ResolutionTimeliness expected)
    {
        DateTimeOffset due = Calc.ComputeDue(T("2026-12-18T16:30:00+07:00"), ProcessingTime.WorkingDays(3));
        Assert.Equal(expected, DeadlineCalculator.ClassifyResolved(T(finished), due));
    }

    [Fact]
    public void Pending_dossier_is_not_overdue_until_the_close_of_the_last_day()
    {
        DateTimeOffset due = Calc.ComputeDue(T("2026-12-18T16:30:00+07:00"), ProcessingTime.WorkingDays(3));
        Assert.Equal(PendingTimeliness.DueSoon, Calc.ClassifyPending(T("2026-12-23T16:45:00+07:00"), due).Status);
        Assert.Equal(PendingTimeliness.Overdue, Calc.ClassifyPending(T("2026-12-23T17:15:00+07:00"), due).Status);
    }

    [Fact]
    public void Explanation_says_the_receipt_day_is_not_counted_and_the_limit_ends_at_the_close()
    {
        IReadOnlyList<ExplanationLine> lines = Calc.Explain(T("2026-12-18T16:30:00+07:00"), ProcessingTime.WorkingDays(3));

        ExplanationLine notCounted = Assert.Single(lines, l => l.Kind == ExplanationKind.ReceiptDayNotCounted);
        Assert.Equal(D("2026-12-18"), notCounted.Date);
        Assert.Equal([D("2026-12-21"), D("2026-12-22"), D("2026-12-23")], lines.Where(l => l.Kind == ExplanationKind.Counted).Select(l => l.Date));
        ExplanationLine due = Assert.Single(lines, l => l.Kind == ExplanationKind.Due);
        Assert.Equal(D("2026-12-23"), due.Date);
        Assert.StartsWith("Hạn trả kết quả lúc 17:00", due.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_step_plans_add_working_time_to_their_start()
    {
        // Steps are the office's own plan, not legal limits: two steps of one day from Friday 16:30 end Tuesday 16:30.
        IReadOnlyList<StepDeadline> steps = Calc.SplitSteps(T("2026-12-18T16:30:00+07:00"), [ProcessingTime.WorkingDays(1), ProcessingTime.WorkingDays(1)]);
        Assert.Equal(T("2026-12-21T16:30:00+07:00"), steps[0].DueAt);
        Assert.Equal(T("2026-12-22T16:30:00+07:00"), steps[1].DueAt);
    }

    [Fact]
    public void The_rule_names_its_legal_source()
    {
        Assert.Same(LegalSources.CivilCode2015, TimeLimitRule.Source);
        Assert.Contains(LegalSources.CivilCode2015, LegalSources.All);
    }
}
