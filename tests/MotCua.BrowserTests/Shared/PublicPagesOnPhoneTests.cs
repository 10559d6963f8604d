using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Shared;

/// <summary>
/// Every public page (and the desk's counter) on a 390 px phone and a 1280 px screen: no sideways scroll, the menu folded
/// behind its button, touch targets of at least 44 px, a skip link first, and no serious or critical axe violation
/// (WCAG 2.1 A/AA). Failures are collected over all pages so one run names them all.
/// </summary>
public sealed class PublicPagesOnPhoneTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The citizen's pages, each with the short name its screenshots carry.</summary>
    public static readonly (string Name, string Path)[] PublicPages =
    [
        ("home", "/"),
        ("catalogue", "/thu-tuc"),
        ("catalogue-search", "/thu-tuc?q=giay+phep+buc+xa"),
        ("procedure", "/thu-tuc/1.000173"),
        ("posting-list", "/thu-tuc/danh-sach/buu-chinh"),
        ("submit", "/nop-truc-tuyen?thu-tuc=1.000173"),
        ("submit-choose", "/nop-truc-tuyen"),
        ("lookup", "/tra-cuu"),
        ("result-lookup", "/tra-cuu-ket-qua"),
        ("feedback", "/phan-anh-kien-nghi"),
        ("feedback-answered", "/phan-anh-kien-nghi/da-tra-loi"),
        ("feedback-track", "/phan-anh-kien-nghi/tra-cuu"),
        ("statistics", "/thong-ke"),
        ("news", "/cai-cach-hanh-chinh"),
        ("privacy-rights", "/quyen-du-lieu-ca-nhan"),
        ("privacy-follow", "/quyen-du-lieu-ca-nhan/theo-doi"),
        ("login", "/dang-nhap"),
    ];

    /// <summary>What a finger must hit: the menu, buttons, fields and links that stand alone (not words inside a sentence).</summary>
    private const string TouchTargets =
        "nav.mainnav a, .navfold > summary, .skip-link, button, .button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), "
        + "textarea, .actions > a, .footer a, .topbar a";

    private static async Task<List<string>> ViolationsAsync(IPage page, string where)
    {
        var violations = await BrowserApp.AxeViolationsAsync(page, Tags);
        return [.. violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{where}: axe {v.Id} ({v.Impact}) {v.Help} at {n.Target} {n.Html}"))];
    }

    /// <summary>The phone's checks of the page as it stands at 390 px.</summary>
    private static async Task<List<string>> PhoneProblemsAsync(IPage page, string where)
    {
        var problems = new List<string>();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 0)
        {
            problems.Add($"{where}: the page is {overflow} px wider than the screen");
        }
        if (await page.Locator("nav.mainnav").IsVisibleAsync())
        {
            problems.Add($"{where}: the menu is open before the menu button is pressed");
        }
        var small = await page.Locator(TouchTargets).EvaluateAllAsync<string[]>(
            """
            els => els.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && (r.height < 44 || r.width < 44); })
                      .map(e => { const r = e.getBoundingClientRect(); return `${e.tagName.toLowerCase()} "${(e.innerText || e.value || e.getAttribute('aria-label') || e.name || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`; })
            """);
        problems.AddRange(small.Select(s => $"{where}: touch target smaller than 44×44 px: {s}"));
        return problems;
    }

    /// <summary>The first Tab lands on the skip link, and following it puts the next Tab inside the main content.</summary>
    private static async Task<List<string>> SkipLinkProblemsAsync(IPage page, string where)
    {
        // A page that puts the cursor in its first field (the login) has already skipped the header.
        if (await page.EvaluateAsync<bool>("() => !!document.activeElement && document.activeElement.matches('main input, main select, main textarea')"))
        {
            return [];
        }
        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.textContent.trim() : ''");
        if (first != "Bỏ qua đến nội dung chính")
        {
            return [$"{where}: the first Tab reaches \"{first}\", not the skip link"];
        }
        await page.Keyboard.PressAsync("Enter");
        var onMain = await page.EvaluateAsync<bool>("() => !!document.activeElement && document.activeElement.matches('main')");
        if (!onMain)
        {
            return [$"{where}: following the skip link does not put the focus on the main content"];
        }
        var hasField = await page.Locator("main a[href], main button, main input:not([type=hidden]), main select, main textarea").CountAsync() > 0;
        await page.Keyboard.PressAsync("Tab");
        var inMain = await page.EvaluateAsync<bool>("() => !!document.activeElement && !!document.activeElement.closest('main')");
        return inMain || !hasField ? [] : [$"{where}: after the skip link the next Tab is not in the main content"];
    }

    [Fact]
    public async Task Every_public_page_fits_a_phone_and_has_no_serious_accessibility_violation_on_a_phone_or_a_wide_screen()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        foreach (var (name, path) in PublicPages)
        {
            await page.SetViewportSizeAsync(390, 844);
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await BrowserApp.ScreenshotAsync(page, "public-" + name + "-390");
            problems.AddRange(await PhoneProblemsAsync(page, path + " @390"));
            problems.AddRange(await SkipLinkProblemsAsync(page, path + " @390"));
            await page.GotoAsync(path);
            problems.AddRange(await ViolationsAsync(page, path + " @390"));

            await page.SetViewportSizeAsync(1280, 860);
            await page.GotoAsync(path);
            await BrowserApp.ScreenshotAsync(page, "public-" + name + "-1280");
            problems.AddRange(await ViolationsAsync(page, path + " @1280"));
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task The_counter_has_a_skip_link_to_its_first_field_and_no_serious_accessibility_violation_at_either_width()
    {
        var page = await browser.LoginAsync("motcua");
        var problems = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 860);
            await page.GotoAsync("/mot-cua/tiep-nhan");
            await BrowserApp.ScreenshotAsync(page, "counter-" + width);
            problems.AddRange(await ViolationsAsync(page, "/mot-cua/tiep-nhan @" + width));
            await page.GotoAsync("/mot-cua/tiep-nhan");
            problems.AddRange(await SkipLinkProblemsAsync(page, "/mot-cua/tiep-nhan @" + width));
            var field = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.tagName : ''");
            if (field is not ("INPUT" or "SELECT" or "TEXTAREA"))
            {
                problems.Add($"/mot-cua/tiep-nhan @{width}: the Tab after the skip link reaches a {field}, not the form's first field");
            }
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_opens_and_closes_the_menu_and_on_a_wide_screen_the_menu_shows_without_it()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/thu-tuc");
        var menu = page.Locator("nav.mainnav");
        var button = page.Locator(".navfold > summary");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await button.ClickAsync();
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "public-menu-open-390");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Tra cứu hồ sơ" }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/tra-cuu");
        await Assertions.Expect(menu).ToBeHiddenAsync();

        await page.SetViewportSizeAsync(1280, 860);
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(button).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_posting_lists_print_button_prints_and_the_site_has_a_favicon()
    {
        var page = await browser.NewPageAsync();
        var csp = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                csp.Add(m.Text);
            }
        };
        await page.AddInitScriptAsync("window.__printed = 0; window.print = function () { window.__printed++; };");
        await page.GotoAsync("/thu-tuc/danh-sach/buu-chinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "In danh sách" }).ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));
        Assert.Empty(csp);

        var icon = await page.Locator("link[rel=icon]").First.GetAttributeAsync("href");
        Assert.NotNull(icon);
        foreach (var path in new[] { icon, "/favicon.ico" })
        {
            var answer = await page.APIRequest.GetAsync(path);
            Assert.True(answer.Ok, $"{path} answered {answer.Status}");
            Assert.StartsWith("image/", answer.Headers["content-type"], StringComparison.Ordinal);
        }
        await page.Context.CloseAsync();
    }
}
