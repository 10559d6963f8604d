using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Home;

/// <summary>
/// The control focal officer's day, reached only by clicking from the landing page: the PAKN waiting to be classified,
/// one classified to the officer's own unit and answered, the 766 index, the quarter's report and its Biểu 06 workbook.
/// </summary>
public sealed class FocalOfficerDayJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string OwnUnit = "Phòng Thanh tra – Hành chính tổng hợp";

    private async Task<string> SendFeedbackAsync(string sender, string title)
    {
        using var citizen = browser.App.CreateClient();
        var response = await citizen.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = sender, senderAddress = "Tuy Hòa, Phú Yên", senderPhone = "0914 333 444", title,
            content = "Đề nghị Sở xem xét đơn giản hóa thành phần hồ sơ của thủ tục cấp giấy phép sử dụng thiết bị X-quang.",
            contentType = "ProposedSolution", relatedProcedureCode = "1.000173", consent = true,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    private async Task ReceiveDossiersAsync(int count)
    {
        using var desk = await browser.App.ApiClientAsync("motcua");
        for (var i = 0; i < count; i++)
        {
            var response = await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173",
                channel = "direct",
                applicant = new { name = "Công ty TNHH Đầu Mối số " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), phone = "0257 3841 444" },
                papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_focal_officer_classifies_and_answers_a_PAKN_reads_the_766_index_and_the_report_and_exports_Bieu_06()
    {
        var first = await SendFeedbackAsync("Lê Thị Góp Ý", "Đơn giản hóa hồ sơ cấp giấy phép X-quang");
        await SendFeedbackAsync("Đỗ Văn Kiến Nghị", "Công khai thời hạn giải quyết trên cổng");
        await ReceiveDossiersAsync(2);
        await using (var db = browser.App.CreateDbContext())
        {
            Assert.Equal(OwnUnit, await db.Units.Where(u => u.Id == db.Users.Where(x => x.UserName == "daumoi").Select(x => x.UnitId).Single()).Select(u => u.Name).SingleAsync());
        }

        // The landing page: two PAKN wait to be classified.
        var page = await browser.LoginAsync("daumoi");
        var classify = page.GetByTestId("inbox-group-pakn-classify");
        await Assertions.Expect(page.GetByTestId("inbox-count-pakn-classify")).ToHaveTextAsync("2");
        await Assertions.Expect(classify).ToContainTextAsync("Phản ánh, kiến nghị chờ phân loại");
        await Assertions.Expect(classify.GetByTestId("inbox-within-pakn-classify")).ToHaveTextAsync("2 trong hạn");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-focal-1-inbox");

        // One click: the register filtered to those two.
        await classify.Locator("a.inbox-main").ClickAsync();
        var register = page.GetByTestId("pakn-register");
        await Assertions.Expect(register.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(register).ToContainTextAsync("Đơn giản hóa hồ sơ cấp giấy phép X-quang");
        await Assertions.Expect(register).ToContainTextAsync("Công khai thời hạn giải quyết trên cổng");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-focal-2-pakn-register");

        // Classified in scope, to the officer's own unit, then answered there.
        await register.GetByRole(AriaRole.Link, new() { Name = first }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(first);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đơn giản hóa hồ sơ cấp giấy phép X-quang");
        await Assertions.Expect(page.GetByTestId("pakn-status")).ToContainTextAsync("Mới tiếp nhận");
        await page.GetByTestId("pakn-inscope").GetByLabel("Đơn vị chủ trì xử lý").SelectOptionAsync(new SelectOptionValue { Label = OwnUnit });
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao đơn vị xử lý" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("pakn-status")).ToContainTextAsync("Đang xử lý");
        await page.GetByTestId("pakn-draft").GetByLabel("Nội dung trả lời").FillAsync("Sở tiếp thu, sẽ đề xuất bỏ yêu cầu bản sao chứng thực trong đợt rà soát quý I/2025.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo trả lời" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("pakn-status")).ToContainTextAsync("Chờ duyệt");
        await Assertions.Expect(page.GetByTestId("pakn-answer-by")).ToContainTextAsync("Phạm Thị Lan");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-focal-3-pakn-answered");

        // Back on the landing page one PAKN is left to classify.
        await page.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = "Việc chờ tôi" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-count-pakn-classify")).ToHaveTextAsync("1");

        // The 766 index of the current period.
        await page.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = "Chỉ số 766" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("766");
        await Assertions.Expect(page.GetByTestId("earned-of-max")).ToContainTextAsync("/ 100");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-focal-4-index-766");

        // The quarter's report counts the two dossiers received at the desk today, and exports as Biểu 06.
        await page.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = "Báo cáo kết quả giải quyết TTHC" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-period")).ToContainTextAsync("Từ ngày 15/12/2024 đến ngày 14/03/2025");
        var total = page.Locator("[data-testid=report-table] tr[data-key='total']");
        await Assertions.Expect(total.Locator("td[data-cell='receivedDirect']")).ToHaveTextAsync("2");
        await Assertions.Expect(total.Locator("td[data-cell='pending']")).ToHaveTextAsync("2");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-focal-5-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-excel").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using var workbook = ZipFile.OpenRead(path);
        var text = new System.Text.StringBuilder();
        foreach (var entry in workbook.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Đắk Lắk", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("Biểu số 06/VPCP/KSTT", text.ToString(), StringComparison.Ordinal);
    }
}
