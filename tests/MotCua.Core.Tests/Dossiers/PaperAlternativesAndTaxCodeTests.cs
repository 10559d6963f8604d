using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class PaperAlternativesAndTaxCodeTests
{
    private static readonly CataloguePaper[] Catalogue =
    [
        new("Đơn đề nghị", Required: true),
        new("Giấy chứng nhận đăng ký doanh nghiệp", Required: true, Group: "dk"),
        new("Quyết định thành lập", Required: true, Group: "dk"),
    ];

    [Fact]
    public void A_group_of_alternatives_is_satisfied_by_any_one_and_named_as_one_line_when_none_is_there()
    {
        Assert.Empty(ReceiptChecklist.MissingRequired(Catalogue, [new("Đơn đề nghị", true), new("Quyết định thành lập", true)]));
        Assert.Equal(["Một trong các giấy tờ: Giấy chứng nhận đăng ký doanh nghiệp hoặc Quyết định thành lập"],
            ReceiptChecklist.MissingRequired(Catalogue, [new("Đơn đề nghị", true), new("Quyết định thành lập", false)]));
        // The desk answers a group by answering any one of its papers.
        Assert.Empty(ReceiptChecklist.Unanswered(Catalogue, [new("Đơn đề nghị", true), new("Giấy chứng nhận đăng ký doanh nghiệp", false)]));
    }

    [Theory]
    [InlineData("Giấy phép đã được cấp (nếu còn)", true)]
    [InlineData("Tài liệu kỹ thuật, nếu có", true)]
    [InlineData("Bản sao NẾU CÓ", true)]
    [InlineData("Đơn đề nghị", false)]
    [InlineData("Giấy tờ có liên quan", false)]
    public void A_paper_whose_name_says_if_any_is_optional(string name, bool optional) =>
        Assert.Equal(optional, ReceiptChecklist.NamedOptional(name));

    [Theory]
    [InlineData("0101234567", "0101234567")]
    [InlineData("0101 234 567", "0101234567")]
    [InlineData("0101234567-001", "0101234567-001")]
    [InlineData("0101234567001", "0101234567-001")]
    [InlineData("010123456", null)]
    [InlineData("01012345670", null)]
    [InlineData("0101234567-01", null)]
    [InlineData("01012345AB", null)]
    [InlineData("", null)]
    public void A_tax_code_has_10_digits_or_13_for_a_branch(string text, string? stored) =>
        Assert.Equal(stored, ApplicantNumbers.NormalizeTaxCode(text));
}
