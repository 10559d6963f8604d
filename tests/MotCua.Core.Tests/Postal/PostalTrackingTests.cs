using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Postal;
using MotCua.Core.Tests.Dossiers;

namespace MotCua.Core.Tests.Postal;

public sealed class PostalTrackingTests
{
    public static TheoryData<PostalStatus, PostalStatus, PostalVerdict> Progressions => new()
    {
        { PostalStatus.Ordered, PostalStatus.Accepted, PostalVerdict.Advance },
        { PostalStatus.Ordered, PostalStatus.InTransit, PostalVerdict.Advance },
        { PostalStatus.Ordered, PostalStatus.Delivered, PostalVerdict.Advance },
        { PostalStatus.Accepted, PostalStatus.InTransit, PostalVerdict.Advance },
        { PostalStatus.InTransit, PostalStatus.Delivered, PostalVerdict.Advance },
        { PostalStatus.InTransit, PostalStatus.Returned, PostalVerdict.Advance },
        { PostalStatus.Accepted, PostalStatus.Accepted, PostalVerdict.Repeat },
        { PostalStatus.Delivered, PostalStatus.Delivered, PostalVerdict.Repeat },
        { PostalStatus.InTransit, PostalStatus.Accepted, PostalVerdict.Stale },
        { PostalStatus.Accepted, PostalStatus.Ordered, PostalVerdict.Stale },
        { PostalStatus.Delivered, PostalStatus.InTransit, PostalVerdict.Stale },
        { PostalStatus.Delivered, PostalStatus.Returned, PostalVerdict.Stale },
        { PostalStatus.Returned, PostalStatus.Delivered, PostalVerdict.Stale },
    };

    [Theory]
    [MemberData(nameof(Progressions))]
    public void A_status_moves_an_order_forward_once_and_never_back(PostalStatus current, PostalStatus reported, PostalVerdict verdict) =>
        Assert.Equal(verdict, PostalTracking.Decide(current, reported));

    [Theory]
    [InlineData(PostalDirection.ResultDelivery, PostalStatus.Accepted, PostalEffect.None)]
    [InlineData(PostalDirection.ResultDelivery, PostalStatus.InTransit, PostalEffect.None)]
    [InlineData(PostalDirection.ResultDelivery, PostalStatus.Delivered, PostalEffect.ResultHandedOver)]
    [InlineData(PostalDirection.ResultDelivery, PostalStatus.Returned, PostalEffect.DeskAlert)]
    [InlineData(PostalDirection.DossierPickup, PostalStatus.Accepted, PostalEffect.None)]
    [InlineData(PostalDirection.DossierPickup, PostalStatus.Delivered, PostalEffect.PapersArrived)]
    [InlineData(PostalDirection.DossierPickup, PostalStatus.Returned, PostalEffect.DeskAlert)]
    public void Each_status_means_one_thing_for_the_dossier(PostalDirection direction, PostalStatus status, PostalEffect effect) =>
        Assert.Equal(effect, PostalTracking.Effect(direction, status));

    [Theory]
    [InlineData(PostalStatus.Accepted, "Bưu điện đã nhận bưu gửi")]
    [InlineData(PostalStatus.InTransit, "Đang vận chuyển")]
    [InlineData(PostalStatus.Delivered, "Đã phát thành công")]
    [InlineData(PostalStatus.Returned, "Chuyển hoàn")]
    public void The_history_names_each_status_in_vietnamese(PostalStatus status, string name) =>
        Assert.StartsWith(PostalTracking.HistoryLabel + ": " + name + " (mã vận đơn EB0000001VN", PostalTracking.HistoryText(status, "EB0000001VN", "10/03/2025 09:00"), StringComparison.Ordinal);

    [Theory]
    [InlineData(DossierStatus.ResultIssued, ResultDelivery.ByPost, "Buôn Ma Thuột", null)]
    [InlineData(DossierStatus.ResultIssued, ResultDelivery.AtDesk, "Buôn Ma Thuột", "không đăng ký nhận kết quả qua dịch vụ bưu chính")]
    [InlineData(DossierStatus.ResultIssued, null, "Buôn Ma Thuột", "không đăng ký nhận kết quả qua dịch vụ bưu chính")]
    [InlineData(DossierStatus.InProcessing, ResultDelivery.ByPost, "Buôn Ma Thuột", "chỉ gửi yêu cầu bưu điện đến lấy khi hồ sơ đã có kết quả")]
    [InlineData(DossierStatus.Returned, ResultDelivery.ByPost, "Buôn Ma Thuột", "chỉ gửi yêu cầu bưu điện đến lấy khi hồ sơ đã có kết quả")]
    [InlineData(DossierStatus.ResultIssued, ResultDelivery.ByPost, " ", "chưa có địa chỉ")]
    public void The_desk_asks_for_a_pickup_only_for_a_result_waiting_to_go_by_post(DossierStatus status, ResultDelivery? choice, string address, string? problem)
    {
        var found = PostalTracking.PickupProblem(status, choice, address);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(PostalStatus.Returned, true)]
    [InlineData(PostalStatus.Ordered, false)]
    [InlineData(PostalStatus.InTransit, false)]
    [InlineData(PostalStatus.Delivered, false)]
    public void A_new_order_replaces_only_returned_mail(PostalStatus? last, bool again) => Assert.Equal(again, PostalTracking.MayOrderAgain(last));

    [Fact]
    public void Delivery_returns_the_result_by_post_through_the_return_transition()
    {
        var state = DossierFixtures.DossierWithResult();
        var result = DossierStateMachine.Apply(state, DossierAction.Return, DossierFixtures.Ctx("2025-03-14T10:00", DossierRoles.PostalCarrier) with
        {
            Delivery = PostalTracking.ReturnCommand("EB0000001VN").Delivery,
        });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(DossierStatus.Returned, result.State!.Status);
        Assert.Equal(ResultDelivery.ByPost, result.State.ReturnMethod);
    }

    [Fact]
    public void The_carrier_cannot_record_a_return_at_the_desk_or_act_otherwise()
    {
        var state = DossierFixtures.DossierWithResult();
        var atDesk = DossierStateMachine.Apply(state, DossierAction.Return, DossierFixtures.Ctx("2025-03-14T10:00", DossierRoles.PostalCarrier) with { Delivery = ResultDelivery.AtDesk });
        Assert.False(atDesk.Succeeded);
        Assert.Equal([DossierAction.Return], DossierStateMachine.AvailableActions(DossierStatus.ResultIssued, [DossierRoles.PostalCarrier]));
        Assert.Empty(DossierStateMachine.AvailableActions(DossierStatus.InProcessing, [DossierRoles.PostalCarrier]));
    }

    [Theory]
    [InlineData(PostalDirection.ResultDelivery, PostalEffect.DeskAlert, DossierEventKind.PostalReturned)]
    [InlineData(PostalDirection.DossierPickup, PostalEffect.DeskAlert, DossierEventKind.PostalPickupReturned)]
    [InlineData(PostalDirection.DossierPickup, PostalEffect.PapersArrived, DossierEventKind.PostalPapersArrived)]
    public void A_parcel_that_came_back_or_arrived_alerts_the_desk_without_a_transition(PostalDirection direction, PostalEffect effect, DossierEventKind kind)
    {
        var state = DossierFixtures.DossierWithResult();
        var decision = PostalTracking.DeskNotice(direction, effect, state, "Chuyển hoàn");
        Assert.True(decision.Succeeded);
        Assert.Empty(decision.Transitions);
        Assert.Same(state, decision.State);
        var notice = Assert.Single(decision.Notices);
        Assert.Equal((kind, NoticeRecipient.Desk), (notice.Kind, notice.Recipient));
    }

    [Theory]
    [InlineData(DossierStatus.Submitted, "Buôn Ma Thuột", null)]
    [InlineData(DossierStatus.AwaitingSupplement, "Buôn Ma Thuột", null)]
    [InlineData(DossierStatus.Received, "Buôn Ma Thuột", "chỉ yêu cầu bưu điện đến lấy hồ sơ giấy khi hồ sơ đang chờ tiếp nhận hoặc chờ bổ sung")]
    [InlineData(DossierStatus.ResultIssued, "Buôn Ma Thuột", "chỉ yêu cầu bưu điện đến lấy hồ sơ giấy khi hồ sơ đang chờ tiếp nhận hoặc chờ bổ sung")]
    [InlineData(DossierStatus.Submitted, "", "chưa có địa chỉ")]
    public void The_paper_dossier_is_fetched_only_while_it_waits_for_the_desk_and_from_an_address(DossierStatus status, string address, string? problem)
    {
        var found = PostalTracking.DossierPickupProblem(status, address);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pickup_history_line_says_where_the_paper_dossier_is()
    {
        Assert.EndsWith("chuyển về Bộ phận Một cửa.", PostalTracking.HistoryText(PostalStatus.Ordered, "EB1VN", "07/12/2026 09:00", PostalDirection.DossierPickup), StringComparison.Ordinal);
        Assert.EndsWith("Hồ sơ giấy đã đến Bộ phận Một cửa.", PostalTracking.HistoryText(PostalStatus.Delivered, "EB1VN", "07/12/2026 09:00", PostalDirection.DossierPickup), StringComparison.Ordinal);
        Assert.EndsWith("liên hệ người nộp.", PostalTracking.HistoryText(PostalStatus.Returned, "EB1VN", "07/12/2026 09:00", PostalDirection.DossierPickup), StringComparison.Ordinal);
        Assert.EndsWith("(mã vận đơn EB1VN, lúc 07/12/2026 09:00).", PostalTracking.HistoryText(PostalStatus.Ordered, "EB1VN", "07/12/2026 09:00"), StringComparison.Ordinal);
    }
}
