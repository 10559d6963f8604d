using MotCua.Core.Calendar;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Calendar;

public sealed class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Calc = Calculator;

    [Theory]
    [InlineData("2024-04-25T09:00:00+07:00", "2024-04-25T09:00:00+07:00")] // in office hours
    [InlineData("2024-04-25T12:00:00+07:00", "2024-04-25T13:30:00+07:00")] // lunch
    [InlineData("2024-04-25T11:30:00+07:00", "2024-04-25T13:30:00+07:00")] // morning period has ended
    [InlineData("2024-04-25T06:00:00+07:00", "2024-04-25T07:00:00+07:00")] // before opening
    [InlineData("2024-04-25T17:00:00+07:00", "2024-04-26T07:00:00+07:00")] // at closing
    [InlineData("2024-04-26T18:00:00+07:00", "2024-05-02T07:00:00+07:00")] // Friday evening before 27/4–1/5
    [InlineData("2024-05-04T10:00:00+07:00", "2024-05-04T10:00:00+07:00")] // make-up Saturday is a working day
    [InlineData("2024-05-05T10:00:00+07:00", "2024-05-06T07:00:00+07:00")] // Sunday
    [InlineData("2024-02-10T10:00:00+07:00", "2024-02-15T07:00:00+07:00")] // Tết
    [InlineData("2024-04-25T02:00:00+00:00", "2024-04-25T09:00:00+07:00")] // UTC input
    [InlineData("2024-04-24T23:30:00+00:00", "2024-04-25T07:00:00+07:00")] // UTC evening = local early morning
    public void Start_moves_receipts_outside_office_hours_to_the_next_working_period(string received, string expected)
    {
        DateTimeOffset start = Calc.Start(T(received));
        Assert.Equal(T(expected), start);
        Assert.Equal(TimeSpan.FromHours(7), start.Offset);
    }

    [Theory]
    [InlineData("2024-04-25T15:30:00+07:00", "2024-04-26T07:00:00+07:00")]
    [InlineData("2024-04-25T15:00:00+07:00", "2024-04-25T15:00:00+07:00")] // at the cut-off is not after it
    [InlineData("2024-05-04T15:30:00+07:00", "2024-05-06T07:00:00+07:00")] // make-up Saturday too
    [InlineData("2024-04-27T09:00:00+07:00", "2024-05-02T07:00:00+07:00")] // day off: unaffected by the cut-off
    public void Cutoff_moves_late_receipts_to_the_next_working_day(string received, string expected)
    {
        Assert.Equal(T(expected), Calc.Start(T(received), applyCutoff: true));
    }

    public static TheoryData<string, decimal, TimeUnit, string> DueCases => new()
    {
        // calendar.md worked example: the swapped Saturday 4/5/2024 is working day 4.
        { "2024-04-25T09:00:00+07:00", 5m, TimeUnit.WorkingDays, "2024-05-06T09:00:00+07:00" },
        // The API example.
        { "2025-03-10T09:00:00+07:00", 5m, TimeUnit.WorkingDays, "2025-03-17T09:00:00+07:00" },
        // Whole days keep the clock position: 07:00 + 1 WD is the next working day 07:00.
        { "2024-05-06T07:00:00+07:00", 1m, TimeUnit.WorkingDays, "2024-05-07T07:00:00+07:00" },
        // Lunch receipt starts 13:30.
        { "2024-05-06T12:00:00+07:00", 1m, TimeUnit.WorkingDays, "2024-05-07T13:30:00+07:00" },
        // Across Tết 2024 (8/2–14/2 off).
        { "2024-02-07T10:00:00+07:00", 3m, TimeUnit.WorkingDays, "2024-02-19T10:00:00+07:00" },
        // Across Tết 2025 (27/1–31/1 off) and the swapped 2/1/2026.
        { "2025-01-24T16:00:00+07:00", 1m, TimeUnit.WorkingDays, "2025-02-03T16:00:00+07:00" },
        { "2025-12-31T10:00:00+07:00", 2m, TimeUnit.WorkingDays, "2026-01-06T10:00:00+07:00" },
        // Half a day = 4 working hours: 09:00–11:30 + 13:30–15:00.
        { "2024-05-06T09:00:00+07:00", 0.5m, TimeUnit.WorkingDays, "2024-05-06T15:00:00+07:00" },
        { "2024-05-06T09:00:00+07:00", 1.5m, TimeUnit.WorkingDays, "2024-05-07T15:00:00+07:00" },
        // Hours that exhaust a period end at that period's end.
        { "2024-05-06T07:00:00+07:00", 8m, TimeUnit.WorkingHours, "2024-05-06T17:00:00+07:00" },
        { "2024-05-06T07:00:00+07:00", 4.5m, TimeUnit.WorkingHours, "2024-05-06T11:30:00+07:00" },
        // Hours run into the make-up Saturday.
        { "2024-05-03T15:00:00+07:00", 5m, TimeUnit.WorkingHours, "2024-05-04T10:00:00+07:00" },
        { "2024-05-06T16:30:00+07:00", 1m, TimeUnit.WorkingHours, "2024-05-07T07:30:00+07:00" },
        // Calendar days count days off but may not end on one.
        { "2024-04-25T09:00:00+07:00", 10m, TimeUnit.CalendarDays, "2024-05-06T09:00:00+07:00" },
        { "2024-04-26T09:00:00+07:00", 3m, TimeUnit.CalendarDays, "2024-05-02T09:00:00+07:00" },
        { "2024-04-22T09:00:00+07:00", 2m, TimeUnit.CalendarDays, "2024-04-24T09:00:00+07:00" },
        { "2024-05-02T09:00:00+07:00", 0m, TimeUnit.WorkingDays, "2024-05-02T09:00:00+07:00" },
    };

    [Theory]
    [MemberData(nameof(DueCases))]
    public void ComputeDue(string received, decimal value, TimeUnit unit, string expected)
    {
        DateTimeOffset due = Calc.ComputeDue(T(received), new ProcessingTime(value, unit));
        Assert.Equal(T(expected), due);
        Assert.Equal(TimeSpan.FromHours(7), due.Offset);
    }

    [Fact]
    public void Worked_example_with_cutoff_ends_at_the_close_of_the_legal_last_day()
    {
        // The cut-off moves the start to Friday 26/4 07:00; keeping that clock position would end on Tuesday 7/5 07:00,
        // after the legal last day (Thursday not counted; Fri 26/4, Thu 2/5, Fri 3/5, Sat 4/5, Mon 6/5), so the limit
        // ends when Monday's office hours end.
        var options = new DeadlineOptions { ApplyCutoff = true };
        Assert.Equal(T("2024-05-06T17:00:00+07:00"), Calc.ComputeDue(T("2024-04-25T15:30:00+07:00"), ProcessingTime.WorkingDays(5), options));
        Assert.Equal(T("2024-05-06T15:00:00+07:00"), Calc.ComputeDue(T("2024-04-25T15:00:00+07:00"), ProcessingTime.WorkingDays(5), options));
    }

    [Fact]
    public void Ignoring_the_make_up_Saturday_would_be_a_day_late()
    {
        // A calendar with 29/4 off but without the make-up Saturday (the TH-impl behaviour) gives Tue 7/5.
        var schedules = WorkingCalendar.ParseSchedules(File.ReadAllText(JsonPath)).ToDictionary(kv => kv.Key, kv => kv.Value);
        schedules[2024] = [.. schedules[2024].Where(e => e.Kind != DayKind.MakeUpWorkingDay)];
        var withoutSaturday = new DeadlineCalculator(new WorkingCalendar(schedules), OfficeHours.Default);
        Assert.Equal(T("2024-05-07T09:00:00+07:00"), withoutSaturday.ComputeDue(T("2024-04-25T09:00:00+07:00"), ProcessingTime.WorkingDays(5)));
    }

    [Fact]
    public void Negative_or_fractional_calendar_days_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calc.ComputeDue(T("2024-05-06T09:00:00+07:00"), ProcessingTime.WorkingDays(-1)));
        Assert.Throws<ArgumentException>(() => Calc.ComputeDue(T("2024-05-06T09:00:00+07:00"), new ProcessingTime(1.5m, TimeUnit.CalendarDays)));
    }

    [Fact]
    public void Office_hours_must_be_ordered()
    {
        Assert.Equal(TimeSpan.FromHours(8), OfficeHours.Default.WorkingDayLength);
        Assert.Throws<ArgumentException>(() => new OfficeHours(new TimeOnly(11, 30), new TimeOnly(7, 0), new TimeOnly(13, 30), new TimeOnly(17, 0)));
        Assert.Throws<ArgumentException>(() => new OfficeHours(new TimeOnly(7, 0), new TimeOnly(14, 0), new TimeOnly(13, 30), new TimeOnly(17, 0)));
    }

    [Fact]
    public void Kon_Tum_office_hours_shift_the_periods()
    {
        var konTum = new DeadlineCalculator(Official, new OfficeHours(new TimeOnly(7, 0), new TimeOnly(11, 0), new TimeOnly(13, 0), new TimeOnly(17, 0)));
        Assert.Equal(T("2024-05-06T15:00:00+07:00"), konTum.ComputeDue(T("2024-05-06T09:00:00+07:00"), ProcessingTime.WorkingHours(4)));
        Assert.Equal(T("2024-05-06T13:00:00+07:00"), konTum.Start(T("2024-05-06T12:00:00+07:00")));
    }

    // ---------------------------------------------------------------- pauses

    private static readonly DateTimeOffset TetReceipt = T("2024-02-05T09:00:00+07:00");

    [Fact]
    public void A_pause_spanning_Tet_costs_only_its_working_time()
    {
        // Without a pause: 6/2 (1), 7/2 (2), 15/2 (3), 16/2 (4), 19/2 (5) → 19/2 09:00.
        Assert.Equal(T("2024-02-19T09:00:00+07:00"), Calc.ComputeDue(TetReceipt, ProcessingTime.WorkingDays(5)));

        // Paused 7/2 09:00 → 15/2 09:00 = 6 h on 7/2 + 2 h on 15/2 = one working day; Tết inside costs nothing.
        var options = new DeadlineOptions { Pauses = [new Pause(T("2024-02-07T09:00:00+07:00"), T("2024-02-15T09:00:00+07:00"), PauseReason.AwaitingSupplement)] };
        DueResult result = Calc.ComputeDueWithPauses(TetReceipt, ProcessingTime.WorkingDays(5), options);
        Assert.Equal(T("2024-02-20T09:00:00+07:00"), result.DueAt);
        Assert.Equal(TimeSpan.FromHours(8), result.PausedTime);
        Assert.False(result.IsPaused);
        Assert.Equal(result.DueAt, Calc.ComputeDue(TetReceipt, ProcessingTime.WorkingDays(5), options));
    }

    [Fact]
    public void Overlapping_pauses_are_counted_once_and_pauses_before_the_start_are_ignored()
    {
        var options = new DeadlineOptions
        {
            Pauses =
            [
                new Pause(T("2024-02-08T08:00:00+07:00"), T("2024-02-15T08:00:00+07:00"), PauseReason.AwaitingFinancialObligation),
                new Pause(T("2024-02-07T09:00:00+07:00"), T("2024-02-15T09:00:00+07:00"), PauseReason.AwaitingSupplement),
                new Pause(T("2024-02-07T10:00:00+07:00"), T("2024-02-07T11:00:00+07:00"), PauseReason.Suspended),
                new Pause(T("2024-02-01T09:00:00+07:00"), T("2024-02-05T08:00:00+07:00"), PauseReason.Suspended),
            ],
        };
        DueResult result = Calc.ComputeDueWithPauses(TetReceipt, ProcessingTime.WorkingDays(5), options);
        Assert.Equal(T("2024-02-20T09:00:00+07:00"), result.DueAt);
        Assert.Equal(TimeSpan.FromHours(8), result.PausedTime);
    }

    [Fact]
    public void An_open_pause_leaves_no_due_instant()
    {
        var options = new DeadlineOptions { Pauses = [new Pause(T("2024-02-07T09:00:00+07:00"), null, PauseReason.AwaitingSupplement)] };
        DueResult result = Calc.ComputeDueWithPauses(TetReceipt, ProcessingTime.WorkingDays(5), options);
        Assert.Null(result.DueAt);
        Assert.True(result.IsPaused);
        Assert.Equal(T("2024-02-07T09:00:00+07:00"), result.PausedSince);
        Assert.Equal(TimeSpan.FromHours(24), result.RemainingWhenPaused); // 5/2 09:00 → 7/2 09:00 used 16 h of 40 h
        Assert.Throws<InvalidOperationException>(() => Calc.ComputeDue(TetReceipt, ProcessingTime.WorkingDays(5), options));
    }

    [Fact]
    public void An_open_pause_after_the_due_instant_keeps_it()
    {
        var options = new DeadlineOptions { Pauses = [new Pause(T("2024-02-20T09:00:00+07:00"), null, PauseReason.Suspended)] };
        DueResult result = Calc.ComputeDueWithPauses(TetReceipt, ProcessingTime.WorkingDays(5), options);
        Assert.Equal(T("2024-02-19T09:00:00+07:00"), result.DueAt);
        Assert.True(result.IsPaused);
    }

    [Fact]
    public void A_pause_ending_before_it_starts_is_rejected()
    {
        var options = new DeadlineOptions { Pauses = [new Pause(T("2024-02-07T09:00:00+07:00"), T("2024-02-06T09:00:00+07:00"), PauseReason.Suspended)] };
        Assert.Throws<ArgumentException>(() => Calc.ComputeDueWithPauses(TetReceipt, ProcessingTime.WorkingDays(5), options));
    }

    // ---------------------------------------------------------------- durations and classification

    [Theory]
    [InlineData("2024-04-25T09:00:00+07:00", "2024-05-06T09:00:00+07:00", 40.0)]
    [InlineData("2024-05-06T09:00:00+07:00", "2024-04-25T09:00:00+07:00", -40.0)]
    [InlineData("2024-05-06T11:00:00+07:00", "2024-05-06T14:00:00+07:00", 1.0)]
    [InlineData("2024-04-27T00:00:00+07:00", "2024-05-01T23:59:00+07:00", 0.0)]
    public void WorkingTimeBetween_counts_only_office_hours(string from, string to, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Calc.WorkingTimeBetween(T(from), T(to)));
    }

    [Theory]
    [InlineData(2, 3, 15, "2 ngày 3 giờ 15 phút")]
    [InlineData(0, 0, 0, "0 phút")]
    [InlineData(1, 0, 5, "1 ngày 5 phút")]
    [InlineData(0, 7, 0, "7 giờ")]
    public void WorkingDuration_reads_in_Vietnamese(int days, int hours, int minutes, string expected)
    {
        Assert.Equal(expected, new WorkingDuration(days, hours, minutes).ToString());
    }

    [Fact]
    public void WorkingDuration_splits_into_8_hour_days()
    {
        Assert.Equal(new WorkingDuration(2, 3, 15), WorkingDuration.From(new TimeSpan(19, 15, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDuration.From(TimeSpan.FromHours(-1)));
    }

    [Theory]
    [InlineData("2024-05-06T08:00:00+07:00", ResolutionTimeliness.OnTime)]
    [InlineData("2024-05-06T09:00:00+07:00", ResolutionTimeliness.OnTime)]
    [InlineData("2024-05-05T20:00:00+00:00", ResolutionTimeliness.OnTime)] // 03:00 on 6/5 in Vietnam
    [InlineData("2024-05-03T16:00:00+07:00", ResolutionTimeliness.Early)]
    [InlineData("2024-05-05T16:00:00+00:00", ResolutionTimeliness.Early)] // 23:00 on 5/5 in Vietnam
    [InlineData("2024-05-06T09:01:00+07:00", ResolutionTimeliness.Late)]
    public void Resolved_dossiers_are_early_on_time_or_late(string finished, ResolutionTimeliness expected)
    {
        Assert.Equal(expected, DeadlineCalculator.ClassifyResolved(T(finished), T("2024-05-06T09:00:00+07:00")));
    }

    [Theory]
    [InlineData("2024-05-03T09:00:00+07:00", PendingTimeliness.WithinTime, "2 ngày")] // 6 h Fri + 8 h Sat (make-up) + 2 h Mon
    [InlineData("2024-05-04T09:00:00+07:00", PendingTimeliness.DueSoon, "1 ngày")]
    [InlineData("2024-05-06T08:30:00+07:00", PendingTimeliness.DueSoon, "30 phút")]
    [InlineData("2024-05-06T10:00:00+07:00", PendingTimeliness.Overdue, "1 giờ")]
    [InlineData("2024-05-07T10:00:00+07:00", PendingTimeliness.Overdue, "1 ngày 1 giờ")]
    public void Pending_dossiers_are_within_time_due_soon_or_overdue(string now, PendingTimeliness status, string remaining)
    {
        (PendingTimeliness actual, WorkingDuration left) = Calc.ClassifyPending(T(now), T("2024-05-06T09:00:00+07:00"));
        Assert.Equal(status, actual);
        Assert.Equal(remaining, left.ToString());
    }

    // ---------------------------------------------------------------- steps

    [Fact]
    public void Steps_follow_each_other()
    {
        IReadOnlyList<StepDeadline> steps = Calc.SplitSteps(
            T("2024-04-25T09:00:00+07:00"),
            [ProcessingTime.WorkingDays(2), ProcessingTime.WorkingHours(4), ProcessingTime.WorkingDays(0.5m), ProcessingTime.WorkingHours(8)]);
        Assert.Equal(
            [
                new StepDeadline(0, T("2024-04-25T09:00:00+07:00"), T("2024-05-02T09:00:00+07:00")),
                new StepDeadline(1, T("2024-05-02T09:00:00+07:00"), T("2024-05-02T15:00:00+07:00")),
                new StepDeadline(2, T("2024-05-02T15:00:00+07:00"), T("2024-05-03T09:00:00+07:00")),
                new StepDeadline(3, T("2024-05-03T09:00:00+07:00"), T("2024-05-04T09:00:00+07:00")),
            ],
            steps);
    }

    [Theory]
    [InlineData(3, TimeUnit.WorkingDays, true)]
    [InlineData(24, TimeUnit.WorkingHours, true)]
    [InlineData(4, TimeUnit.WorkingDays, false)]
    [InlineData(3, TimeUnit.CalendarDays, false)]
    public void Steps_must_add_up_to_the_total(int total, TimeUnit unit, bool expected)
    {
        ProcessingTime[] steps = [ProcessingTime.WorkingDays(2), ProcessingTime.WorkingHours(4), ProcessingTime.WorkingDays(0.5m)];
        Assert.Equal(expected, DeadlineCalculator.StepsMatchTotal(steps, new ProcessingTime(total, unit)));
    }

    // ---------------------------------------------------------------- explanation

    [Fact]
    public void Explain_the_worked_example()
    {
        string[] lines = [.. Calc.Explain(T("2024-04-25T09:00:00+07:00"), ProcessingTime.WorkingDays(5)).Select(l => l.ToString())];
        Assert.Equal(
            [
                "25/04/2024 — Tiếp nhận hồ sơ lúc 09:00",
                "25/04/2024 — Ngày làm việc (tính một phần thời gian)",
                "26/04/2024 — Ngày làm việc thứ 1",
                "27/04/2024 — Thứ Bảy",
                "28/04/2024 — Chủ nhật",
                "29/04/2024 — Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)",
                "30/04/2024 — Ngày Chiến thắng",
                "01/05/2024 — Ngày Quốc tế lao động",
                "02/05/2024 — Ngày làm việc thứ 2",
                "03/05/2024 — Ngày làm việc thứ 3",
                "04/05/2024 — Ngày làm bù: Làm bù cho thứ Hai 29/4/2024",
                "05/05/2024 — Chủ nhật",
                "06/05/2024 — Ngày làm việc thứ 5",
                "06/05/2024 — Hạn trả kết quả lúc 09:00",
            ],
            lines);
        Assert.Equal(4, Calc.Explain(T("2024-04-25T09:00:00+07:00"), ProcessingTime.WorkingDays(5)).Single(l => l.Kind == ExplanationKind.MakeUpWorkingDay).Ordinal);
    }

    [Fact]
    public void Explain_names_Tet_days_and_the_cutoff()
    {
        var options = new DeadlineOptions { ApplyCutoff = true };
        IReadOnlyList<ExplanationLine> lines = Calc.Explain(T("2024-02-07T16:00:00+07:00"), ProcessingTime.WorkingDays(2), options);
        string[] text = [.. lines.Select(l => l.ToString())];
        // After the cut-off the count starts on 15/02 07:00; keeping that clock position would end on Monday 19/02 07:00,
        // after the legal last day, so the explanation is the Civil Code's and says why.
        Assert.Contains(
            "07/02/2024 — Ngày tiếp nhận không tính vào thời hạn, bắt đầu tính từ ngày 15/02/2024 (Điều 147 Bộ luật Dân sự); "
            + "tính giữ giờ bắt đầu sẽ kết thúc sau ngày cuối cùng của thời hạn nên không áp dụng", text);
        Assert.Contains("08/02/2024 — Tết Nguyên Đán (29 tháng Chạp)", text);
        Assert.Contains("10/02/2024 — Tết Nguyên Đán (mùng 1)", text); // a Saturday, absent from the official notice
        Assert.Contains("15/02/2024 — Ngày làm việc thứ 1", text);
        Assert.Contains("16/02/2024 — Ngày làm việc thứ 2", text);
        Assert.StartsWith("16/02/2024 — Hạn trả kết quả lúc 17:00", text[^1], StringComparison.Ordinal);

        // Before the cut-off the clock position is kept and the cut-off line does not appear.
        string[] early = [.. Calc.Explain(T("2024-02-07T14:00:00+07:00"), ProcessingTime.WorkingDays(2), options).Select(l => l.ToString())];
        Assert.Equal("16/02/2024 — Hạn trả kết quả lúc 14:00", early[^1]);
    }

    [Fact]
    public void Explain_shows_paused_days()
    {
        var options = new DeadlineOptions { Pauses = [new Pause(T("2024-02-06T07:00:00+07:00"), T("2024-02-07T07:00:00+07:00"), PauseReason.AwaitingSupplement)] };
        string[] text = [.. Calc.Explain(TetReceipt, ProcessingTime.WorkingDays(2), options).Select(l => l.ToString())];
        Assert.Contains("06/02/2024 — Tạm dừng: chờ bổ sung hồ sơ", text);
        Assert.Equal("15/02/2024 — Hạn trả kết quả lúc 09:00", text[^1]);

        var open = new DeadlineOptions { Pauses = [new Pause(T("2024-02-06T07:00:00+07:00"), null, PauseReason.AwaitingSupplement)] };
        Assert.Equal(
            "06/02/2024 — Tạm dừng: chờ bổ sung hồ sơ (đang tạm dừng, còn lại 1 ngày 2 giờ)",
            Calc.Explain(TetReceipt, ProcessingTime.WorkingDays(2), open)[^1].ToString());
    }

    // ---------------------------------------------------------------- property

    [Fact]
    public void Property_N_working_days_are_N_working_days_of_time()
    {
        // The clock-position rule of receipts before the Civil Code switch date; CivilCodeTimeLimitTests covers the rest.
        var random = new Random(3);
        long first = T("2023-01-01T00:00:00+07:00").UtcTicks;
        long last = T("2026-09-14T23:59:59+07:00").UtcTicks;
        for (int i = 0; i < 20_000; i++)
        {
            var received = new DateTimeOffset(first + random.NextInt64(last - first), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(random.Next(-11, 13)));
            int n = random.Next(1, 61);
            bool cutoff = random.Next(2) == 0;
            var options = new DeadlineOptions { ApplyCutoff = cutoff };
            DateTimeOffset start = Calc.Start(received, cutoff);
            DateTimeOffset due = Calc.ComputeDue(received, ProcessingTime.WorkingDays(n), options);

            Assert.True(start >= received);
            Assert.Equal(TimeSpan.FromHours(8 * n), Calc.WorkingTimeBetween(start, due));
            DateTimeOffset local = due.ToOffset(DeadlineCalculator.VietnamOffset);
            Assert.True(Official.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)));

            // Never after the legal last day: the close of the N-th working day after the receipt's local date.
            DateOnly receivedOn = DateOnly.FromDateTime(received.ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
            DateTimeOffset legal = new(Official.AddWorkingDays(receivedOn, n).ToDateTime(new TimeOnly(17, 0)), DeadlineCalculator.VietnamOffset);
            Assert.True(due <= legal);

            // Otherwise the clock position of the start on the N-th following working day, or, when that would be after
            // the legal last day (the start moved to a later day), that day's close, the same working position.
            DateTimeOffset localStart = start.ToOffset(DeadlineCalculator.VietnamOffset);
            if (local.TimeOfDay == localStart.TimeOfDay)
            {
                Assert.Equal(n, Official.WorkingDaysBetween(DateOnly.FromDateTime(localStart.DateTime), DateOnly.FromDateTime(local.DateTime)));
            }
            else
            {
                Assert.Equal(legal, due);
                Assert.Equal(new TimeSpan(7, 0, 0), localStart.TimeOfDay);
                Assert.True(DateOnly.FromDateTime(localStart.DateTime) > receivedOn);
            }

            // The same amount in hours is the same working position (possibly at the end of the previous period).
            DateTimeOffset dueHours = Calc.ComputeDue(received, ProcessingTime.WorkingHours(8 * n), options);
            Assert.Equal(TimeSpan.Zero, Calc.WorkingTimeBetween(due, dueHours));
        }
    }
}
