using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;

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
}
