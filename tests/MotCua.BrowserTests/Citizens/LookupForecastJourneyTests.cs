using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Tests.Citizens;

namespace MotCua.BrowserTests.Citizens;

/// <summary>The citizen looks a dossier up on a phone and on a desktop: what happens next, and who read the data.</summary>
public sealed class LookupForecastJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Citizen_sees_what_happens_next_and_who_read_the_dossier()
    {
        var app = browser.App;
        var code = await LookupHistory.InProcessingAsync(app, "1.000173", LookupHistory.Phone);
        await LookupHistory.SeedAsync(app, code, 1, 2, 3, 4, 30);
        using (var leader = await app.LoginAsync("lanhdao"))
        {
            await leader.GetAsync("/ho-so/" + code);
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tra-cuu/" + code);
        await Assertions.Expect(page.GetByTestId("lookup-forecast")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("lookup-readers")).ToHaveCountAsync(0);
        await page.GetByLabel("Số điện thoại hoặc số giấy tờ").FillAsync(LookupHistory.Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("forecast-summary")).ToContainTextAsync("Dự kiến có kết quả: 14:00 ngày 10/03/2025");
        await Assertions.Expect(page.GetByTestId("forecast-steps")).ToContainTextAsync("5 hồ sơ cùng thủ tục");
        await Assertions.Expect(page.GetByTestId("forecast-asks")).ToContainTextAsync("Nộp phí, lệ phí 200.000 đồng");
        await Assertions.Expect(page.GetByTestId("readers-list")).ToContainTextAsync("Lãnh đạo");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "citizen-lookup-forecast-readers");
    }
}
