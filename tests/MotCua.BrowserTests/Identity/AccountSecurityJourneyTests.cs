using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Identity;

namespace MotCua.BrowserTests.Identity;

/// <summary>
/// A new officer's first day: the administrator's password is changed at first login, two-factor login is turned on
/// with an authenticator app, and the next login asks for the code.
/// </summary>
public sealed class AccountSecurityJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task New_officer_changes_the_password_turns_on_two_factor_and_logs_in_with_the_code()
    {
        var admin = await browser.LoginAsync("admin");
        await admin.GotoAsync("/quan-tri/tai-khoan");
        await admin.GetByLabel("Tên đăng nhập").FillAsync("nguyen.an");
        await admin.GetByLabel("Họ và tên").FillAsync("Nguyễn Văn An");
        await admin.GetByLabel("Chuyên viên", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("Mật khẩu").FillAsync("QuanTri#2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("accounts")).ToContainTextAsync("nguyen.an");

        // First login: straight to the password change.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("nguyen.an");
        await page.GetByLabel("Mật khẩu").FillAsync("QuanTri#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, AccountRules.ChangePasswordPath);
        await Assertions.Expect(page.GetByTestId("password-change-required")).ToBeVisibleAsync();
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync("QuanTri#2026");
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("RiengToi#2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("RiengToi#2026");
        await BothWidthsAsync(page, "account-change-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();

        // Two-factor login from the menu.
        await page.GotoAsync("/can-bo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xác thực hai bước" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
        await BothWidthsAsync(page, "account-two-factor-setup");
        var key = Totp.FromBase32(await page.GetByTestId("two-factor-key").InnerTextAsync());
        await page.GetByLabel("Mã xác thực").FillAsync(Totp.Code(key, browser.App.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await BothWidthsAsync(page, "account-two-factor-recovery-codes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        // The next login asks for the code.
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("nguyen.an");
        await page.GetByLabel("Mật khẩu").FillAsync("RiengToi#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Xác thực hai bước" })).ToBeVisibleAsync();
        await page.GetByLabel("Mã xác thực").FillAsync(Totp.Code(key, browser.App.Clock.GetUtcNow()));
        await BothWidthsAsync(page, "login-two-factor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/can-bo");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Nguyễn Văn An");
    }

    private static async Task BothWidthsAsync(IPage page, string name)
    {
        await BrowserApp.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 860);
    }
}
