using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Calendar;

public sealed class CalendarJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Officer_computes_a_due_date_across_Tet_and_reads_why()
    {
        var page = await browser.LoginAsync("motcua");
        await page.GotoAsync("/lich-lam-viec/tinh-han");
        await page.GetByLabel("Thời điểm tiếp nhận").FillAsync("2025-01-24T10:00");
        await page.GetByLabel("Thời hạn giải quyết").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tính hạn" }).ClickAsync();
        // Fri 24/1/2025 + 5 WD: Tết 25/1–2/2 is skipped → Fri 7/2/2025 10:00.
        await Assertions.Expect(page.GetByTestId("due-at")).ToHaveTextAsync("10:00 ngày 07/02/2025");
        await Assertions.Expect(page.GetByTestId("due-explanation")).ToContainTextAsync("29/01/2025 — Tết Nguyên Đán (mùng 1)");
        await BrowserApp.ScreenshotAsync(page, "calendar-due-calculator");
    }

    [Fact]
    public async Task Admin_sees_the_year_with_its_holidays_and_edit_forms()
    {
        var page = await browser.LoginAsync("admin");
        await page.GotoAsync("/lich-lam-viec?year=2024");
        await Assertions.Expect(page.GetByTestId("year-status")).ToContainTextAsync("Lịch chính thức");
        await Assertions.Expect(page.Locator("[data-date='2024-05-04']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("makeup"));
        await Assertions.Expect(page.Locator("[data-date='2024-02-12']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("holiday"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giờ làm việc của cơ quan" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "calendar-year-admin");
    }
}
