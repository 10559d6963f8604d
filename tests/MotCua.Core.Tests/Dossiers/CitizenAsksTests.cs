using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>What the look-up asks of the applicant about the result: where to collect it, and never a desk for a result returned online.</summary>
public sealed class CitizenAsksTests
{
    private static CitizenAsk Result(DossierStatus status, ResultDelivery? delivery, CollectPlace? centre = null) =>
        CitizenAsks.For(status, 0, true, delivery, null, null, false, centre)
            .Single(a => a.Kind is CitizenAskKind.CollectResult or CitizenAskKind.ReceiveOnline or CitizenAskKind.ReceiveByPost);

    [Theory]
    [InlineData(null, true, OnlineServiceLevel.Full, ResultDelivery.Online)]
    [InlineData(null, true, OnlineServiceLevel.Partial, null)]
    [InlineData(null, false, OnlineServiceLevel.Full, null)]
    [InlineData(ResultDelivery.ByPost, true, OnlineServiceLevel.Full, ResultDelivery.ByPost)]
    [InlineData(ResultDelivery.AtDesk, true, OnlineServiceLevel.Full, ResultDelivery.AtDesk)]
    public void A_full_online_dossier_without_a_choice_gets_its_result_online(ResultDelivery? choice, bool online, OnlineServiceLevel level, ResultDelivery? expected) =>
        Assert.Equal(expected, CitizenAsks.DeliveryOf(choice, online, level));

    [Theory]
    [InlineData(DossierStatus.InProcessing)]
    [InlineData(DossierStatus.ResultIssued)]
    public void A_full_online_dossier_is_not_told_to_come_to_a_desk(DossierStatus status)
    {
        var ask = Result(status, CitizenAsks.DeliveryOf(null, true, OnlineServiceLevel.Full));
        Assert.Equal(CitizenAskKind.ReceiveOnline, ask.Kind);
        Assert.DoesNotContain("Bộ phận Một cửa", ask.What, StringComparison.Ordinal);
        Assert.DoesNotContain("Đến", ask.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_collected_at_the_centre_names_the_centre_and_its_address_and_waits_for_it_to_arrive()
    {
        var centre = new CollectPlace("Trung tâm Phục vụ hành chính công xã Hòa Phú", "Thôn 1, xã Hòa Phú", Arrived: false);
        var before = Result(DossierStatus.InProcessing, null, centre);
        Assert.Contains("Trung tâm Phục vụ hành chính công xã Hòa Phú (địa chỉ: Thôn 1, xã Hòa Phú)", before.What, StringComparison.Ordinal);
        Assert.DoesNotContain("Bộ phận Một cửa", before.What, StringComparison.Ordinal);

        var onTheWay = Result(DossierStatus.ResultIssued, ResultDelivery.AtDesk, centre);
        Assert.Contains("đang được chuyển về Trung tâm", onTheWay.What, StringComparison.Ordinal);
        Assert.DoesNotContain("mời Ông/Bà đến", onTheWay.What, StringComparison.Ordinal);

        var arrived = Result(DossierStatus.ResultIssued, ResultDelivery.AtDesk, centre with { Arrived = true });
        Assert.StartsWith("Kết quả đã về Trung tâm Phục vụ hành chính công xã Hòa Phú", arrived.What, StringComparison.Ordinal);
        Assert.Contains("mời Ông/Bà đến nhận", arrived.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_centre_the_applicant_collects_at_the_one_stop_desk() =>
        Assert.Contains("Bộ phận Một cửa", Result(DossierStatus.ResultIssued, null).What, StringComparison.Ordinal);

    [Theory]
    [InlineData(ResultDelivery.AtDesk, CitizenAskKind.CollectResult)]
    [InlineData(ResultDelivery.ByPost, CitizenAskKind.ReceiveByPost)]
    [InlineData(ResultDelivery.Online, CitizenAskKind.ReceiveOnline)]
    public void While_a_supplement_is_awaited_it_comes_first_and_the_result_is_received_after_it_as_chosen(ResultDelivery delivery, CitizenAskKind kind)
    {
        var asks = CitizenAsks.For(DossierStatus.AwaitingSupplement, 0, true, delivery, null, null, false);

        Assert.Equal([CitizenAskKind.Supplement, kind], asks.Select(a => a.Kind));
        Assert.StartsWith("Sau khi hồ sơ được bổ sung và có kết quả: ", asks[1].What, StringComparison.Ordinal);
        Assert.Equal(delivery == ResultDelivery.AtDesk, asks[1].What.Contains("Bộ phận Một cửa", StringComparison.Ordinal));
    }
}
