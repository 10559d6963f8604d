using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.BrowserTests.Shared;

/// <summary>
/// An officer whose browser speaks English still types and reads dates day first: a native date input would show
/// and take month first there.
/// </summary>
public sealed class DateFieldsInEnglishBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // Records what the calendar button asks of the native picker; headless Chromium shows no picker to click.
    private const string RecordPicker = """
        window.__picker = [];
        HTMLInputElement.prototype.showPicker = function () { window.__picker.push(this.type + ' ' + this.value); };
        """;

    private async Task<IPage> LoginInEnglishAsync(string userName)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "en-US", ViewportSize = new() { Width = 1280, Height = 860 } });
        await context.AddInitScriptAsync(RecordPicker);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(MotCuaApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/can-bo");
        return page;
    }

    [Fact]
    public async Task A_holiday_typed_06_12_2026_in_an_English_browser_is_6_December()
    {
        var page = await LoginInEnglishAsync("admin");
        Assert.Equal("en-US", await page.EvaluateAsync<string>("navigator.language"));
        await page.GotoAsync("/lich-lam-viec?year=2026");
        var form = page.Locator("form", new() { Has = page.Locator("#Day_Date") });
        var date = form.GetByLabel("Ngày", new() { Exact = true });
        Assert.Equal("text", await date.GetAttributeAsync("type"));
        Assert.Equal("dd/mm/yyyy", await date.GetAttributeAsync("placeholder"));
        await date.FillAsync("06/12/2026");
        await form.GetByLabel("Loại ngày").SelectOptionAsync("Holiday");
        await form.GetByLabel("Tên", new() { Exact = true }).FillAsync("Ngày lễ thử (gõ tay)");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ngày lễ thử (gõ tay)").First).ToBeVisibleAsync();

        await using var db = browser.App.CreateDbContext();
        var stored = await db.CalendarDays.Where(d => d.Name == "Ngày lễ thử (gõ tay)").Select(d => d.Date).SingleAsync();
        Assert.Equal(new DateOnly(2026, 12, 6), stored);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "date-fields-calendar-en");
    }

    [Fact]
    public async Task The_calendar_button_opens_the_browser_picker_and_writes_the_chosen_day_day_first()
    {
        var page = await LoginInEnglishAsync("motcua");
        await page.GotoAsync("/ho-so/so-theo-doi?From=2025-03-01&To=2025-03-31");
        var from = page.GetByLabel("Từ ngày");
        await Assertions.Expect(from).ToHaveValueAsync("01/03/2025");
        var button = page.Locator("#From ~ .date-input-button");
        await Assertions.Expect(button).ToHaveAccessibleNameAsync("Chọn ngày trên lịch");
        await button.ClickAsync();
        // The picker opens on the field's day.
        Assert.Equal(new[] { "date 2025-03-01" }, await page.EvaluateAsync<string[]>("window.__picker"));
        await page.Locator("#From ~ .date-input-native").FillAsync("2026-12-06");
        await Assertions.Expect(from).ToHaveValueAsync("06/12/2026");

        await page.GetByLabel("Đến ngày").FillAsync("31/12/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("From=06%2F12%2F2026"));
        await Assertions.Expect(page.GetByLabel("Từ ngày")).ToHaveValueAsync("06/12/2026");
        await Assertions.Expect(page.GetByText("Khoảng thời gian không hợp lệ")).ToHaveCountAsync(0);
        // On a phone the field and its button stay inside the screen.
        await page.SetViewportSizeAsync(390, 844);
        var box = await page.Locator("#From ~ .date-input-button").BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= 390, $"calendar button ends at {box.X + box.Width} px on a 390 px screen");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "date-fields-register-en");
    }
}
