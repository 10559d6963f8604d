using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.BrowserTests.Shared;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA) on every page each officer reaches from the menu, and on the first record each list
/// opens (a dossier, a procedure, a PAKN, a plan, an account …), and on the citizens' main pages: no serious or critical
/// violation anywhere. A failure names the role, the page, the rule and the element. The PostgreSQL run walks the same
/// pages without the axe passes (<see cref="BrowserApp.ChecksAccessibility"/>).
/// </summary>
public sealed partial class AccessibilityTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The demo officers in the order of a dossier's path; the administrator last, who reaches most pages.</summary>
    private static readonly string[] Officers = ["motcua", "chuyenvien", "lanhdao", "daumoi", "admin"];

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>Work in every list: a dossier waiting for the leader, one at the desk, and a PAKN waiting to be classified.</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }
            var app = browser.App;
            using var desk = await app.ApiClientAsync("motcua");
            using var leader = await app.ApiClientAsync("lanhdao");
            using var specialist = await app.ApiClientAsync("chuyenvien");
            int unit;
            await using (var db = app.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            }
            var code = await ReceiveAsync(desk, "Công ty TNHH Thiết bị Y tế Phú Yên");
            await ActAsync(desk, code, "transfer", new { unitId = unit });
            await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
            await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
            await ReceiveAsync(desk, "Phòng khám Đa khoa Sông Cầu");
            using var citizen = app.CreateClient();
            var feedback = await citizen.PostAsJsonAsync("/api/public/feedback", new
            {
                senderName = "Lê Văn Kiến Nghị", senderAddress = "Tuy An, Phú Yên", senderPhone = "0914 111 222", title = "Rút ngắn thời hạn cấp giấy phép X-quang",
                content = "Đề nghị rút ngắn thời hạn giải quyết thủ tục cấp giấy phép sử dụng thiết bị X-quang chẩn đoán y tế.", contentType = "ProposedSolution",
                relatedProcedureCode = "1.000173", consent = true,
            });
            Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<string> ReceiveAsync(HttpClient desk, string applicant)
    {
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = applicant, phone = "0257 3841 333", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object extra)
    {
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/dossiers/" + code));
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.RootElement.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra.GetType().GetProperties())
        {
            body[p.Name] = p.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The serious and critical violations on the page as it stands, one line per element.</summary>
    private static async Task<List<string>> ViolationsAsync(IPage page, string who)
    {
        var violations = await BrowserApp.AxeViolationsAsync(page, Tags);
        var path = new Uri(page.Url).PathAndQuery;
        return [.. violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{who} {path}: {v.Id} ({v.Impact}) {v.Help} at {n.Target} {n.Html}"))];
    }

    /// <summary>A page's kind: a path with its record's code or number replaced, so one record stands for its list.</summary>
    private static string Kind(string path) => DigitSegment().Replace(path, "/*");

    [Fact]
    public async Task Every_page_each_officer_reaches_from_the_menu_has_no_serious_accessibility_violation()
    {
        await SeedAsync();
        var publicPaths = Navigation.Items.Where(i => i.Public).Select(i => i.Href).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var checkedPages = new List<string>();
        foreach (var user in Officers)
        {
            var page = await browser.LoginAsync(user);
            var menu = (await page.Locator("nav.mainnav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Where(h => !publicPaths.Contains(h)).ToList();
            foreach (var href in menu)
            {
                // The landing page, the queue and the dossier page show each role its own work and actions.
                var key = href is "/can-bo" or "/ho-so/hang-doi" ? user + href : href;
                if (!seen.Add(key))
                {
                    continue;
                }
                await page.GotoAsync(href);
                checkedPages.Add(user + " " + href);
                failures.AddRange(await ViolationsAsync(page, user));
                // The first record the list links to, once per kind of page (and per role for a dossier).
                var record = await page.Locator("main table a[href^='/'], main ul a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                var next = record.Select(h => h.Split('?', '#')[0]).FirstOrDefault(h => !menu.Contains(h) && !publicPaths.Contains(h) && DigitSegment().IsMatch(h)
                    && !Download().IsMatch(h) && !seen.Contains(h.StartsWith("/ho-so/", StringComparison.Ordinal) ? user + Kind(h) : Kind(h)));
                if (next is not null)
                {
                    seen.Add(next.StartsWith("/ho-so/", StringComparison.Ordinal) ? user + Kind(next) : Kind(next));
                    await page.GotoAsync(next);
                    checkedPages.Add(user + " " + next);
                    failures.AddRange(await ViolationsAsync(page, user));
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} serious accessibility violations on {checkedPages.Count} pages:\n" + string.Join('\n', failures)
            + "\n\nPages checked:\n" + string.Join('\n', checkedPages));
        Assert.True(checkedPages.Count >= 30, "Pages checked:\n" + string.Join('\n', checkedPages));
    }

    [Fact]
    public async Task The_citizens_main_pages_have_no_serious_accessibility_violation()
    {
        var page = await browser.NewPageAsync();
        var failures = new List<string>();
        foreach (var href in Navigation.Items.Where(i => i.Public).Select(i => i.Href).Append("/dang-nhap"))
        {
            await page.GotoAsync(href);
            failures.AddRange(await ViolationsAsync(page, "citizen"));
        }
        // The lists by channel, a procedure opened from the list, and its online form.
        await page.GotoAsync("/thu-tuc/danh-sach/buu-chinh");
        failures.AddRange(await ViolationsAsync(page, "citizen"));
        await page.GotoAsync("/thu-tuc");
        await page.Locator("main table a[href^='/thu-tuc/']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        failures.AddRange(await ViolationsAsync(page, "citizen"));
        await page.GotoAsync("/nop-truc-tuyen?thu-tuc=1.000173");
        failures.AddRange(await ViolationsAsync(page, "citizen"));
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, $"{failures.Count} serious accessibility violations:\n" + string.Join('\n', failures));
    }

    [GeneratedRegex(@"/[^/]*\d[^/]*")]
    private static partial Regex DigitSegment();

    /// <summary>Files and API answers, which the browser downloads instead of showing.</summary>
    [GeneratedRegex(@"^/api/|\.(pdf|xlsx|docx|csv|json|zip|png|jpg)$|/tai-ve|/tep/", RegexOptions.IgnoreCase)]
    private static partial Regex Download();
}
