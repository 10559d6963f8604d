using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Identity;

namespace MotCua.BrowserTests.Identity;

/// <summary>
/// The administrator's day, reached only by clicking from the landing page: an officer's account created in a unit with
/// a role, seen in the list, disabled, and both changes found in the audit log with who made them.
/// </summary>
public sealed class AdministratorDayJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Unit = "Phòng Quản lý Khoa học và Công nghệ";

    /// <summary>On a 390 px phone the page is no wider than the screen (wide tables scroll in their own box).</summary>
    private static async Task ExpectFitsAPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.SetViewportSizeAsync(1280, 860);
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than a 390 px screen.");
    }

    [Fact]
    public async Task The_administrator_creates_an_account_sees_it_disables_it_and_finds_both_changes_in_the_audit_log()
    {
        var page = await browser.LoginAsync("admin");
        var menu = page.Locator("nav.mainnav");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-admin-1-inbox");

        // The accounts of the agency: the five demo officers.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Tài khoản", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài khoản cán bộ");
        var rows = page.GetByTestId("accounts").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);

        // A specialist of the management division.
        await page.GetByLabel("Tên đăng nhập").FillAsync("vanmoi");
        await page.GetByLabel("Họ và tên").FillAsync("Nguyễn Văn Mới");
        await page.GetByLabel("Chức vụ").FillAsync("Chuyên viên");
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = Unit });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = Roles.DisplayName(Roles.Specialist), Exact = true }).CheckAsync();
        await page.GetByLabel("Mật khẩu").FillAsync("Moi@2025-tam-thoi");
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-admin-2-new-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo tài khoản vanmoi.");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        var row = rows.Filter(new() { HasText = "vanmoi" });
        await Assertions.Expect(row).ToContainTextAsync("Nguyễn Văn Mới");
        await Assertions.Expect(row).ToContainTextAsync(Unit);
        await Assertions.Expect(row).ToContainTextAsync(Roles.DisplayName(Roles.Specialist));
        await Assertions.Expect(row).ToContainTextAsync("Hoạt động");

        // Disabled: the list says so.
        await row.GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sửa tài khoản vanmoi" })).ToBeVisibleAsync();
        await page.GetByLabel("Đang hoạt động").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã cập nhật tài khoản vanmoi.");
        await Assertions.Expect(rows.Filter(new() { HasText = "vanmoi" })).ToContainTextAsync("Ngừng sử dụng");
        await ExpectFitsAPhoneAsync(page);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-admin-3-account-disabled");

        // The audit log: the disabling first, then the creation, both by the administrator.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Nhật ký", Exact = true }).ClickAsync();
        await page.GetByLabel("Tìm trong nhật ký").FillAsync("vanmoi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        var entries = page.Locator("table.data tbody tr");
        await Assertions.Expect(entries).ToHaveCountAsync(2);
        await Assertions.Expect(entries.Nth(0)).ToContainTextAsync("Ngừng sử dụng tài khoản cán bộ");
        await Assertions.Expect(entries.Nth(0)).ToContainTextAsync("admin");
        await Assertions.Expect(entries.Nth(0)).ToContainTextAsync("ngừng sử dụng");
        await Assertions.Expect(entries.Nth(1)).ToContainTextAsync("Tạo tài khoản cán bộ");
        await Assertions.Expect(entries.Nth(1)).ToContainTextAsync(Unit);
        await ExpectFitsAPhoneAsync(page);
        await BrowserApp.ScreenshotBothWidthsAsync(page, "day-admin-4-audit-log");
    }
}
