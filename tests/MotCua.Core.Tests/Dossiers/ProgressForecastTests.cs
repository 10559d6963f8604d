using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// The look-up's "what happens next": a dossier at its first step since 08:00 on Monday 10/03/2025 (office hours
/// 07:00–11:30 and 13:30–17:00, eight working hours a day), two steps planned at 2 and 1 working days, due 17:00 on
/// Friday 14/03. Durations below are in working hours.
/// </summary>
public sealed class ProgressForecastTests
{
    private static readonly DateTimeOffset Now = At("2025-03-10T09:00");
    private static readonly DateTimeOffset Due = At("2025-03-14T17:00");

    private static ForecastStep Appraisal(DateTimeOffset? legalDue = null, DateTimeOffset? finished = null) =>
        new("Thẩm định hồ sơ", ProcessingTime.WorkingDays(2), At("2025-03-10T08:00"), finished, legalDue ?? At("2025-03-12T08:00"));

    private static ForecastStep Approval(DateTimeOffset? legalDue = null) =>
        new("Phê duyệt", ProcessingTime.WorkingDays(1), null, null, legalDue ?? At("2025-03-13T08:00"));

    private static TimeSpan[] Hours(params double[] hours) => [.. hours.Select(TimeSpan.FromHours)];

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new double[] { 5 }, 5.0)]
    [InlineData(new double[] { 9, 1, 5 }, 5.0)] // order does not matter
    [InlineData(new double[] { 1, 2, 4, 100 }, 3.0)] // even count: the mean of the middle two; one outlier moves nothing
    public void The_median_is_the_middle_duration(double[] samples, double? expected) =>
        Assert.Equal(expected is { } e ? TimeSpan.FromHours(e) : (TimeSpan?)null, ProgressForecast.Median(Hours(samples)));

    [Fact]
    public void With_enough_history_each_step_takes_its_median_from_the_current_steps_start()
    {
        // Five appraisals took a median of 4 working hours: 08:00 + 4 h = 13:30 (after the lunch break) + 0.5 h = 14:00.
        var outlook = ProgressForecast.Predict([Appraisal(), Approval()], [Hours(3, 4, 4, 6, 20), Hours(1, 2, 2, 2, 3)], Now, Due, Calculator);

        var appraisal = outlook.Steps[0];
        Assert.Equal(ForecastBasis.History, appraisal.Basis);
        Assert.Equal(5, appraisal.Samples);
        Assert.Equal(At("2025-03-10T14:00"), appraisal.ExpectedAt);
        // The approval starts where the appraisal is expected to end and takes its median of 2 h.
        Assert.Equal(At("2025-03-10T16:00"), outlook.Steps[1].ExpectedAt);
        Assert.Equal(At("2025-03-10T16:00"), outlook.ExpectedAt);
        Assert.Equal(Due, outlook.LatestAt);
        Assert.False(outlook.Capped);
    }

    [Fact]
    public void With_fewer_than_five_closed_dossiers_a_step_takes_its_planned_time()
    {
        // Four samples say 1 hour, but four dossiers are chance: the plan's 2 working days hold (08:00 Monday + 16 h).
        var outlook = ProgressForecast.Predict([Appraisal(), Approval()], [Hours(1, 1, 1, 1), []], Now, Due, Calculator);

        Assert.Equal(ForecastBasis.Plan, outlook.Steps[0].Basis);
        Assert.Equal(0, outlook.Steps[0].Samples);
        Assert.Equal(At("2025-03-12T08:00"), outlook.Steps[0].ExpectedAt);
        Assert.Equal(ForecastBasis.Plan, outlook.Steps[1].Basis);
        Assert.Equal(At("2025-03-13T08:00"), outlook.ExpectedAt);
    }

    [Fact]
    public void A_median_beyond_the_legal_limit_is_capped_at_it()
    {
        // History says appraisals take 5 working days; the law gives this step until 08:00 on 12/03 and the dossier
        // until 17:00 on 14/03: the citizen is never told the late finish is what to expect.
        var outlook = ProgressForecast.Predict([Appraisal(), Approval()], [Hours(40, 40, 40, 40, 40), Hours(40, 40, 40, 40, 40)], Now, Due, Calculator);

        Assert.True(outlook.Steps[0].Capped);
        Assert.Equal(At("2025-03-12T08:00"), outlook.Steps[0].ExpectedAt);
        Assert.True(outlook.Steps[1].Capped);
        Assert.Equal(At("2025-03-13T08:00"), outlook.Steps[1].ExpectedAt);
        Assert.True(outlook.Capped);
        Assert.True(outlook.ExpectedAt <= Due);
    }

    [Fact]
    public void The_dossiers_due_instant_caps_a_step_with_a_later_window()
    {
        var outlook = ProgressForecast.Predict([Appraisal(legalDue: At("2025-03-20T08:00")), Approval(At("2025-03-21T08:00"))],
            [Hours(60, 60, 60, 60, 60), []], Now, Due, Calculator);

        Assert.Equal(Due, outlook.Steps[0].ExpectedAt);
        Assert.Equal(Due, outlook.Steps[0].LatestAt);
        Assert.Equal(Due, outlook.ExpectedAt);
    }

    [Fact]
    public void Steps_already_done_show_when_they_finished_and_the_rest_start_from_now()
    {
        var finished = At("2025-03-10T08:30");
        var outlook = ProgressForecast.Predict([Appraisal(finished: finished), Approval()], [Hours(4, 4, 4, 4, 4), Hours(2, 2, 2, 2, 2)],
            Now, Due, Calculator);

        Assert.Equal(ForecastBasis.Done, outlook.Steps[0].Basis);
        Assert.Equal(finished, outlook.Steps[0].ExpectedAt);
        // The approval has not started: it counts from now (09:00), not from when the appraisal ended.
        Assert.Equal(At("2025-03-10T11:00"), outlook.Steps[1].ExpectedAt);
        Assert.Equal(At("2025-03-10T11:00"), outlook.ExpectedAt);
    }

    [Fact]
    public void A_step_that_overran_its_median_is_expected_from_now_not_in_the_past()
    {
        var later = At("2025-03-11T10:00");
        var outlook = ProgressForecast.Predict([Appraisal(), Approval()], [Hours(1, 1, 1, 1, 1), Hours(2, 2, 2, 2, 2)], later, Due, Calculator);

        Assert.Equal(later, outlook.Steps[0].ExpectedAt);
        Assert.Equal(At("2025-03-11T14:00"), outlook.Steps[1].ExpectedAt); // 10:00 + 1.5 h to 11:30, + 0.5 h after 13:30
    }

    [Fact]
    public void Past_the_legal_limit_the_forecast_says_overdue_rather_than_a_date_already_gone()
    {
        var late = At("2025-03-17T09:00");
        var outlook = ProgressForecast.Predict([Appraisal(), Approval()], [[], []], late, Due, Calculator);

        Assert.True(outlook.Overdue);
        Assert.True(outlook.Steps[0].Overdue);
        Assert.True(outlook.ExpectedAt >= late);
    }

    [Fact]
    public void A_plan_without_steps_uses_the_whole_processing_times()
    {
        var outlook = ProgressForecast.Predict([], [], Now, Due, Calculator, wholeHistory: Hours(8, 8, 8, 16, 16),
            clockStart: At("2025-03-10T08:00"), processingTime: ProcessingTime.WorkingDays(5));

        Assert.Empty(outlook.Steps);
        Assert.Equal(At("2025-03-11T08:00"), outlook.ExpectedAt);

        var planned = ProgressForecast.Predict([], [], Now, Due, Calculator, wholeHistory: Hours(8), clockStart: At("2025-03-10T08:00"),
            processingTime: ProcessingTime.WorkingDays(2));
        Assert.Equal(At("2025-03-12T08:00"), planned.ExpectedAt);
    }
}
