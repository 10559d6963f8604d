using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class PaperReuseTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(DossierStatus.Returned, false, null, null, null)]
    [InlineData(DossierStatus.InProcessing, false, null, null, null)]
    [InlineData(DossierStatus.Refused, false, null, null, null)] // a refused dossier's papers are still the person's papers
    [InlineData(DossierStatus.Withdrawn, false, null, null, ReuseRefusal.DossierWithdrawn)]
    [InlineData(DossierStatus.Draft, false, null, null, ReuseRefusal.DossierWithdrawn)]
    [InlineData(DossierStatus.Returned, true, null, null, ReuseRefusal.Replaced)]
    [InlineData(DossierStatus.Returned, false, null, "2025-03-10", null)] // valid through today
    [InlineData(DossierStatus.Returned, false, null, "2025-03-09", ReuseRefusal.Expired)]
    [InlineData(DossierStatus.Returned, false, "2025-03-11", null, ReuseRefusal.NotYetValid)]
    [InlineData(DossierStatus.Withdrawn, true, null, "2025-03-09", ReuseRefusal.DossierWithdrawn)] // the dossier's fate first
    public void A_paper_of_an_earlier_dossier(DossierStatus status, bool replaced, string? from, string? to, ReuseRefusal? expected) =>
        Assert.Equal(expected, PaperReuse.PaperRefusal(status, replaced, Day(from), Day(to), Today));

    [Theory]
    [InlineData(HeldResultState.InForce, true, null, null, null)]
    [InlineData(HeldResultState.InForce, false, null, null, ReuseRefusal.NotIssued)]
    [InlineData(HeldResultState.Draft, false, null, null, ReuseRefusal.NotIssued)]
    [InlineData(HeldResultState.Revoked, true, null, null, ReuseRefusal.Withdrawn)]
    [InlineData(HeldResultState.Corrected, true, null, null, ReuseRefusal.Withdrawn)]
    [InlineData(HeldResultState.InForce, true, "2024-01-01", "2026-01-01", null)]
    [InlineData(HeldResultState.InForce, true, null, "2025-03-09", ReuseRefusal.Expired)]
    [InlineData(HeldResultState.InForce, true, "2025-04-01", null, ReuseRefusal.NotYetValid)]
    [InlineData(HeldResultState.Revoked, true, null, "2025-03-09", ReuseRefusal.Withdrawn)]
    public void A_result_issued_to_the_person(HeldResultState state, bool isSigned, string? from, string? to, ReuseRefusal? expected) =>
        Assert.Equal(expected, PaperReuse.ResultRefusal(state, isSigned, Day(from), Day(to), Today));

    [Theory]
    [InlineData("Đơn đề nghị cấp giấy phép", "Don de nghi cap giay phep", true)]
    [InlineData("Đơn đề nghị cấp giấy phép", "  đơn   đề nghị cấp GIẤY PHÉP. ", true)]
    [InlineData("Bản sao Giấy phép hoạt động", "Giấy phép hoạt động", true)]
    [InlineData("Giấy phép hoạt động", "Giấy phép", true)]
    [InlineData("Giấy phép hoạt động", "Giấy phép lái xe", false)]
    [InlineData("Giấy phép", "Giấy phé", false)] // whole words only
    [InlineData("Sơ yếu lý lịch", "Đơn đề nghị cấp giấy phép", false)]
    [InlineData("", "Giấy phép", false)]
    [InlineData("Giấy phép", null, false)]
    public void A_held_document_matches_a_paper_by_its_normalised_name(string? paper, string? document, bool expected) =>
        Assert.Equal(expected, PaperReuse.Matches(paper, document));

    [Fact]
    public void Every_refusal_has_the_citizens_words()
    {
        foreach (var refusal in Enum.GetValues<ReuseRefusal>())
        {
            Assert.False(string.IsNullOrWhiteSpace(PaperReuse.Text(refusal)));
        }
    }
}
