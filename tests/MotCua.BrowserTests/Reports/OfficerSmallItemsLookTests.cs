using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Reports;

/// <summary>The officer pages changed for the smaller items, as a leader and an administrator see them at 1280 and 390 px.</summary>
public sealed class OfficerSmallItemsLookTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task BothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 860);
        await BrowserApp.ScreenshotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 860);
    }

    [Fact]
    public async Task Reports_dashboard_and_audit_log_read_in_vietnamese()
    {
        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync("/bao-cao");
        await Assertions.Expect(leader.GetByRole(AriaRole.Link, new() { Name = "Tình hình, kết quả giải quyết TTHC" })).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator("code")).ToHaveCountAsync(0);
        await BothWidthsAsync(leader, "small-reports-index");

        await leader.GotoAsync("/bang-dieu-khien");
        await Assertions.Expect(leader.GetByTestId("no-plan")).ToBeVisibleAsync();
        await BothWidthsAsync(leader, "small-dashboard");

        var admin = await browser.LoginAsync("admin");
        await admin.GotoAsync("/quan-tri/nhat-ky");
        await Assertions.Expect(admin.Locator("table.data tbody tr").First).ToBeVisibleAsync();
        await BothWidthsAsync(admin, "small-audit-log");
    }
}
