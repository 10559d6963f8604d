using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Organisation;

namespace MotCua.BrowserTests.Home;

public sealed class LeaderInboxJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
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

    private static async Task<string> ReceiveAsync(HttpClient desk, string applicant)
    {
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = applicant, phone = "0257 3841 222", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task The_leader_logs_in_sees_the_dossier_waiting_for_approval_and_opens_it_in_one_click()
    {
        var app = browser.App;
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        var code = await ReceiveAsync(desk, "Bệnh viện Đa khoa tỉnh Phú Yên");
        await ActAsync(desk, code, "transfer", new { unitId = unit });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
        // Work for the other roles, so their landing pages have something to show.
        await ReceiveAsync(desk, "Công ty TNHH Kiểm định Miền Trung");
        var mine = await ReceiveAsync(desk, "Phòng khám Nha khoa Tuy Hòa");
        await ActAsync(desk, mine, "transfer", new { unitId = unit });
        await ActAsync(leader, mine, "assign", new { assignee = "chuyenvien" });

        var page = await browser.LoginAsync("lanhdao");
        var group = page.GetByTestId("inbox-group-to-approve");
        await Assertions.Expect(page.GetByTestId("inbox-count-to-approve")).ToHaveTextAsync("1");
        await Assertions.Expect(group).ToContainTextAsync("Hồ sơ chờ phê duyệt");
        await Assertions.Expect(page.Locator("nav.mainnav a").First).ToHaveTextAsync("Việc chờ tôi");
        await BrowserApp.ScreenshotAsync(page, "inbox-leader");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, "inbox-leader-390");
        await page.SetViewportSizeAsync(1280, 860);

        await group.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Hồ sơ chờ phê duyệt") }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/ho-so/" + code);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(code);

        foreach (var (user, name) in new[] { ("motcua", "desk"), ("chuyenvien", "specialist"), ("daumoi", "focal") })
        {
            var other = await browser.LoginAsync(user);
            await BrowserApp.ScreenshotAsync(other, "inbox-" + name);
            await other.SetViewportSizeAsync(390, 844);
            await BrowserApp.ScreenshotAsync(other, "inbox-" + name + "-390");
        }
    }
}
