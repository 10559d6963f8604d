using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Shared;

/// <summary>An input written without a type is a text field and is as wide as its field, at 1280 px and at 390 px.</summary>
public sealed class UntypedInputWidthTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task<float> WidthAsync(ILocator locator) => (await locator.BoundingBoxAsync())!.Width;

    [Fact]
    public async Task The_cost_calculators_hourly_value_fills_its_field_at_both_widths()
    {
        var officer = await browser.LoginAsync("motcua");
        await officer.GotoAsync("/ra-soat/tinh-chi-phi");
        var hourly = officer.GetByLabel("Giá trị một giờ làm việc (đồng)");
        // The page writes the field without a type, which is what the width rule has to cover.
        Assert.Null(await hourly.GetAttributeAsync("type"));
        var field = hourly.Locator("xpath=..");

        Assert.True(await WidthAsync(hourly) >= await WidthAsync(field) * 0.95, $"1280: {await WidthAsync(hourly)} of {await WidthAsync(field)} px");
        Assert.True(await WidthAsync(hourly) >= 220, $"1280: {await WidthAsync(hourly)} px");
        await BrowserApp.ScreenshotAsync(officer, "untyped-input-width-1280");

        await officer.SetViewportSizeAsync(390, 844);
        Assert.True(await WidthAsync(hourly) >= await WidthAsync(field) * 0.95, $"390: {await WidthAsync(hourly)} of {await WidthAsync(field)} px");
        Assert.True(await WidthAsync(hourly) >= 300, $"390: {await WidthAsync(hourly)} px");
        await BrowserApp.ScreenshotAsync(officer, "untyped-input-width-390");
    }
}
