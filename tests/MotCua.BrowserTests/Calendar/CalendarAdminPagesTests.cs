using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Calendar;

/// <summary>The administrator's calendar pages at 1280 and 390 px: the load form readable, the recompute page in the menu.</summary>
public sealed class CalendarAdminPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_load_form_spans_the_page_and_the_recompute_page_is_reached_from_the_menu()
    {
        var page = await browser.LoginAsync("admin");
        await page.GotoAsync("/lich-lam-viec?year=2027");
        var form = page.GetByTestId("load-schedule");
        await Assertions.Expect(form).ToBeVisibleAsync();
        // Wider than one of the small cards beside it: the form has the grid's full width.
        var formBox = await form.BoundingBoxAsync();
        var hoursBox = await page.GetByRole(AriaRole.Heading, new() { Name = "Giờ làm việc của cơ quan" }).Locator("..").BoundingBoxAsync();
        Assert.True(formBox!.Width > hoursBox!.Width * 2, $"load form {formBox.Width} px, hours card {hoursBox.Width} px");
        await form.ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(page, "calendar-load-form");
        await form.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "calendar-load-form-only-1280.png") });
        // On a phone the form stays inside the screen.
        await page.SetViewportSizeAsync(390, 844);
        var narrow = await form.BoundingBoxAsync();
        Assert.True(narrow!.X >= 0 && narrow.X + narrow.Width <= 390, $"load form from {narrow.X} px, {narrow.Width} px wide at 390 px");
        await form.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "calendar-load-form-only-390.png") });
        await page.SetViewportSizeAsync(1280, 860);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Tính lại hạn hồ sơ", Exact = true }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/lich-lam-viec/tinh-lai-han");
        await Assertions.Expect(page.GetByTestId("recompute-summary")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(page, "calendar-recompute");
    }
}
