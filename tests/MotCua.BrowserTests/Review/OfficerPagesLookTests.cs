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

    [Fact]
    public async Task The_scoring_figures_are_large_and_their_captions_small_and_plain()
    {
        var page = await browser.LoginAsync("daumoi");
        await page.GotoAsync("/cham-diem-mot-cua");
        var figure = page.GetByTestId("data-ontime");
        var caption = figure.Locator("xpath=following-sibling::dd[1]");
        await Assertions.Expect(caption).ToContainTextAsync("hồ sơ đã giải quyết");
        var style = "e => { const s = getComputedStyle(e); return [parseFloat(s.fontSize), parseInt(s.fontWeight, 10)]; }";
        var figureStyle = await figure.EvaluateAsync<float[]>(style);
        var captionStyle = await caption.EvaluateAsync<float[]>(style);
        Assert.True(figureStyle[1] >= 700, $"figure weight {figureStyle[1]}");
        Assert.True(captionStyle[1] <= 400, $"caption weight {captionStyle[1]}");
        Assert.True(captionStyle[0] <= figureStyle[0] * 0.7, $"caption {captionStyle[0]} px against figure {figureStyle[0]} px");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "scoring-figures");
    }
}
