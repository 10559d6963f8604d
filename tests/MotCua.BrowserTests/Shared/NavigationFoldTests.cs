using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Shared;

/// <summary>On a phone the officer's menu folds behind one line and the page stays as wide as the screen.</summary>
public sealed class NavigationFoldTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_menu_folds_on_a_phone_and_opens_on_a_tap_and_no_page_is_wider_than_the_screen()
    {
        var page = await browser.LoginAsync("lanhdao");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/can-bo");
        var menu = page.Locator("nav.mainnav");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await page.GetByText("Danh mục chức năng").ClickAsync();
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "nav-open-390");
        await page.GotoAsync("/can-bo");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The inbox is {overflow} px wider than a 390 px screen.");
        await BrowserApp.ScreenshotAsync(page, "nav-folded-390");

        await page.SetViewportSizeAsync(1280, 860);
        await page.GotoAsync("/can-bo");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Danh mục chức năng")).ToBeHiddenAsync();
    }
}
