using System.Collections.Concurrent;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Home;

/// <summary>
/// Every page in the menu of each back-office role, opened on a 390 px phone: it answers, it does not scroll sideways and
/// the browser refuses nothing under the content security policy. The citizens' pages are walked once, by the first role.
/// </summary>
public sealed class BackOfficeWalkTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int Width = 390;

    private static readonly string[] BackOfficeRoles = ["admin", "daumoi", "lanhdao", "chuyenvien"];

    private sealed record MenuLink(string Href, bool Public);

    [Fact]
    public async Task Every_menu_page_of_each_back_office_role_fits_a_phone_and_answers()
    {
        var problems = new ConcurrentBag<string>();
        var visited = 0;
        var walks = BackOfficeRoles.Select(async (user, index) =>
        {
            var page = await browser.LoginAsync(user);
            await page.SetViewportSizeAsync(Width, 844);
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    problems.Add($"{user} {page.Url}: {message.Text}");
                }
            };
            var links = (await page.Locator("nav.mainnav a").EvaluateAllAsync<string[]>(
                    "as => as.map(a => (a.closest('.navgroup').querySelector('.navsection').textContent.trim() === 'Công dân' ? 'P' : 'O') + a.getAttribute('href'))"))
                .Select(l => new MenuLink(l[1..], l[0] == 'P')).ToList();
            foreach (var link in links.Where(l => !l.Public || index == 0))
            {
                var response = await page.GotoAsync(link.Href);
                Interlocked.Increment(ref visited);
                var status = response?.Status ?? 0;
                if (status >= 400)
                {
                    problems.Add($"{user} {link.Href}: answered {status}");
                    continue;
                }
                var overflow = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");
                if (overflow > 1)
                {
                    problems.Add($"{user} {link.Href}: {overflow} px wider than a {Width} px screen");
                    await BrowserApp.ScreenshotAsync(page, $"walk-390-{user}-{link.Href.Trim('/').Replace('/', '-')}");
                }
            }
            await page.Context.CloseAsync();
        });
        await Task.WhenAll(walks);

        Assert.True(visited > 60, $"Only {visited} menu pages were walked.");
        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.OrderBy(p => p, StringComparer.Ordinal)));
    }
}
