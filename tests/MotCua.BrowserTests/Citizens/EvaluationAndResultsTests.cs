using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Citizens;

/// <summary>
/// The citizen rates a returned dossier with the plain questions (after 15/12/2026) on a phone, by touch and keyboard,
/// and the public results show the ballot for the quarter; both pages at 390 and 1280 px with no serious axe violation.
/// </summary>
public sealed class EvaluationAndResultsTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/dossiers/" + code));
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.RootElement.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserApp.AxeViolationsAsync(page, Tags);
        var serious = violations.Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id}: {v.Help} at {n.Target}")).ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
    }

    [Fact]
    public async Task Citizen_answers_the_plain_questions_on_a_phone_and_sees_the_quarter_results()
    {
        var app = browser.App;
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Đo lường Sông Ba", phone = "0905318274", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await ActAsync(leader, code, "approve");
        await ActAsync(desk, code, "return", new { delivery = "atDesk" });
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero));

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/tra-cuu/" + code);
        await page.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync("0905318274");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        var form = page.GetByTestId("evaluation-form");
        await Assertions.Expect(form.Locator("fieldset.rating-question")).ToHaveCountAsync(6);
        await Assertions.Expect(form).ToContainTextAsync("Cán bộ tiếp nhận hướng dẫn có rõ ràng, đầy đủ không?");

        // Each answer is a whole touch target of at least 44 px.
        var heights = await form.Locator(".rating-choices label").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 44, $"answer {h} px high"));

        // Keyboard: Tab reaches the first question's answers, the arrow keys move the choice.
        await form.Locator("input[name='Answers[0]']").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(form.Locator("input[name='Answers[0]'][value='4']")).ToBeCheckedAsync();
        await form.GetByTestId("question-thai-do").GetByText("Rất hài lòng", new() { Exact = true }).ClickAsync();
        await form.GetByTestId("question-bo-sung").GetByText("Không", new() { Exact = true }).ClickAsync();
        await form.GetByTestId("question-dung-hen").GetByText("Có", new() { Exact = true }).ClickAsync();
        await form.GetByTestId("question-chi-phi").GetByText("Không", new() { Exact = true }).ClickAsync();
        await form.GetByTestId("question-chung").GetByText("Hài lòng", new() { Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "citizen-evaluation-questions");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evaluation-thanks")).ToBeVisibleAsync();
        await using (var check = app.CreateDbContext())
        {
            var ballot = await check.DossierEvaluations.SingleAsync(e => e.DossierCode == code);
            Assert.Equal("4,5,0,1,0,4", ballot.Answers);
            Assert.Equal(1, ballot.QuestionnaireVersion);
        }

        await page.GotoAsync("/");
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator(".navfold > summary").ClickAsync();
        await page.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = "Thống kê" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stats-period")).ToContainTextAsync("Quý I/2027");
        await Assertions.Expect(page.GetByTestId("level-chung-4")).ToContainTextAsync("Hài lòng: 100,0% (1)");
        await AssertAccessibleAsync(page);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "public-results-quarter");
    }
}
