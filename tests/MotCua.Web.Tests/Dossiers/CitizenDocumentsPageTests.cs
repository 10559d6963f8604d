using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Reports;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The documents as the desk prints them from a stored dossier: the receipt's place in the tracking book, the hand-over
/// slip once a result exists, and the narrative report's Decree 30/2020 heading and closing.
/// </summary>
public sealed class CitizenDocumentsPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static object Receipt(string applicant) => new
    {
        procedureCode = "1.000173",
        channel = "direct",
        applicant = new { name = applicant, idNumber = "079085001234", phone = "0905123456", email = "a@example.vn", address = "Tuy Hòa, Phú Yên" },
        papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
    };

    private static async Task<string> ReceiveAsync(HttpClient desk)
    {
        var response = await desk.PostAsJsonAsync("/api/dossiers", Receipt("Công ty Sổ Theo Dõi " + Guid.NewGuid().ToString("N")[..6]));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    private static int SeqOf(string receiptText)
    {
        var m = System.Text.RegularExpressions.Regex.Match(System.Text.RegularExpressions.Regex.Replace(receiptText, @"\s+", " "), @"Quyển số: (\d+), Số thứ tự: (\d+)");
        Assert.True(m.Success, "no book place on the receipt: " + receiptText);
        Assert.Equal("1", m.Groups[1].Value);
        return int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Receipts_carry_consecutive_lines_of_the_tracking_book_on_one_page()
    {
        using var api = await app.ApiClientAsync("motcua");
        using var desk = await app.LoginAsync("motcua");
        var first = await ReceiveAsync(api);
        var second = await ReceiveAsync(api);

        var firstPdf = await desk.GetByteArrayAsync($"/ho-so/{first}/bieu-mau/tiep-nhan?handler=Pdf");
        var secondPdf = await desk.GetByteArrayAsync($"/ho-so/{second}/bieu-mau/tiep-nhan?handler=Pdf");

        Assert.Equal(SeqOf(Tools.PdfToText(firstPdf)) + 1, SeqOf(Tools.PdfToText(secondPdf)));
        // Printed again, the receipt keeps its line.
        Assert.Equal(SeqOf(Tools.PdfToText(firstPdf)), SeqOf(Tools.PdfToText(await desk.GetByteArrayAsync($"/ho-so/{first}/bieu-mau/tiep-nhan?handler=Pdf"))));
        using var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(secondPdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
    }

    [Fact]
    public async Task The_hand_over_slip_exists_once_a_result_is_issued()
    {
        using var api = await app.ApiClientAsync("motcua");
        using var desk = await app.LoginAsync("motcua");
        var code = await ReceiveAsync(api);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/ho-so/{code}/bieu-mau/ban-giao")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/ho-so/{code}/bieu-mau/xac-nhan-nop")).StatusCode);
    }

    [Fact]
    public async Task The_supplement_request_prints_the_items_the_officer_listed()
    {
        using var api = await app.ApiClientAsync("motcua");
        using var desk = await app.LoginAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await ReceiveAsync(api);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        using (var received = JsonDocument.Parse(await api.GetStringAsync("/api/dossiers/" + code)))
        {
            var moved = await api.PostAsJsonAsync($"/api/dossiers/{code}/actions", new
            {
                action = "transfer", unitId = unit, assignee = "chuyenvien", rowVersion = received.RootElement.GetProperty("rowVersion").GetInt64(),
            });
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        }
        using var current = JsonDocument.Parse(await specialist.GetStringAsync("/api/dossiers/" + code));
        var response = await specialist.PostAsJsonAsync($"/api/dossiers/{code}/actions", new
        {
            action = "requestSupplement",
            rowVersion = current.RootElement.GetProperty("rowVersion").GetInt64(),
            note = "Hồ sơ chưa đầy đủ",
            supplementItems = new[]
            {
                new { paper = "Phiếu khai báo", problem = "Thiếu chữ ký người đứng đầu", legalBasis = (string?)"Khoản 2 Điều 8 Nghị định 142/2020/NĐ-CP" },
                new { paper = "Đơn đề nghị cấp giấy phép", problem = "Sai mẫu đơn", legalBasis = (string?)null },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var text = System.Text.RegularExpressions.Regex.Replace(Tools.PdfToText(await desk.GetByteArrayAsync($"/ho-so/{code}/bieu-mau/bo-sung?handler=Pdf")), @"\s+", " ");

        Assert.Contains("Thiếu chữ ký người đứng đầu", text, StringComparison.Ordinal);
        Assert.Contains("Nghị định 142/2020/NĐ-CP", text, StringComparison.Ordinal);
        Assert.Contains("Sai mẫu đơn", text, StringComparison.Ordinal);
        Assert.Contains("Đơn đề nghị cấp giấy phép", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_narrative_report_has_the_decree_30_heading_number_place_date_recipients_and_signature()
    {
        using var admin = await app.LoginAsync("admin");
        var docx = await admin.GetByteArrayAsync("/bao-cao/ho-so?handler=Word&Ky=2024-Q4");
        var text = SeedReportScenarioTests.ReadDocx(docx);
        if (Environment.GetEnvironmentVariable("MOTCUA_DUMP_DIR") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, "narrative.docx"), docx);
        }

        // The parent body and the place come from the agency's data (the demo department is of Đắk Lắk since 1/7/2025).
        Assert.Contains("UBND TỈNH ĐẮK LẮK", text, StringComparison.Ordinal);
        Assert.Contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐẮK LẮK", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Số: …/BC-SKHCN", text, StringComparison.Ordinal);
        Assert.Matches(@"Đắk Lắk, ngày \d{2} tháng \d{1,2} năm \d{4}", text);
        Assert.Contains("\nBÁO CÁO\n", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả công tác kiểm soát thủ tục hành chính quý IV/2024", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quý iv", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.Contains("- Lưu: VT, SKHCN.", text, StringComparison.Ordinal);
        // The demo agency's deputy signs for the director: "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC" and the name.
        Assert.Contains("\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n", text, StringComparison.Ordinal);
        Assert.Contains("\nLê Quang Vinh", text, StringComparison.Ordinal);
    }
}
