using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Tests.Calendar;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>Result return at the receiving centre: the place chosen at receipt, the hand-back's two moments, and the centre's one action.</summary>
public sealed class ResultHandBackTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Now = Issued.AddHours(3);

    [Theory]
    [InlineData(ResultReturnPlace.ReceivingCentre, ResultDelivery.AtDesk, true)]
    [InlineData(ResultReturnPlace.DecidingAgency, ResultDelivery.AtDesk, false)]
    [InlineData(ResultReturnPlace.ByPost, ResultDelivery.ByPost, false)]
    [InlineData(ResultReturnPlace.Online, ResultDelivery.Online, false)]
    public void The_place_chosen_at_receipt_sets_the_delivery_and_whether_the_centre_returns(ResultReturnPlace place, ResultDelivery delivery, bool atCentre) =>
        Assert.Equal((delivery, atCentre), ResultHandBack.Of(place));

    [Theory]
    [InlineData(7, ResultDelivery.AtDesk, true)]
    [InlineData(7, null, true)]
    [InlineData(7, ResultDelivery.ByPost, false)] // a receipt corrected to the post leaves the centre out
    [InlineData(7, ResultDelivery.Online, false)]
    [InlineData(null, ResultDelivery.AtDesk, false)]
    public void The_centre_returns_only_a_result_collected_at_a_desk(int? centre, ResultDelivery? delivery, bool expected) =>
        Assert.Equal(expected, ResultHandBack.ReturnsAtCentre(centre, delivery));

    [Fact]
    public void The_centre_desk_may_return_and_nothing_else()
    {
        Assert.True(ResultHandBack.CentreMay(DossierAction.Return));
        Assert.All(Enum.GetValues<DossierAction>().Where(a => a != DossierAction.Return), a => Assert.False(ResultHandBack.CentreMay(a)));
    }

    public static TheoryData<DossierStatus, bool, ResultHandBackStage, DateTimeOffset, string?, string> Sends => new()
    {
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, Now, null, "the result is issued and still at the department" },
        { DossierStatus.ResultIssued, false, ResultHandBackStage.AwaitingDispatch, Now, "không đăng ký", "the applicant collects at the department, by post or online" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.Dispatched, Now, "không ghi nhận lại", "recorded twice" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.Received, Now, "không ghi nhận lại", "already at the centre" },
        { DossierStatus.InProcessing, true, ResultHandBackStage.AwaitingDispatch, Now, "đã có kết quả", "nothing to send before the leader approves" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, Issued.AddMinutes(-1), "trước thời điểm có kết quả", "sent before the result existed" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, Now.AddMinutes(1), "sau thời điểm hiện tại", "sent in the future" },
    };

    [Theory]
    [MemberData(nameof(Sends))]
    public void When_the_deciding_agency_may_send_the_result_back(DossierStatus status, bool atCentre, ResultHandBackStage stage, DateTimeOffset at, string? problem, string reasoning)
    {
        var actual = ResultHandBack.SendProblem(status, atCentre, stage, at, Issued, Now);
        if (problem is null)
        {
            Assert.True(actual is null, reasoning + ": " + actual);
        }
        else
        {
            Assert.True(actual?.Contains(problem, StringComparison.Ordinal) == true, reasoning + ": " + actual);
        }
    }

    [Fact]
    public void The_centre_confirms_only_a_result_on_its_way_and_returns_only_one_it_holds()
    {
        Assert.Contains("chưa ghi nhận chuyển", ResultHandBack.ReceiveProblem(ResultHandBackStage.AwaitingDispatch, null, Now, Now), StringComparison.Ordinal);
        Assert.Contains("không ghi nhận lại", ResultHandBack.ReceiveProblem(ResultHandBackStage.Received, Issued, Now, Now), StringComparison.Ordinal);
        Assert.Contains("trước thời điểm", ResultHandBack.ReceiveProblem(ResultHandBackStage.Dispatched, Now, Issued, Now), StringComparison.Ordinal);
        Assert.Contains("sau thời điểm hiện tại", ResultHandBack.ReceiveProblem(ResultHandBackStage.Dispatched, Issued, Now.AddMinutes(1), Now), StringComparison.Ordinal);
        Assert.Null(ResultHandBack.ReceiveProblem(ResultHandBackStage.Dispatched, Issued, Now, Now));

        Assert.NotNull(ResultHandBack.ReturnProblem(ResultHandBackStage.AwaitingDispatch));
        Assert.NotNull(ResultHandBack.ReturnProblem(ResultHandBackStage.Dispatched));
        Assert.Null(ResultHandBack.ReturnProblem(ResultHandBackStage.Received));
    }

    [Fact]
    public void The_stage_follows_the_two_moments_and_arrival_tells_the_applicant()
    {
        Assert.Equal(ResultHandBackStage.AwaitingDispatch, ResultHandBack.Stage(null, null));
        Assert.Equal(ResultHandBackStage.Dispatched, ResultHandBack.Stage(Issued, null));
        Assert.Equal(ResultHandBackStage.Received, ResultHandBack.Stage(Issued, Now));
        var decision = ResultHandBack.AtCentre(DossierFixtures.DossierWithResult(), "x");
        Assert.Empty(decision.Transitions);
        Assert.Equal(new DossierNoticeRecord(DossierEventKind.ResultAtCentre, NoticeRecipient.Applicant), Assert.Single(decision.Notices));
        Assert.True(EventRouting.AudienceOf(DossierEventKind.ResultAtCentre).HasFlag(EventAudience.Citizen));
    }

    private const int Department = 1;
    private const int Centre = 7;
    private const int OtherCentre = 8;
    private static readonly CollectCentre CommuneCentre = new(Centre, "Trung tâm Phục vụ hành chính công xã Hòa Vang");

    public static TheoryData<int?, ResultDelivery?, int?, bool, string> DeskReturns => new()
    {
        // centre chosen (null: none), delivery on the dossier, the returning desk's agency, refused, why
        { Centre, ResultDelivery.AtDesk, Department, true, "the department's desk would skip the centre the applicant chose" },
        { Centre, null, Department, true, "no delivery recorded still means at a desk" },
        { Centre, ResultDelivery.AtDesk, OtherCentre, true, "another centre is not where the applicant collects" },
        { Centre, ResultDelivery.AtDesk, null, true, "an actor of no agency is not the centre" },
        { Centre, ResultDelivery.AtDesk, Centre, false, "the centre's own desk returns it" },
        { Centre, ResultDelivery.ByPost, Department, false, "a receipt corrected to the post leaves the centre out" },
        { Centre, ResultDelivery.Online, Department, false, "an electronic result needs no desk" },
        { null, ResultDelivery.AtDesk, Department, false, "collected at the department (or moved there)" },
    };

    [Theory]
    [MemberData(nameof(DeskReturns))]
    public void Only_the_chosen_centre_returns_a_result_collected_there(int? centre, ResultDelivery? delivery, int? actorAgency, bool refused, string reasoning)
    {
        var collect = centre is null ? null : CommuneCentre with { AgencyId = centre.Value };
        var problem = ResultHandBack.DeskReturnProblem(collect, delivery, actorAgency);
        Assert.True(refused == problem is not null, reasoning + ": " + problem);

        // The decision refuses exactly then, and the actions offered agree with it.
        var snapshot = new DossierSnapshot(DossierFixtures.DossierWithResult(), Department, null, [new("Xử lý", null, null, 0, TimeUnit.WorkingDays)])
        {
            Code = "000.00.01.H01-250310-0001", ReturnAtCentre = collect, ReturnChoice = delivery,
        };
        var actor = new DossierActor("motcua", [DossierRoles.OneStopOfficer], null, InLeadership: false) { AgencyId = actorAgency };
        var context = new DecisionContext(DossierFixtures.At("2025-03-13T10:00"), CalendarTestData.Calculator, actor);
        var decision = DossierDecider.Decide(snapshot, new DossierCommand(DossierAction.Return) { Delivery = delivery ?? ResultDelivery.AtDesk }, context);
        Assert.Equal(refused, !decision.Succeeded);
        Assert.Equal(!refused, DossierDecider.AvailableActions(snapshot, actor, context).Contains(DossierAction.Return));
        if (refused)
        {
            Assert.Equal(DecisionRefusalKind.RuleViolated, decision.Refusal!.Kind);
            Assert.Equal(problem, decision.Refusal.Message);
        }
    }

    [Fact]
    public void The_refusal_names_the_centre_and_the_way_out()
    {
        var problem = ResultHandBack.DeskReturnProblem(CommuneCentre, ResultDelivery.AtDesk, Department);
        Assert.Contains("đã đăng ký nhận kết quả tại Trung tâm Phục vụ hành chính công xã Hòa Vang", problem, StringComparison.Ordinal);
        Assert.Contains("phải được chuyển về đó", problem, StringComparison.Ordinal);
        Assert.Contains(ResultHandBack.MoveName, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_desk_that_may_not_return_at_all_is_told_so_first()
    {
        // A specialist is refused by the role table, not sent to the centre.
        var snapshot = new DossierSnapshot(DossierFixtures.DossierWithResult(), Department, null, []) { ReturnAtCentre = CommuneCentre };
        var actor = new DossierActor("chuyenvien", [DossierRoles.Specialist], null, InLeadership: false) { AgencyId = Department };
        var decision = DossierDecider.Decide(snapshot, new DossierCommand(DossierAction.Return) { Delivery = ResultDelivery.AtDesk },
            new DecisionContext(DossierFixtures.At("2025-03-13T10:00"), CalendarTestData.Calculator, actor));
        Assert.Equal(DecisionRefusalKind.RoleNotPermitted, decision.Refusal?.Kind);
    }

    public static TheoryData<DossierStatus, bool, ResultHandBackStage, string?, string?, string> Moves => new()
    {
        // status, returns at a centre, hand-back stage, reason, expected problem (part), why
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, "Người nộp đến Sở nhận", null, "the result is still at the department" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.Dispatched, "Người nộp đến Sở nhận", null, "on its way: the centre has not recorded it" },
        { DossierStatus.InProcessing, true, ResultHandBackStage.AwaitingDispatch, "Người nộp báo trước", null, "before the result, the applicant may say so" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.Received, "Người nộp đến Sở nhận", "nơi tiếp nhận đã nhận kết quả", "the centre holds it now" },
        { DossierStatus.ResultIssued, false, ResultHandBackStage.AwaitingDispatch, "Lý do", "không đăng ký nhận kết quả tại nơi tiếp nhận", "nothing to move" },
        { DossierStatus.Returned, true, ResultHandBackStage.AwaitingDispatch, "Lý do", "không đổi nơi nhận kết quả", "a closed dossier" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, "  ", "nhập lý do", "the reason is required" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, null, "nhập lý do", "the reason is required" },
        { DossierStatus.ResultIssued, true, ResultHandBackStage.AwaitingDispatch, new string('x', 501), "tối đa 500", "a reason too long" },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void When_the_deciding_agency_may_move_the_collection_to_its_own_desk(DossierStatus status, bool atCentre, ResultHandBackStage stage, string? reason, string? problem,
        string reasoning)
    {
        var actual = ResultHandBack.MoveProblem(status, atCentre, stage, reason);
        if (problem is null)
        {
            Assert.True(actual is null, reasoning + ": " + actual);
        }
        else
        {
            Assert.True(actual?.Contains(problem, StringComparison.OrdinalIgnoreCase) == true, reasoning + ": " + actual);
        }
    }
}
