using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class ReceiptRulesTests
{
    private static ReceiptFields Valid(string? phone = "0905123456", string? id = "079085001234", bool organisation = false) =>
        new(organisation, "Nguyễn Văn An", id, phone, "an@example.vn", "Tuy Hòa, Phú Yên", [new ReceiptPaperFields("Đơn đề nghị", 1)], null);

    [Fact]
    public void A_real_dossier_passes() => Assert.Empty(ReceiptRules.Check(Valid(), factorRequired: true));

    public static TheoryData<string, ReceiptFields> Invalid => new()
    {
        { "applicant.name", Valid() with { Name = new string('A', 100_000) } },
        { "applicant.name", Valid() with { Name = " " } },
        { "applicant.phone", Valid(phone: "1") },
        { "applicant.idNumber", Valid(id: "1") },
        { "applicant.idNumber", Valid(id: "4400123456") },
        { "applicant.phone", Valid(phone: null, id: null) },
        { "applicant.phone", Valid(phone: "0900000000", id: null) },
        { "applicant.idNumber", Valid(phone: null, id: "123456789012") },
        { "applicant.email", Valid() with { Email = "khong-hop-le" } },
        { "applicant.email", Valid() with { Email = new string('a', 250) + "@example.vn" } },
        { "applicant.address", Valid() with { Address = new string('đ', 501) } },
        { "note", Valid() with { Note = new string('x', 2001) } },
        { "papers", Valid() with { Papers = Enumerable.Range(0, 10_000).Select(_ => new ReceiptPaperFields("Bản sao", 1)).ToList() } },
        { "papers[0].quantity", Valid() with { Papers = [new ReceiptPaperFields("Bản sao", int.MaxValue)] } },
        { "papers[0].quantity", Valid() with { Papers = [new ReceiptPaperFields("Bản sao", 0)] } },
        { "papers[0].name", Valid() with { Papers = [new ReceiptPaperFields(new string('G', 501), 1)] } },
        { "papers[0].name", Valid() with { Papers = [new ReceiptPaperFields("", 1)] } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_field_has_its_limit_with_a_Vietnamese_message(string field, ReceiptFields fields)
    {
        var errors = ReceiptRules.Check(fields, factorRequired: true);
        Assert.True(errors.ContainsKey(field), field + ": " + string.Join(" | ", errors.Keys));
        Assert.All(errors[field], m => Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]", m));
    }

    [Fact]
    public void A_guessable_phone_is_kept_when_the_ID_number_can_be_the_factor()
    {
        Assert.Empty(ReceiptRules.Check(Valid(phone: "0909999999"), factorRequired: true));
        Assert.Empty(ReceiptRules.Check(Valid(phone: "0909999999", id: null), factorRequired: false));
    }

    [Fact]
    public void Limits_are_far_above_real_dossiers()
    {
        var big = Valid() with { Papers = Enumerable.Range(0, ReceiptRules.PapersMax).Select(i => new ReceiptPaperFields("Giấy tờ " + i, ReceiptRules.QuantityMax)).ToList() };
        Assert.Empty(ReceiptRules.Check(big, factorRequired: true));
        Assert.Empty(ReceiptRules.Check(Valid(id: "4400123456-001", organisation: true), factorRequired: true));
    }
}
