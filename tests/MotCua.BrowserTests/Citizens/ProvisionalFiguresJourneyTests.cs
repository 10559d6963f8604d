using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Citizens;

/// <summary>
/// A citizen reads this quarter's public statistics and the control officer this month's one-stop scoring while the
/// period runs: both say the figures are provisional up to now, at 1280 px and on a 390 px phone.
/// </summary>
public sealed class ProvisionalFiguresJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Citizen_reads_this_quarters_statistics_as_provisional()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/thong-ke");
        await Assertions.Expect(page.GetByTestId("stats-period")).ToContainTextAsync("Quý I/2025");
        await Assertions.Expect(page.GetByTestId("provisional")).ToContainTextAsync("Số liệu tạm tính đến 09:00 ngày 10/03/2025");
        await Assertions.Expect(page.GetByTestId("stats-overdue")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(page, "statistics-provisional");

        await page.GotoAsync("/thong-ke?ky=quy&nam=2024&so=4");
        await Assertions.Expect(page.GetByTestId("stats-period")).ToContainTextAsync("Quý IV/2024");
        await Assertions.Expect(page.GetByTestId("provisional")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Control_officer_reads_this_months_scoring_as_provisional()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync("/cham-diem-mot-cua");
        await Assertions.Expect(page.GetByTestId("scoring-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("provisional")).ToContainTextAsync("Số liệu tạm tính đến 09:00 ngày 10/03/2025");
        await Assertions.Expect(page.GetByTestId("data-overdue")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(page, "scoring-provisional");

        await page.GotoAsync("/cham-diem-mot-cua?ky=thang&nam=2025&so=2");
        await Assertions.Expect(page.GetByTestId("scoring-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("provisional")).ToHaveCountAsync(0);
    }
}
