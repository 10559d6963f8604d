using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Review;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Review;

public sealed partial class ReviewTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task Calculator_page_reproduces_the_worked_example_to_the_dong()
    {
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ra-soat/tinh-chi-phi");
        var response = await client.PostAsync("/ra-soat/tinh-chi-phi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["HourlyValue"] = "40.000",
            ["Before.ProcessingDays"] = "10",
            ["Before.Subjects"] = "10",
            ["Before.Frequency"] = "1",
            ["After.ProcessingDays"] = "9",
            ["After.Subjects"] = "10",
            ["After.Frequency"] = "1",
            ["__RequestVerificationToken"] = token,
        }));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal("32.000.000", Cell(html, "cost-before"));
        Assert.Equal("28.800.000", Cell(html, "cost-after"));
        Assert.Equal("3.200.000", Cell(html, "cost-saving"));
        Assert.Equal("10,00%", Cell(html, "cost-percent"));
        // Money is whole đồng, as Vietnamese write it: no ",00".
        Assert.Contains("Chi phí một lần thực hiện: trước 3.200.000 đồng, sau 2.880.000 đồng.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(",00 đồng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_numbers_get_a_Vietnamese_message()
    {
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ra-soat/tinh-chi-phi");
        var response = await client.PostAsync("/ra-soat/tinh-chi-phi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["HourlyValue"] = "bốn mươi nghìn",
            ["Before.ProcessingDays"] = "-3",
            ["__RequestVerificationToken"] = token,
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("«bốn mươi nghìn» không phải số không âm hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("«-3» không phải số không âm hợp lệ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"cost-result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_item_stores_its_cost_and_the_simplification_plan_exports()
    {
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ra-soat");
        var created = await client.PostAsync("/ra-soat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Year"] = "2025",
            ["Input.Title"] = "Rà soát trọng tâm năm 2025 (kiểm thử)",
            ["Input.Basis"] = "OwnChoice",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roundUrl = created.Headers.Location!.OriginalString;

        token = await MotCuaApp.AntiforgeryTokenAsync(client, roundUrl);
        var added = await client.PostAsync(roundUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ProcedureName"] = "Cấp giấy phép tiến hành công việc bức xạ",
            ["Input.ProcedureCode"] = "1.000123",
            ["__RequestVerificationToken"] = token,
        }));
        var itemUrl = added.Headers.Location!.OriginalString;

        token = await MotCuaApp.AntiforgeryTokenAsync(client, itemUrl);
        var saved = await client.PostAsync(itemUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SimplificationContent"] = "Cắt giảm thời gian giải quyết từ 25 ngày làm việc xuống 23 ngày làm việc.",
            ["ImplementationProposal"] = "Sửa đổi quyết định công bố TTHC.",
            ["HourlyValue"] = "40000",
            ["Before.ProcessingDays"] = "25",
            ["Before.Subjects"] = "10",
            ["Before.Frequency"] = "1",
            ["After.ProcessingDays"] = "23",
            ["After.Subjects"] = "10",
            ["After.Frequency"] = "1",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var db = app.CreateDbContext();
        var item = await db.ReviewItems.Include(i => i.Costs).SingleAsync(i => i.ProcedureCode == "1.000123");
        Assert.Equal(80_000_000m, item.CostBefore);
        Assert.Equal(73_600_000m, item.CostAfter);
        Assert.Equal(200m, item.Costs.Single(c => c.Phase == CostPhase.Before).Hours);

        var docx = await client.GetAsync(roundUrl + "?handler=docx");
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH", text, StringComparison.Ordinal);
        Assert.Contains("Chi phí tiết kiệm: 6.400.000 đồng/năm", text, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ cắt giảm chi phí: 8,00%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leader_reads_reviews_but_cannot_create_them()
    {
        using var client = await app.LoginAsync("lanhdao");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/ra-soat"));
        Assert.DoesNotContain("Tạo đợt rà soát", html, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ra-soat");
        var response = await client.PostAsync("/ra-soat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Year"] = "2025",
            ["Input.Title"] = "Không được tạo",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/khong-co-quyen", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_assessment_is_stored_with_its_draft()
    {
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/danh-gia-tac-dong");
        var created = await client.PostAsync("/danh-gia-tac-dong?handler=draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewDraft.Title"] = "Dự thảo Quyết định quy định hỗ trợ doanh nghiệp khoa học và công nghệ (kiểm thử)",
            ["__RequestVerificationToken"] = token,
        }));
        var draftUrl = created.Headers.Location!.OriginalString;
        var draftId = int.Parse(draftUrl.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);

        token = await MotCuaApp.AntiforgeryTokenAsync(client, draftUrl);
        var bad = await client.PostAsync($"/danh-gia-tac-dong?handler=assessment&draft={draftId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Assessment.ProcedureName"] = "Thủ tục hỗ trợ",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("Vui lòng đánh giá sự cần thiết.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var ok = await client.PostAsync($"/danh-gia-tac-dong?handler=assessment&draft={draftId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Assessment.ProcedureName"] = "Thủ tục hỗ trợ",
            ["Assessment.Necessity"] = "Cần thiết để quản lý kinh phí hỗ trợ.",
            ["Assessment.Reasonableness"] = "Hồ sơ gồm 2 thành phần, thời hạn 10 ngày làm việc.",
            ["Assessment.Legality"] = "Phù hợp Luật Khoa học và Công nghệ.",
            ["Assessment.ComplianceCost"] = "16.000.000",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var db = app.CreateDbContext();
        var a = await db.ImpactAssessments.SingleAsync(x => x.DraftId == draftId);
        Assert.Equal(16_000_000m, a.ComplianceCost);
    }

    private static string Cell(string html, string testId) =>
        CellRegex().Matches(html).Single(m => m.Groups[1].Value == testId).Groups[2].Value.Trim();

    [GeneratedRegex("data-testid=\"([a-z-]+)\">([^<]*)<")]
    private static partial Regex CellRegex();
}
