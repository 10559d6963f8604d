using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>A supplement request lists every item it asks for (Mẫu 02): none, or one without paper or problem, is refused.</summary>
public sealed class SupplementItemTests
{
    private static DossierDecision Request(params SupplementItem[] items) =>
        DossierDecider.Decide(
            new DossierSnapshot(DossierInProcessing(), 1, 20, [new("Thẩm định hồ sơ", 20, "Phòng Pháp chế", 2, TimeUnit.WorkingDays)]),
            new DossierCommand(DossierAction.RequestSupplement) { Note = "Hồ sơ chưa đầy đủ", SupplementItems = items },
            new DecisionContext(At("2025-03-11T09:00"), Calculator, new DossierActor("chuyenvien", [Specialist], 20, InLeadership: false)));

    [Fact]
    public void A_request_without_items_is_refused()
    {
        var decision = Request();

        Assert.False(decision.Succeeded);
        Assert.Equal(DecisionRefusalKind.MissingInput, decision.Refusal.Kind);
        Assert.Equal("supplementItems", decision.Refusal.Field);
        Assert.Equal("Vui lòng liệt kê từng nội dung cần bổ sung, hoàn thiện: giấy tờ nào, thiếu hoặc sai gì và căn cứ pháp lý.", decision.Refusal.Message);
    }

    [Theory]
    [InlineData("", "Thiếu chữ ký")]
    [InlineData("Phiếu khai báo", " ")]
    public void An_item_needs_its_paper_and_what_is_missing(string paper, string problem)
    {
        var decision = Request(new SupplementItem("Đơn đề nghị", "Sai mẫu", null), new SupplementItem(paper, problem, "Điều 11"));

        Assert.Equal("Nội dung thứ 2 cần nêu rõ giấy tờ và nội dung cần bổ sung, hoàn thiện.", decision.Refusal?.Message);
    }

    [Fact]
    public void The_items_are_part_of_the_decision_with_the_form()
    {
        SupplementItem[] items =
        [
            new("Chứng chỉ nhân viên bức xạ", "Bản sao chưa chứng thực", "Điểm c khoản 1 Điều 11 Nghị định 142/2020/NĐ-CP"),
            new("Phiếu khai báo", "Thiếu chữ ký của người đứng đầu", null),
        ];
        var decision = Request(items);

        Assert.True(decision.Succeeded, decision.Refusal?.Message);
        Assert.Equal(items, decision.SupplementItems);
        Assert.Equal(OfficialFormKind.SupplementRequest, Assert.Single(decision.Forms).Kind);
    }

    [Fact]
    public void Other_actions_carry_no_items() =>
        Assert.Empty(DossierDecider.Decide(
            new DossierSnapshot(DossierInProcessing(), 1, 20, [new("Thẩm định hồ sơ", 20, "Phòng Pháp chế", 2, TimeUnit.WorkingDays)]),
            new DossierCommand(DossierAction.PauseForFinancialObligation) { SupplementItems = [new("Đơn", "Sai", null)] },
            new DecisionContext(At("2025-03-11T09:00"), Calculator, new DossierActor("chuyenvien", [Specialist], 20, InLeadership: false))).SupplementItems);
}
