using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>The step deadlines of the pinned plan, and planning them again after a receipt correction.</summary>
public sealed class StepPlanningTests
{
    private static readonly PlannedStep[] DefaultPlan = [new("Thẩm định hồ sơ", 7, "Chi cục", 0, TimeUnit.WorkingDays)];

    private static readonly PlannedStep[] Process =
    [
        new("Thẩm định hồ sơ", 7, "Chi cục", 3, TimeUnit.WorkingDays),
        new("Ký duyệt", 1, "Ban Giám đốc", 1, TimeUnit.WorkingDays, ByLeader: true),
    ];

    private static List<PlannedWindow> Windows(PlannedStep[] plan, ProcessingTime time, DateTimeOffset start) =>
        StepPlanning.Deadlines(plan, time, start, Calculator).Select(d => new PlannedWindow(d.Index, plan[d.Index].Name, d.StartAt, d.DueAt)).ToList();

    [Fact]
    public void The_default_plan_s_one_step_takes_the_whole_processing_time()
    {
        var start = At("2025-03-10T09:00");
        var step = Assert.Single(StepPlanning.Deadlines(DefaultPlan, ProcessingTime.WorkingDays(5), start, Calculator));
        Assert.Equal(Calculator.SplitSteps(start, [ProcessingTime.WorkingDays(5)])[0].DueAt, step.DueAt);
    }

    [Fact]
    public void A_corrected_processing_time_moves_the_default_plan_s_step_deadline_from_the_same_start()
    {
        var start = At("2025-03-10T09:00");
        var planned = Windows(DefaultPlan, ProcessingTime.WorkingDays(10), start);

        var moved = Assert.Single(StepPlanning.Replan(DefaultPlan, ProcessingTime.WorkingDays(5), planned, Calculator));

        Assert.Equal(0, moved.StepIndex);
        Assert.Equal(start, moved.StartAt);
        Assert.Equal(planned[0].DueAt, moved.OldDueAt);
        Assert.Equal(Calculator.SplitSteps(start, [ProcessingTime.WorkingDays(5)])[0].DueAt, moved.DueAt);
        Assert.True(moved.DueAt < moved.OldDueAt);
    }

    [Fact]
    public void Steps_with_their_own_times_and_an_unchanged_time_are_left_alone()
    {
        var start = At("2025-03-10T09:00");
        Assert.Empty(StepPlanning.Replan(Process, ProcessingTime.WorkingDays(5), Windows(Process, ProcessingTime.WorkingDays(10), start), Calculator));
        Assert.Empty(StepPlanning.Replan(DefaultPlan, ProcessingTime.WorkingDays(10), Windows(DefaultPlan, ProcessingTime.WorkingDays(10), start), Calculator));
        Assert.Empty(StepPlanning.Replan(DefaultPlan, ProcessingTime.WorkingDays(5), [], Calculator));
    }
}
