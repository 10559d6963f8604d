using System.IO.Compression;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Plans;
using MotCua.Web.Features.Results;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Every document MotCua issues in the Decree 30/2020 layout, with the issuing body from the agency's data: the
/// authority prefix of the signature block (KT./TL./TUQ./Q.), the forms' titles and legal basis per regime (a dossier
/// keeps the forms of the regime in force when it was received), the result PDF and the Word closing.
/// </summary>
public sealed class Decree30LayoutTests
{
    private static readonly Agency DakLak = new()
    {
        Code = "SKHCN", Name = "Sở Khoa học và Công nghệ", ParentBody = "UBND TỈNH ĐẮK LẮK", PlaceName = "Đắk Lắk",
        HeadTitle = "Giám đốc", HeadName = "Nguyễn Văn Thành", DeputyTitle = "Phó Giám đốc", DeputyName = "Lê Quang Vinh", DeputySignsLetters = true,
    };

    private static readonly FormApplicant Applicant = new("Công ty TNHH Thể Thức", "12 Lê Lợi", "0905123456", null);

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + ":00+07:00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(OfficialDocument doc) =>
        System.Text.RegularExpressions.Regex.Replace(Tools.PdfToText(PdfRenderer.Render(doc)), @"\s+", " ");

    private static OfficialDocument Apology(Agency agency, DateTimeOffset receivedAt) => DossierForms.Apology(new ApologyInput(
        "SKHCN-261201-0007", DossierDocuments.Issuer(agency, "Bộ phận Một cửa"), Applicant, "Cấp giấy phép", receivedAt,
        receivedAt.AddDays(14), receivedAt.AddDays(21), receivedAt.AddDays(13), "Chờ kết quả kiểm định", DelayGround.Forecast, "http://x/tra-cuu"));

    [Theory]
    [InlineData(SigningAuthority.Head, null, "GIÁM ĐỐC")]
    [InlineData(SigningAuthority.Deputy, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")]
    [InlineData(SigningAuthority.ByOrder, "TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")]
    [InlineData(SigningAuthority.Authorised, "TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")]
    [InlineData(SigningAuthority.Acting, null, "Q. GIÁM ĐỐC")]
    public void The_signature_block_carries_the_authority_prefix_of_decree_30(SigningAuthority authority, string? prefix, string position)
    {
        var signer = new Signatory("Giám đốc", authority, authority == SigningAuthority.Deputy ? "Phó Giám đốc" : "Chánh Văn phòng", "Lê Văn Ký");
        var block = Decree30.Block(signer);

        Assert.Equal(prefix, block.Authority);
        Assert.Equal(position, block.Title);
        Assert.Equal("Lê Văn Ký", block.Name);
    }

    [Theory]
    [InlineData("Giám đốc", SigningAuthority.Head)]
    [InlineData("Giám đốc Sở", SigningAuthority.Head)]
    [InlineData("Phó Giám đốc Sở", SigningAuthority.Deputy)]
    [InlineData("Q. Giám đốc", SigningAuthority.Acting)]
    [InlineData("Quyền Giám đốc", SigningAuthority.Acting)]
    [InlineData("Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng", SigningAuthority.ByOrder)]
    public void A_result_signer_s_position_tells_how_they_sign_for_the_head(string position, SigningAuthority expected) =>
        Assert.Equal(expected, Decree30.AuthorityOf(position, "Giám đốc"));

    [Fact]
    public void The_issuer_comes_from_the_agency_s_data_not_a_constant()
    {
        var issuer = DossierDocuments.Issuer(DakLak, "Bộ phận Một cửa");
        Assert.Equal("UBND TỈNH ĐẮK LẮK", issuer.ParentBody);
        Assert.Equal("Đắk Lắk", issuer.Place);
        Assert.Equal(new Signatory("Giám đốc", SigningAuthority.Deputy, "Phó Giám đốc", "Lê Quang Vinh"), issuer.Signer);

        var other = new Agency { Code = "UBX", Name = "Ủy ban nhân dân xã Hòa Phú", ParentBody = "UBND TỈNH ĐẮK LẮK", PlaceName = "Hòa Phú", HeadName = "Trần Văn Xã" };
        var otherIssuer = DossierDocuments.Issuer(other, "Trung tâm Phục vụ hành chính công xã");
        Assert.Equal("Hòa Phú", otherIssuer.Place);
        Assert.Equal(new Signatory("Chủ tịch", SigningAuthority.Head, null, "Trần Văn Xã"), otherIssuer.Signer);
    }

    [Fact]
    public void The_apology_of_a_dossier_received_under_decree_118_is_form_04_of_circular_03_signed_kt_by_the_deputy()
    {
        var doc = Apology(DakLak, At("2026-12-01T09:15"));
        var text = Text(doc);

        Assert.Equal("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", doc.Title);
        Assert.Contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", text, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 04 (Ban hành kèm theo Thông tư số 03/2025/TT-VPCP)", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Thông tư số 03/2025/TT-VPCP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("01/2018", text, StringComparison.Ordinal);
        Assert.DoesNotContain("61/2018", text, StringComparison.Ordinal);
        Assert.Contains("UBND TỈNH ĐẮK LẮK", text, StringComparison.Ordinal);
        Assert.Contains("Đắk Lắk, ngày 14 tháng 12 năm 2026", text, StringComparison.Ordinal);
        // pdftotext interleaves the "Nơi nhận" column with the signature block, so the block is read from the model.
        var block = Assert.Single(doc.Signatures);
        Assert.Equal("KT. GIÁM ĐỐC", block.Authority);
        Assert.Equal("PHÓ GIÁM ĐỐC", block.Title);
        Assert.Contains("Lê Quang Vinh", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dossier_received_before_1_july_2025_keeps_the_forms_and_basis_of_its_regime()
    {
        var text = Text(Apology(DakLak, At("2025-06-20T09:15")));

        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Thông tư số 01/2018/TT-VPCP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐỀ NGHỊ GIA HẠN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Forms_02_and_03_of_circular_03_cite_it_from_the_registry()
    {
        var issuer = DossierDocuments.Issuer(DakLak, "Bộ phận Một cửa");
        var received = At("2026-12-01T09:15");
        var supplement = Text(DossierForms.SupplementRequest(new SupplementRequestInput("SKHCN-261201-0007", issuer, Applicant, "Cấp giấy phép", received, received,
            [new SupplementLine("Đơn", "Thiếu chữ ký", null)], "Hồ sơ chưa đầy đủ", "Nguyễn Thị Thu Hà", "http://x/tra-cuu")));
        var refusal = Text(DossierForms.Refusal(new RefusalInput("SKHCN-261201-0007", issuer, Applicant, "Cấp giấy phép", received, received,
            "Không thuộc thẩm quyền", "Nguyễn Thị Thu Hà", "http://x/tra-cuu")));

        foreach (var (text, number) in new[] { (supplement, "Mẫu số 02"), (refusal, "Mẫu số 03") })
        {
            Assert.Contains(number + " (Ban hành kèm theo Thông tư số 03/2025/TT-VPCP)", text, StringComparison.Ordinal);
            Assert.Contains(LegalSources.Circular03of2025.Basis, text, StringComparison.Ordinal);
        }
        Assert.Equal(SourceCertainty.Practice, LegalRegime.Decree118Of2025.Form(OfficialFormKind.SupplementRequest).Certainty);
        Assert.Equal(SourceCertainty.Practice, LegalRegime.Decree118Of2025.Form(OfficialFormKind.Refusal).Certainty);
    }

    [Theory]
    [InlineData("Phó Giám đốc", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC")]
    [InlineData("Chánh Văn phòng", "TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG")]
    [InlineData("Giám đốc", "GIÁM ĐỐC")]
    public void The_result_pdf_signs_for_the_agency_s_head_with_the_right_prefix(string position, string expected)
    {
        var result = new ResultDocument
        {
            DossierCode = "SKHCN-261201-0007", Number = "15", Symbol = "GP-SKHCN", Summary = "Cấp giấy phép tiến hành công việc bức xạ",
            IssuedOn = new DateOnly(2026, 12, 10), SignerName = "Lê Văn Ký", SignerPosition = position, VerificationCode = "ABCD1234",
        };
        var text = System.Text.RegularExpressions.Regex.Replace(
            Tools.PdfToText(ResultPdfs.Generate(result, DossierDocuments.Issuer(DakLak, ""), At("2026-12-10T10:00"), "http://x/xac-thuc")), @"\s+", " ");

        Assert.Contains(expected + " Đã ký số ngày 10/12/2026", text, StringComparison.Ordinal);
        Assert.Contains("UBND TỈNH ĐẮK LẮK", text, StringComparison.Ordinal);
        Assert.Contains("Đắk Lắk, ngày 10 tháng 12 năm 2026", text, StringComparison.Ordinal);
        if (position == "Giám đốc")
        {
            Assert.DoesNotMatch("(KT|TL)\\. GIÁM ĐỐC", text);
        }
    }

    [Fact]
    public void A_word_document_gets_the_decree_30_heading_and_closing_with_the_authority_prefix()
    {
        var docx = new OfficeDocx()
            .Heading("UBND TỈNH ĐẮK LẮK", "Sở Khoa học và Công nghệ", "Số: …/KH-SKHCN", "Đắk Lắk, ngày 10 tháng 12 năm 2026")
            .Paragraph("KẾ HOẠCH", bold: true, center: true)
            .Closing(["Như trên;", "Lưu: VT."], new Signatory("Giám đốc", SigningAuthority.Deputy, "Phó Giám đốc", "Lê Quang Vinh"))
            .ToBytes();
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var texts = System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), "<w:t[^>]*>([^<]*)</w:t>").Select(m => m.Groups[1].Value).Where(t => t.Length > 0).ToList();

        Assert.Equal(
            ["UBND TỈNH ĐẮK LẮK", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: …/KH-SKHCN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Đắk Lắk, ngày 10 tháng 12 năm 2026", "KẾ HOẠCH", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                "(Ký, ghi rõ họ tên và đóng dấu)", "Lê Quang Vinh"],
            texts);
    }
}
