using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class ReceiptChecklistTests
{
    private static readonly CataloguePaper[] Catalogue =
    [
        new("Đơn đề nghị cấp giấy phép", Required: true),
        new("Bản sao giấy chứng nhận đăng ký doanh nghiệp", Required: true),
        new("Tài liệu tham khảo (nếu có)", Required: false),
    ];

    [Fact]
    public void An_untouched_checklist_is_not_complete()
    {
        var untouched = Catalogue.Select(p => new CheckedPaper(p.Name, Received: false)).ToList();
        Assert.Equal(["Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký doanh nghiệp"], ReceiptChecklist.MissingRequired(Catalogue, untouched));
        Assert.Contains("Hướng dẫn bổ sung", ReceiptChecklist.IncompleteProblem(Catalogue, untouched), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_required_paper_ticked_is_complete_even_without_the_optional_one()
    {
        var ticked = new[] { new CheckedPaper("Đơn đề nghị cấp giấy phép", true), new CheckedPaper("  bản sao giấy chứng nhận  đăng ký doanh nghiệp", true) };
        Assert.Empty(ReceiptChecklist.MissingRequired(Catalogue, ticked));
        Assert.Null(ReceiptChecklist.IncompleteProblem(Catalogue, ticked));
    }

    [Fact]
    public void A_required_paper_left_out_of_the_list_is_missing()
    {
        var partial = new[] { new CheckedPaper("Đơn đề nghị cấp giấy phép", true) };
        Assert.Equal(["Bản sao giấy chứng nhận đăng ký doanh nghiệp"], ReceiptChecklist.MissingRequired(Catalogue, partial));
        Assert.Equal("Đề nghị bổ sung: Bản sao giấy chứng nhận đăng ký doanh nghiệp.", ReceiptChecklist.SupplementGuidance(Catalogue, partial));
    }

    [Fact]
    public void Names_match_in_either_Unicode_form()
    {
        var decomposed = "Đơn đề nghị cấp giấy phép".Normalize(System.Text.NormalizationForm.FormD);
        var ticked = new[] { new CheckedPaper(decomposed, true), new CheckedPaper("Bản sao giấy chứng nhận đăng ký doanh nghiệp", true) };
        Assert.Empty(ReceiptChecklist.MissingRequired(Catalogue, ticked));
    }

    [Fact]
    public void A_required_paper_not_answered_is_refused_whatever_the_outcome_and_named()
    {
        var silent = new[] { new CheckedPaper("Đơn đề nghị cấp giấy phép", false) };
        Assert.Equal(["Bản sao giấy chứng nhận đăng ký doanh nghiệp"], ReceiptChecklist.Unanswered(Catalogue, silent));
        Assert.Contains("Bản sao giấy chứng nhận đăng ký doanh nghiệp", ReceiptChecklist.Problem(Catalogue, silent, receivedAsComplete: false), StringComparison.Ordinal);
        Assert.DoesNotContain("Đơn đề nghị", ReceiptChecklist.Problem(Catalogue, silent, receivedAsComplete: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_required_paper_answered_passes_unless_received_as_complete_without_it()
    {
        var answered = new[] { new CheckedPaper("Đơn đề nghị cấp giấy phép", true), new CheckedPaper("Bản sao giấy chứng nhận đăng ký doanh nghiệp", false) };
        Assert.Empty(ReceiptChecklist.Unanswered(Catalogue, answered));
        Assert.Null(ReceiptChecklist.Problem(Catalogue, answered, receivedAsComplete: false));
        Assert.Contains("Bản sao giấy chứng nhận đăng ký doanh nghiệp", ReceiptChecklist.Problem(Catalogue, answered, receivedAsComplete: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_papers_need_no_answer()
    {
        var required = new[] { new CheckedPaper("Đơn đề nghị cấp giấy phép", true), new CheckedPaper("Bản sao giấy chứng nhận đăng ký doanh nghiệp", true) };
        Assert.Null(ReceiptChecklist.Problem(Catalogue, required, receivedAsComplete: true));
    }
}
