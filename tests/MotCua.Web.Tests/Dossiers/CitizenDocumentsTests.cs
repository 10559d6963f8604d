using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Tests.Shared;
using PdfSharp.Pdf.IO;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The documents handed to a citizen, read back from the PDF as text (pdftotext) and counted in pages: the receipt on one
/// page with its QR code and book place, Mẫu 02 with each item, the apology worded for its ground and signed for the
/// agency, the hand-over slip and the online confirmation.
/// </summary>
public sealed class CitizenDocumentsTests
{
    private static readonly FormIssuer Issuer = new("UBND TỈNH PHÚ YÊN", "Sở Khoa học và Công nghệ tỉnh Phú Yên", "Bộ phận Một cửa", "Tuy Hòa", "SKHCN");

    private static readonly FormApplicant Applicant = new("Công ty TNHH Bức Xạ Phú Yên", "12 Lê Lợi, Phường 5, Tuy Hòa", "0905123456", "a@example.vn", "079085001234");

    private const string Url = "http://127.0.0.1:5080/tra-cuu/SKHCN-261201-0007";

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + ":00+07:00", System.Globalization.CultureInfo.InvariantCulture);

    private static (string Text, int Pages) Read(OfficialDocument doc, string dumpName)
    {
        var pdf = PdfRenderer.Render(doc);
        if (Environment.GetEnvironmentVariable("MOTCUA_DUMP_DIR") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, dumpName + ".pdf"), pdf);
        }
        using var opened = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return (Tools.PdfToText(pdf), opened.PageCount);
    }

    /// <summary>pdftotext -layout pads columns with spaces: compare with single spaces.</summary>
    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    internal static ReceiptSlipInput Receipt(int papers) => new("SKHCN-261201-0007", Issuer, Applicant,
        "Cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang chẩn đoán trong y tế",
        [.. Enumerable.Range(1, papers).Select(n => new FormPaper($"Thành phần hồ sơ số {n}: bản khai báo thông tin về thiết bị bức xạ, nguồn phóng xạ và nhân viên bức xạ kèm theo", n % 2 == 0 ? "Bản sao chứng thực" : "Bản chính", 1))],
        1, At("2026-12-01T09:15"), At("2026-12-15T09:15"), "Bộ phận Một cửa, Sở Khoa học và Công nghệ tỉnh Phú Yên", "Nguyễn Thị Thu Hà", 1, 7, Url);

    [Fact]
    public void The_receipt_with_many_papers_stays_on_one_page_with_its_QR_code_and_book_place()
    {
        var doc = DossierForms.ReceiptSlip(Receipt(papers: 12));
        Assert.True(PdfRenderer.PageCount(doc) > 1, "the sample must be long enough to spill at the normal size");

        var (text, pages) = Read(doc, "receipt");

        Assert.Equal(1, pages);
        Assert.Contains(Url, Tools.DecodeQrCodes(PdfRenderer.Render(doc)));
        Assert.Contains("Vào Sổ theo dõi hồ sơ, Quyển số: 1, Số thứ tự: 7", Squeeze(text), StringComparison.Ordinal);
        Assert.Contains("Thành phần hồ sơ số 12", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1000, 1, 1000)]
    [InlineData(1001, 2, 1)]
    [InlineData(2345, 3, 345)]
    public void The_book_place_counts_lines_of_the_year_in_volumes(int line, int volume, int seq) =>
        Assert.Equal(new BookPlace(volume, seq), TrackingBook.Place(line));

    [Fact]
    public void The_supplement_request_lists_each_item_with_its_paper_problem_and_legal_basis()
    {
        var doc = DossierForms.SupplementRequest(new SupplementRequestInput("SKHCN-261201-0007", Issuer, Applicant, "Cấp giấy phép tiến hành công việc bức xạ",
            At("2026-12-01T09:15"), At("2026-12-02T10:00"),
            [
                new SupplementLine("Chứng chỉ nhân viên bức xạ", "Bản sao chưa chứng thực", "Điểm c khoản 1 Điều 11 Nghị định 142/2020/NĐ-CP"),
                new SupplementLine("Phiếu khai báo thiết bị X-quang", "Thiếu số sê-ri của bóng phát tia", "Mẫu 03 Phụ lục I Thông tư 04/2026/TT-BKHCN"),
            ], "Hồ sơ chưa đầy đủ", "Nguyễn Thị Thu Hà", Url));

        var (text, pages) = Read(doc, "supplement");
        var flat = Squeeze(text);

        Assert.Equal(1, pages);
        Assert.Contains("Căn cứ pháp lý", flat, StringComparison.Ordinal);
        foreach (var expected in new[] { "Chứng chỉ nhân viên bức xạ", "Bản sao chưa chứng thực", "142/2020/NĐ-CP", "Thiếu số sê-ri của bóng phát tia", "04/2026/TT-BKHCN" })
        {
            Assert.Contains(expected, flat, StringComparison.Ordinal);
        }
    }

    private static ApologyInput Apology(DelayGround ground) => new("SKHCN-261201-0007", Issuer, Applicant, "Cấp giấy phép tiến hành công việc bức xạ",
        At("2026-12-01T09:15"), At("2026-12-15T09:15"), At("2026-12-22T09:15"), At("2026-12-14T09:00"), "Chờ kết quả kiểm định thiết bị", ground, Url);

    [Fact]
    public void A_forecast_apology_does_not_say_the_dossier_is_late_and_an_overdue_one_does()
    {
        var (forecast, _) = Read(DossierForms.Apology(Apology(DelayGround.Forecast)), "apology-forecast");
        var (overdue, _) = Read(DossierForms.Apology(Apology(DelayGround.Overdue)), "apology-overdue");

        Assert.Contains("dự kiến không trả kết quả giải quyết hồ sơ", Squeeze(forecast), StringComparison.Ordinal);
        Assert.DoesNotContain("quá thời hạn", Squeeze(forecast), StringComparison.Ordinal);
        Assert.DoesNotContain("đã gây phiền hà", Squeeze(forecast), StringComparison.Ordinal);
        Assert.Contains("đã quá thời hạn trả kết quả", Squeeze(overdue), StringComparison.Ordinal);
        Assert.Contains("xin hẹn lại thời gian trả kết quả vào: 09 giờ 15 phút, ngày 22 tháng 12 năm 2026", Squeeze(forecast), StringComparison.Ordinal);
    }

    [Fact]
    public void The_apology_is_the_agency_s_letter_signed_for_its_head_in_the_decree_30_layout()
    {
        var doc = DossierForms.Apology(Apology(DelayGround.Forecast));
        var (text, pages) = Read(doc, "apology");
        var flat = Squeeze(text);

        Assert.Equal(1, pages);
        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH PHÚ YÊN", doc.Issuer);
        Assert.Equal("UBND TỈNH PHÚ YÊN", doc.ParentBody);
        Assert.Equal("THỦ TRƯỞNG CƠ QUAN", Assert.Single(doc.Signatures).Title);
        Assert.Contains("Số: ……/SKHCN", flat, StringComparison.Ordinal);
        Assert.Contains("Tuy Hòa, ngày 14 tháng 12 năm 2026", flat, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Công ty TNHH Bức Xạ Phú Yên", flat, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", flat, StringComparison.Ordinal);
        Assert.Contains("THỦ TRƯỞNG CƠ QUAN", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("CHI CỤC", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hand_over_slip_names_who_received_what_and_when_with_both_signatures()
    {
        var doc = DossierForms.ResultHandOver(new ResultHandOverInput("SKHCN-261201-0007", Issuer, Applicant, "Cấp giấy phép tiến hành công việc bức xạ",
            At("2026-12-01T09:15"), At("2026-12-15T09:15"), At("2026-12-14T15:40"), "Nhận trực tiếp tại Bộ phận Một cửa",
            [new FormPaper("Giấy phép tiến hành công việc bức xạ số 45/GP-SKHCN", "Bản chính", 1)], "Nguyễn Thị Thu Hà", At("2026-12-14T15:41"), Url));

        var (text, pages) = Read(doc, "hand-over");
        var flat = Squeeze(text);

        Assert.Equal(1, pages);
        Assert.Contains("PHIẾU BÀN GIAO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", flat, StringComparison.Ordinal);
        Assert.Contains("Thời gian trả kết quả: 15 giờ 40 phút, ngày 14 tháng 12 năm 2026", flat, StringComparison.Ordinal);
        Assert.Contains("Giấy phép tiến hành công việc bức xạ số 45/GP-SKHCN", flat, StringComparison.Ordinal);
        Assert.Contains("079085001234", flat, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI NHẬN KẾT QUẢ", flat, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI TRẢ KẾT QUẢ", flat, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Thu Hà", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void The_online_confirmation_lists_the_files_and_the_check_deadline()
    {
        var doc = DossierForms.OnlineSubmission(new OnlineSubmissionInput("SKHCN-261201-0007", Issuer, Applicant, "Cấp giấy phép tiến hành công việc bức xạ",
            At("2026-12-01T21:05"), At("2026-12-02T15:00"),
            [new SubmittedFile("Đơn đề nghị cấp giấy phép", "don-de-nghi.pdf", 245_000), new SubmittedFile(null, "anh-thiet-bi.jpg", 3_500_000)],
            At("2026-12-01T21:05"), Url));

        var (text, pages) = Read(doc, "online-confirmation");
        var flat = Squeeze(text);

        Assert.Equal(1, pages);
        Assert.Contains("GIẤY XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN", flat, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: SKHCN-261201-0007", flat, StringComparison.Ordinal);
        Assert.Contains("Thời gian hệ thống nhận hồ sơ: 21 giờ 05 phút, ngày 01 tháng 12 năm 2026", flat, StringComparison.Ordinal);
        Assert.Contains("Thời hạn kiểm tra hồ sơ dự kiến: 15 giờ 00 phút, ngày 02 tháng 12 năm 2026", flat, StringComparison.Ordinal);
        Assert.Contains("don-de-nghi.pdf", flat, StringComparison.Ordinal);
        Assert.Contains("Tệp đính kèm khác", flat, StringComparison.Ordinal);
        Assert.Contains("3,3 MB", flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quý IV/2026", "quý IV/2026")]
    [InlineData("Tháng 3/2025", "tháng 3/2025")]
    [InlineData("6 tháng đầu năm 2025", "6 tháng đầu năm 2025")]
    public void Period_labels_keep_roman_capitals_inside_a_sentence(string label, string expected) =>
        Assert.Equal(expected, ReportNarrative.LowerFirst(label));
}
