using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Review;

/// <summary>Officer pages a new user meets early: they fit a phone, their figures stand out from their captions, and their file fields speak Vietnamese.</summary>
public sealed class OfficerPagesLookTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    [Fact]
    public async Task The_cost_calculator_fits_a_phone()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/ra-soat/tinh-chi-phi");
        await Assertions.Expect(page.Locator("fieldset").First).ToBeVisibleAsync();
        Assert.True(await OverflowAsync(page) <= 0, $"The calculator scrolls sideways by {await OverflowAsync(page)} px at 390 px");
        await BrowserApp.ScreenshotAsync(page, "cost-calculator-390");
    }
}
