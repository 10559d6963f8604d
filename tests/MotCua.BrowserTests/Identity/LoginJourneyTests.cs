using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Identity;

public sealed class LoginJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Officer_logs_in_and_sees_their_home_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserApp.ScreenshotAsync(page, "home-public");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập cán bộ" }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync("chuyenvien");
        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2025");
        await BrowserApp.ScreenshotAsync(page, "login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await BrowserApp.ExpectPathAsync(page, "/can-bo");
        var home = page.GetByTestId("officer-home");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Trần Văn Minh");
        await Assertions.Expect(home).ToContainTextAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng");
        await Assertions.Expect(home).ToContainTextAsync("Chuyên viên");
        await BrowserApp.ScreenshotAsync(page, "officer-home");
    }

    [Fact]
    public async Task Wrong_password_shows_a_Vietnamese_error()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("motcua");
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync(MotCua.Web.Features.Identity.IdentityModule.LoginFailed);
        Assert.EndsWith("/dang-nhap", page.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "login-error");
    }

    [Fact]
    public async Task Admin_sees_the_admin_menu_and_logs_out()
    {
        var page = await browser.LoginAsync("admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài khoản" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("accounts")).ToContainTextAsync("chuyenvien");
        await BrowserApp.ScreenshotAsync(page, "admin-accounts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập cán bộ" })).ToBeVisibleAsync();
    }
}
