using MotCua.Core.Calendar;
using MotCua.Core.Procedures;

namespace MotCua.Core.Tests.Procedures;

public sealed class ProcedureRulesTests
{
    private sealed record V(int Number, EffectivePeriod? Period);

    private static readonly V[] Versions =
    [
        new(1, new EffectivePeriod(new DateOnly(2024, 1, 1), new DateOnly(2025, 3, 19))),
        new(2, new EffectivePeriod(new DateOnly(2025, 3, 20), null)),
        new(3, null), // a draft
    ];

    [Theory]
    [InlineData("2023-12-31", null)]
    [InlineData("2024-01-01", 1)]
    [InlineData("2025-03-19", 1)]
    [InlineData("2025-03-20", 2)]
    [InlineData("2030-01-01", 2)]
    public void The_version_in_force_is_the_one_whose_period_covers_the_day(string day, int? expected) =>
        Assert.Equal(expected, VersionRules.InForce(Versions, v => v.Period, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null)?.Number);

    [Fact]
    public void No_version_is_in_force_from_the_abolition_day()
    {
        var abolished = new DateOnly(2025, 6, 1);
        Assert.Equal(2, VersionRules.InForce(Versions, v => v.Period, new DateOnly(2025, 5, 31), abolished)?.Number);
        Assert.Null(VersionRules.InForce(Versions, v => v.Period, abolished, abolished));
    }

    [Fact]
    public void A_successor_closes_the_current_version_the_day_before_and_may_not_start_earlier()
    {
        var current = new EffectivePeriod(new DateOnly(2025, 3, 20), null);
        Assert.Equal(new PublishCheck(true, new DateOnly(2025, 4, 30)), VersionRules.ClosePrevious(current, new DateOnly(2025, 5, 1)));
        Assert.False(VersionRules.ClosePrevious(current, new DateOnly(2025, 3, 20)).Allowed);
        Assert.False(VersionRules.ClosePrevious(current, new DateOnly(2025, 1, 1)).Allowed);
        Assert.True(VersionRules.ClosePrevious(null, new DateOnly(2025, 1, 1)).Allowed);
    }

    public static TheoryData<ProcessingTime[], ProcessingTime, bool> StepCases => new()
    {
        // Đồng Nai 1.014438: 17 + 2 + 2 + 5 + 1 = 27 days.
        { [ProcessingTime.CalendarDays(17), ProcessingTime.CalendarDays(2), ProcessingTime.CalendarDays(2), ProcessingTime.CalendarDays(5), ProcessingTime.CalendarDays(1)], ProcessingTime.CalendarDays(27), true },
        { [ProcessingTime.CalendarDays(17), ProcessingTime.CalendarDays(2), ProcessingTime.CalendarDays(5)], ProcessingTime.CalendarDays(27), false },
        // Bắc Ninh: 0,5 + 0,25 + 0,5 + 0,25 + 0,5 = 2 working days.
        { [ProcessingTime.WorkingDays(0.5m), ProcessingTime.WorkingDays(0.25m), ProcessingTime.WorkingDays(0.5m), ProcessingTime.WorkingDays(0.25m), ProcessingTime.WorkingDays(0.5m)], ProcessingTime.WorkingDays(2), true },
        // Hà Nội: days and hours mix, 1 working day = 8 working hours.
        { [ProcessingTime.WorkingHours(4), ProcessingTime.WorkingDays(9.5m)], ProcessingTime.WorkingDays(10), true },
        { [ProcessingTime.WorkingDays(10)], ProcessingTime.WorkingHours(80), true },
        { [ProcessingTime.WorkingDays(5), ProcessingTime.CalendarDays(5)], ProcessingTime.WorkingDays(10), false },
        { [], ProcessingTime.WorkingDays(10), false },
    };

    [Theory]
    [MemberData(nameof(StepCases))]
    public void Step_times_must_add_up_to_the_processing_time(ProcessingTime[] steps, ProcessingTime total, bool matches) =>
        Assert.Equal(matches, StepTimeRules.Check(steps, total).Matches);

    [Fact]
    public void The_step_check_reports_the_sum_and_the_total_in_hours()
    {
        var check = StepTimeRules.Check([ProcessingTime.WorkingHours(4), ProcessingTime.WorkingDays(9)], ProcessingTime.WorkingDays(10));
        Assert.Equal(new StepTimeCheck(false, 76, 80, false, false), check);
        Assert.True(StepTimeRules.Check([ProcessingTime.CalendarDays(3), ProcessingTime.WorkingDays(1)], ProcessingTime.CalendarDays(4)).MixedUnits);
    }

    [Theory]
    [InlineData(ProcessState.Draft, ProcessTrigger.Approve, ProcessState.Approved)]
    [InlineData(ProcessState.Approved, ProcessTrigger.PutInForce, ProcessState.InForce)]
    [InlineData(ProcessState.Approved, ProcessTrigger.Reopen, ProcessState.Draft)]
    [InlineData(ProcessState.InForce, ProcessTrigger.Retire, ProcessState.Retired)]
    public void Allowed_process_transitions(ProcessState from, ProcessTrigger trigger, ProcessState to) =>
        Assert.Equal(to, ProcessStateMachine.Next(from, trigger));

    [Fact]
    public void Every_other_process_transition_is_refused_and_only_drafts_are_editable()
    {
        var allowed = new HashSet<(ProcessState, ProcessTrigger)>
        {
            (ProcessState.Draft, ProcessTrigger.Approve), (ProcessState.Approved, ProcessTrigger.PutInForce), (ProcessState.Approved, ProcessTrigger.Reopen),
            (ProcessState.Approved, ProcessTrigger.Retire), (ProcessState.InForce, ProcessTrigger.Retire),
        };
        foreach (var state in Enum.GetValues<ProcessState>())
        {
            foreach (var trigger in Enum.GetValues<ProcessTrigger>())
            {
                Assert.Equal(allowed.Contains((state, trigger)), ProcessStateMachine.Next(state, trigger) is not null);
            }
            Assert.Equal(state == ProcessState.Draft, ProcessStateMachine.StepsEditable(state));
        }
    }

    [Fact]
    public void The_diff_lists_only_changed_aspects_with_removed_and_added_lines()
    {
        VersionAspect[] before = [new("Tên", ["Cấp giấy phép"]), new("Thời hạn", ["10 ngày làm việc"]), new("Thành phần hồ sơ", ["Đơn", "Bản sao CCCD"]), new("Cũ", ["x"])];
        VersionAspect[] after = [new("Tên", ["Cấp giấy phép"]), new("Thời hạn", ["7 ngày làm việc"]), new("Thành phần hồ sơ", ["Đơn", "Ảnh 3x4"])];
        var changes = VersionDiff.Compare(before, after);
        Assert.Equal(["Thời hạn", "Thành phần hồ sơ", "Cũ"], changes.Select(c => c.Key));
        Assert.Equal(["10 ngày làm việc"], changes[0].Removed);
        Assert.Equal(["7 ngày làm việc"], changes[0].Added);
        Assert.Equal(["Bản sao CCCD"], changes[1].Removed);
        Assert.Equal(["Ảnh 3x4"], changes[1].Added);
        Assert.Empty(changes[2].Added);
        Assert.Empty(VersionDiff.Compare(after, after));
    }
}
