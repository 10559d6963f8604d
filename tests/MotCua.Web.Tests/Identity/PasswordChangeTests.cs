using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Features.Identity;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>Officers change their own password, and must change one an administrator set.</summary>
public sealed class PasswordChangeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task A_new_account_must_change_the_administrators_password_before_anything_else()
    {
        var admin = await app.LoginAsync("admin");
        await AccountsPage.CreateAsync(admin, "moi.tao", "Cán Bộ Mới", Roles.OneStopOfficer, "QuanTri#2026");
        var client = await app.LoginAsync("moi.tao", "QuanTri#2026");

        var home = await client.GetAsync("/can-bo");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(AccountRules.ChangePasswordPath, home.Headers.Location?.OriginalString);
        var forced = await client.GetStringAsync(AccountRules.ChangePasswordPath);
        Assert.Contains("data-testid=\"password-change-required\"", forced, StringComparison.Ordinal);
        var cookieApi = await client.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Forbidden, cookieApi.StatusCode);
        Assert.Equal("application/problem+json", cookieApi.Content.Headers.ContentType?.MediaType);

        using var anonymous = app.CreateClient();
        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "moi.tao", password = "QuanTri#2026" });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        using (var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()))
        {
            Assert.Contains("đổi mật khẩu", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var changed = await Officers.ChangePasswordAsync(client, "QuanTri#2026", "RiengToi#2026");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Cán bộ một cửa", await client.GetStringAsync("/can-bo"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "moi.tao", password = "RiengToi#2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "moi.tao", password = "QuanTri#2026" })).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_by_the_administrator_must_be_changed_again()
    {
        var user = await Officers.CreateAsync(app, "dat.lai", Roles.Specialist);
        var admin = await app.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await AccountsPage.PostAsync(admin, new()
        {
            ["Input.Id"] = user.Id,
            ["Input.UserName"] = "dat.lai",
            ["Input.FullName"] = user.FullName,
            ["Input.UnitId"] = user.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.Password"] = "DatLai#2026",
            ["Input.IsActive"] = "true",
        }, Roles.Specialist)).StatusCode);
        var client = await app.LoginAsync("dat.lai", "DatLai#2026");
        Assert.Equal(AccountRules.ChangePasswordPath, (await client.GetAsync("/ho-so/hang-doi")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_officer_finds_the_page_in_the_menu_and_gets_Vietnamese_errors()
    {
        var client = await app.LoginAsync("lanhdao");
        var home = await client.GetStringAsync("/can-bo");
        Assert.Contains($"href=\"{AccountRules.ChangePasswordPath}\"", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"{AccountRules.TwoFactorPath}\"", home, StringComparison.Ordinal);

        var wrong = await Officers.ChangePasswordAsync(client, "Sai@12345", "Moi#20260");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mật khẩu hiện tại không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var weak = await Officers.ChangePasswordAsync(client, MotCuaApp.DemoPassword, "abc");
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự.", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mismatch = await Officers.PostFormAsync(client, AccountRules.ChangePasswordPath, new()
        {
            ["Input.Current"] = MotCuaApp.DemoPassword,
            ["Input.New"] = "Moi#20260",
            ["Input.Confirm"] = "Khac#20260",
        });
        Assert.Contains("Hai lần nhập mật khẩu mới không khớp.", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Nothing changed: the demo password still works.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "lanhdao", password = MotCuaApp.DemoPassword })).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_password_keeps_this_session_and_ends_the_accounts_tokens()
    {
        await Officers.CreateAsync(app, "tu.doi", Roles.Specialist);
        using var api = await app.ApiClientAsync("tu.doi");
        var client = await app.LoginAsync("tu.doi");
        Assert.Equal(HttpStatusCode.Redirect, (await Officers.ChangePasswordAsync(client, MotCuaApp.DemoPassword, "TuDoi#2026x")).StatusCode);
        Assert.Contains("data-testid=\"password-changed\"", await client.GetStringAsync(AccountRules.ChangePasswordPath), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/can-bo")).StatusCode);
        app.Clock.Advance(OfficerSessions.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/units")).StatusCode);
    }
}
