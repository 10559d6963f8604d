using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Indices;

/// <summary>The leader's dashboard, the 766 index and the one-stop scoring over a year of imported dossiers, as a user sees them.</summary>
public sealed class IndexJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>A year of dossiers (04/2024–03/2025) with early, on-time, late, open and overdue ones, mixed channels.</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }
            var records = new List<object>();
            var start = new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.FromHours(7));
            var random = new Random(766);
            for (var day = 0; start.AddDays(day) < new DateTimeOffset(2025, 3, 7, 0, 0, 0, TimeSpan.FromHours(7)); day += 3)
            {
                var received = start.AddDays(day).AddHours(random.Next(0, 8));
                var due = received.AddDays(7);
                var outcome = random.Next(10);
                DateTimeOffset? resolved = outcome switch
                {
                    < 6 => received.AddDays(random.Next(1, 6)),
                    < 8 => due.AddHours(-1),
                    9 => due.AddDays(random.Next(1, 5)),
                    _ => null,
                };
                if (resolved > new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.FromHours(7)))
                {
                    resolved = null;
                }
                static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
                records.Add(new
                {
                    procedureCode = "1.000173",
                    channel = random.Next(3) switch { 0 => "online", 1 => "direct", _ => "postal" },
                    applicant = new { name = "Công ty Minh Họa " + day.ToString(CultureInfo.InvariantCulture) },
                    receivedAt = Iso(received),
                    dueAt = Iso(due),
                    resolvedAt = resolved is { } r ? Iso(r) : null,
                    returnedAt = resolved is { } r2 ? Iso(r2) : null,
                });
            }
            using var admin = await browser.App.ApiClientAsync("admin");
            var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task Leader_reads_the_dashboard()
    {
        await SeedAsync();
        var page = await browser.LoginAsync("lanhdao");
        await page.GotoAsync("/can-bo");
        await page.GetByTestId("dashboard-link").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều khiển giải quyết thủ tục hành chính" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.chart")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("kf-overdue")).Not.ToHaveTextAsync("0");
        await BrowserApp.ScreenshotAsync(page, "indices-dashboard");
    }

    [Fact]
    public async Task Officer_reads_the_766_index_and_drills_into_lost_points()
    {
        await SeedAsync();
        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync("/chi-so-766?ky=quy&nam=2025&so=1");
        await Assertions.Expect(page.GetByTestId("earned-of-max")).ToContainTextAsync("/ 100");
        await BrowserApp.ScreenshotAsync(page, "indices-766");
        await page.GetByTestId("indicator-2.1").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("lost-items")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "indices-766-drill-down");
    }

    [Fact]
    public async Task Leader_reads_the_one_stop_scoring()
    {
        await SeedAsync();
        var page = await browser.LoginAsync("lanhdao");
        await page.GotoAsync("/cham-diem-mot-cua?ky=quy&nam=2025&so=1");
        await Assertions.Expect(page.GetByTestId("scoring-summary")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "indices-scoring");
    }
}
