using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// Supplement rounds: items coded by round, a later request that asks for a paper an earlier one could have asked for is
/// flagged and needs a reason, and the applicant answers every item.
/// </summary>
public sealed class SupplementRoundsTests
{
    private static readonly EarlierSupplement DeskRound = new(1, ["Đơn đề nghị", "Phiếu khai báo", "Chứng chỉ nhân viên bức xạ"], ["Chứng chỉ nhân viên bức xạ"]);

    [Theory]
    [InlineData(1, 1, "BS1-01")]
    [InlineData(2, 3, "BS2-03")]
    [InlineData(1, 12, "BS1-12")]
    public void Items_are_coded_by_round_and_number(int round, int seq, string code) =>
        Assert.Equal(code, SupplementRounds.Code(round, seq));

    public static TheoryData<string, EarlierSupplement[], string[]> RepeatCases => new()
    {
        // Held at the earlier request and not asked then: flagged.
        { "Phiếu khai báo", [DeskRound], ["Phiếu khai báo"] },
        // Case, spacing and composed/decomposed forms do not hide a repeat.
        { "  phiếu khai báo ", [DeskRound], ["phiếu khai báo"] },
        { "Phie\u0302\u0301u khai báo", [DeskRound], ["Phie\u0302\u0301u khai báo"] },
        // Asked at the earlier request too: the applicant's supplement did not fix it, not a new reason.
        { "Chứng chỉ nhân viên bức xạ", [DeskRound], [] },
        // Not in the dossier then: the earlier request could not see it.
        { "Giấy phép tiến hành công việc bức xạ", [DeskRound], [] },
        // The first request of a dossier repeats nothing.
        { "Phiếu khai báo", [], [] },
        // The dossier as a whole is not a paper held.
        { "Hồ sơ (chung)", [DeskRound], [] },
    };

    [Theory]
    [MemberData(nameof(RepeatCases))]
    public void A_paper_held_at_an_earlier_request_and_not_asked_then_is_a_repeat(string paper, EarlierSupplement[] earlier, string[] flagged) =>
        Assert.Equal(flagged, SupplementRounds.Repeats(earlier, [new SupplementItem(paper, "Thiếu chữ ký", null)]).Select(r => r.Paper));

    [Fact]
    public void A_repeat_names_the_earliest_round_that_could_have_asked_and_each_paper_once()
    {
        EarlierSupplement[] earlier = [DeskRound, new(2, ["Phiếu khai báo"], [])];

        var repeats = SupplementRounds.Repeats(earlier, [new("Phiếu khai báo", "Thiếu chữ ký", null), new("Phiếu khai báo", "Sai mẫu", null)]);

        Assert.Equal(new RepeatedPaper("Phiếu khai báo", 1), Assert.Single(repeats));
    }

    [Fact]
    public void The_next_round_follows_the_earlier_ones()
    {
        Assert.Equal(1, SupplementRounds.NextRound([]));
        Assert.Equal(2, SupplementRounds.NextRound([DeskRound]));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 3)]
    public void Reports_band_rounds_as_one_two_and_three_or_more(int rounds, int band) => Assert.Equal(band, SupplementRounds.Band(rounds));

    private static DossierDecision Request(EarlierSupplement[] earlier, string? reason, params SupplementItem[] items) =>
        DossierDecider.Decide(
            new DossierSnapshot(DossierInProcessing(), 1, 20, [new("Thẩm định hồ sơ", 20, "Phòng Pháp chế", 2, TimeUnit.WorkingDays)]) { EarlierSupplements = earlier },
            new DossierCommand(DossierAction.RequestSupplement) { Note = "Hồ sơ chưa đầy đủ", SupplementItems = items, RepeatReason = reason },
            new DecisionContext(At("2025-08-11T09:00"), Calculator, new DossierActor("chuyenvien", [Specialist], 20, InLeadership: false)));

    [Fact]
    public void A_repeated_request_without_a_reason_is_refused_with_the_warning()
    {
        var decision = Request([DeskRound], null, new SupplementItem("Phiếu khai báo", "Thiếu chữ ký", null));

        Assert.False(decision.Succeeded);
        Assert.Equal(DecisionRefusalKind.RuleViolated, decision.Refusal.Kind);
        Assert.Equal("repeatReason", decision.Refusal.Field);
        Assert.StartsWith(SupplementRounds.RepeatWarning, decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("\"Phiếu khai báo\" (lần 1)", decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("118/2025", decision.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_request_with_a_reason_is_flagged_in_the_decision_and_its_audit()
    {
        var decision = Request([DeskRound], " Bản khai báo đã hết hiệu lực sau khi nộp ", new SupplementItem("Phiếu khai báo", "Thiếu chữ ký", null));

        Assert.True(decision.Succeeded, decision.Refusal?.Message);
        Assert.Equal(2, decision.Supplement!.Round);
        Assert.Equal("Bản khai báo đã hết hiệu lực sau khi nộp", decision.SupplementRepeat!.Reason);
        Assert.Equal("Phiếu khai báo", Assert.Single(decision.SupplementRepeat.Papers).Paper);
        Assert.Contains("lý do: Bản khai báo đã hết hiệu lực sau khi nộp", decision.Audit!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_that_repeats_nothing_is_not_flagged()
    {
        var decision = Request([DeskRound], null, new SupplementItem("Chứng chỉ nhân viên bức xạ", "Vẫn chưa chứng thực", null));

        Assert.True(decision.Succeeded, decision.Refusal?.Message);
        Assert.Null(decision.SupplementRepeat);
        Assert.Equal(2, decision.Supplement!.Round);
    }

    private static readonly CodedItem[] Items = [new("BS1-01", "Đơn đề nghị"), new("BS1-02", "Phiếu khai báo"), new("BS1-03", "Bản sao chứng chỉ")];

    public static TheoryData<SupplementAnswer[], string?> AnswerCases => new()
    {
        { [new("BS1-01", null, false, 1), new("BS1-02", "Đã ký lại", false, 0), new("BS1-03", "Chưa được cấp", true, 0)], null },
        { [new("BS1-01", null, false, 1)], "Chưa trả lời nội dung cần bổ sung: BS1-02 (Phiếu khai báo); BS1-03 (Bản sao chứng chỉ). Mỗi nội dung cần tải lên tệp, ghi câu trả lời hoặc chọn \"Không có\" và nêu lý do." },
        { [new("BS1-01", " ", false, 0), new("BS1-02", "x", false, 0), new("BS1-03", null, false, 2)], "Chưa trả lời nội dung cần bổ sung: BS1-01 (Đơn đề nghị). Mỗi nội dung cần tải lên tệp, ghi câu trả lời hoặc chọn \"Không có\" và nêu lý do." },
        { [new("BS1-01", null, false, 1), new("BS1-02", "x", false, 0), new("BS1-03", "", true, 1)], "Chọn \"Không có\" cần nêu lý do: BS1-03 (Bản sao chứng chỉ)." },
    };

    [Theory]
    [MemberData(nameof(AnswerCases))]
    public void Every_item_is_answered_by_a_file_an_answer_or_none_with_a_reason(SupplementAnswer[] answers, string? message) =>
        Assert.Equal(message, SupplementRounds.Unanswered(Items, answers));
}
