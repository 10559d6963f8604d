using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// The apology with a new appointment (Mẫu 04) only for a delay that has happened or is forecast: the dossier of the
/// fixtures is due at 09:00 on Monday 17/03/2025 and sits at the first of its planned steps since 10:00 on 10/03.
/// </summary>
public sealed class DelayForecastTests
{
    private const int Agency = 1;
    private const int Legal = 20;

    /// <summary>Two steps that end on 13/03, well before the due instant.</summary>
    private static readonly PlannedStep[] OnTimePlan =
    [
        new("Thẩm định hồ sơ", Legal, "Phòng Pháp chế", 2, TimeUnit.WorkingDays),
        new("Phê duyệt", Legal, "Phòng Pháp chế", 1, TimeUnit.WorkingDays),
    ];

    /// <summary>Two steps of 4 and 3 working days: they cannot end by the due instant.</summary>
    private static readonly PlannedStep[] LatePlan =
    [
        new("Thẩm định hồ sơ", Legal, "Phòng Pháp chế", 4, TimeUnit.WorkingDays),
        new("Kiểm định thực tế", Legal, "Phòng Pháp chế", 3, TimeUnit.WorkingDays),
    ];

    private static DossierDecision Apologise(IReadOnlyList<PlannedStep> plan, string local) =>
        DossierDecider.Decide(
            new DossierSnapshot(DossierInProcessing(), Agency, Legal, plan),
            new DossierCommand(DossierAction.ApologyReschedule) { Note = "Chờ kết quả kiểm định", NewAppointment = At("2025-04-30T09:00") },
            new DecisionContext(At(local), Calculator, new DossierActor("lanhdao", [Leader], Legal, InLeadership: true)));

    [Fact]
    public void An_apology_while_the_plan_still_ends_on_time_is_refused_with_the_reason()
    {
        var decision = Apologise(OnTimePlan, "2025-03-11T09:00");

        Assert.False(decision.Succeeded);
        Assert.Equal(DecisionRefusalKind.RuleViolated, decision.Refusal.Kind);
        Assert.Equal("Hồ sơ còn trong hạn giải quyết (hạn trả kết quả 09:00 ngày 17/03/2025) và theo quy trình các bước còn lại dự kiến xong lúc "
            + "10:00 ngày 13/03/2025: chỉ lập phiếu xin lỗi và hẹn lại ngày trả kết quả khi hồ sơ đã quá hạn hoặc dự kiến không trả kết quả đúng hạn.",
            decision.Refusal.Message);
        Assert.Null(decision.Apology);
    }

    [Fact]
    public void A_plan_that_cannot_end_by_the_due_instant_is_a_forecast_delay()
    {
        Assert.Equal(DelayGround.Forecast, DelayForecast.Ground(DossierInProcessing(), LatePlan, At("2025-03-11T09:00"), Calculator));
        Assert.True(Apologise(LatePlan, "2025-03-11T09:00").Succeeded);
    }

    [Theory]
    [InlineData("2025-03-11T09:00", null)]
    [InlineData("2025-03-14T09:00", DelayGround.Forecast)] // one working day left: the result cannot come in time
    [InlineData("2025-03-17T09:00", DelayGround.Forecast)] // on the due instant, not past it
    [InlineData("2025-03-17T09:01", DelayGround.Overdue)]
    public void The_ground_follows_the_clock(string local, DelayGround? expected)
    {
        Assert.Equal(expected, DelayForecast.Ground(DossierInProcessing(), OnTimePlan, At(local), Calculator));
        Assert.Equal(expected is not null, Apologise(OnTimePlan, local).Succeeded);
    }

    [Theory]
    [InlineData("2025-03-11T09:00", false)]
    [InlineData("2025-03-17T09:01", true)]
    public void The_apology_is_offered_only_with_a_ground(string local, bool offered)
    {
        var leader = new DossierActor("lanhdao", [Leader], Legal, InLeadership: true);
        var actions = DossierDecider.AvailableActions(new DossierSnapshot(DossierInProcessing(), Agency, Legal, OnTimePlan), leader,
            new DecisionContext(At(local), Calculator, leader));

        Assert.Equal(offered, actions.Contains(DossierAction.ApologyReschedule));
        Assert.Contains(DossierAction.Forward, actions);
    }

    [Fact]
    public void A_step_that_overran_pushes_the_rest_from_now()
    {
        // The first step (due 12/03 10:00) is still open on 13/03 09:00: the second starts now and ends on 14/03 09:00.
        Assert.Equal(At("2025-03-14T09:00"), DelayForecast.ProjectedFinish(DossierInProcessing(), OnTimePlan, At("2025-03-13T09:00"), Calculator));
    }
}
