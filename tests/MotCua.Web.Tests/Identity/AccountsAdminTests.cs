using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

public sealed class AccountsAdminTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task Admin_adds_a_one_stop_account_for_a_specialist_who_can_then_log_in()
    {
        // The 2020 seed report asks to give specialist officers one-stop accounts.
        var admin = await app.LoginAsync("admin");
        await AccountsPage.CreateAsync(admin, "cv.motcua", "Đỗ Văn Hùng", "OneStopOfficer", "MotCua#2026");
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "cv.motcua");
        Assert.Equal("Đỗ Văn Hùng", user.FullName);
        var client = await app.LoginAsync("cv.motcua", "MotCua#2026");
        // The password the administrator chose must be changed first (PasswordChangeTests).
        Assert.Equal(HttpStatusCode.Redirect, (await Officers.ChangePasswordAsync(client, "MotCua#2026", "RiengToi#2026")).StatusCode);
        Assert.Contains("Cán bộ một cửa", await client.GetStringAsync("/can-bo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weak_password_is_refused_in_Vietnamese_and_nothing_is_created()
    {
        var admin = await app.LoginAsync("admin");
        var response = await AccountsPage.PostAsync(admin, new()
        {
            ["Input.UserName"] = "yeu.matkhau",
            ["Input.FullName"] = "Mật Khẩu Yếu",
            ["Input.Password"] = "abc",
            ["Input.IsActive"] = "true",
        }, "Specialist");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự.", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "yeu.matkhau"));
    }

    [Fact]
    public async Task An_account_without_a_role_is_refused()
    {
        var admin = await app.LoginAsync("admin");
        var response = await AccountsPage.PostAsync(admin, new()
        {
            ["Input.UserName"] = "khong.vaitro",
            ["Input.FullName"] = "Không Vai Trò",
            ["Input.Password"] = "Manh@12345",
        });
        Assert.Contains("Vui lòng chọn ít nhất một vai trò.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_account_can_no_longer_log_in()
    {
        var admin = await app.LoginAsync("admin");
        await AccountsPage.CreateAsync(admin, "nghi.viec", "Người Nghỉ Việc", "Specialist", "NghiViec@1");
        await using var db = app.CreateDbContext();
        var id = await db.Users.Where(u => u.UserName == "nghi.viec").Select(u => u.Id).SingleAsync();
        var response = await AccountsPage.PostAsync(admin, new()
        {
            ["Input.Id"] = id,
            ["Input.UserName"] = "nghi.viec",
            ["Input.FullName"] = "Người Nghỉ Việc",
            ["Input.IsActive"] = "false",
        }, "Specialist");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = await MotCuaApp.PostLoginAsync(app.CreateNoRedirectClient(), "nghi.viec", "NghiViec@1");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
