using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Features.Identity;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>Authenticator-app two-factor login, on pages and for tokens; required for administrators when configured.</summary>
public sealed class TwoFactorTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task An_officer_turns_it_on_and_then_logs_in_with_the_code_or_a_recovery_code()
    {
        await Officers.CreateAsync(app, "hai.buoc", Roles.Specialist);
        var setup = await app.LoginAsync("hai.buoc");
        var page = await setup.GetStringAsync(AccountRules.TwoFactorPath);
        Assert.Contains("data-testid=\"two-factor-qr\"", page, StringComparison.Ordinal);
        var (key, recovery) = await Officers.EnableTwoFactorAsync(app, setup);

        // The password alone no longer opens a session: it leads to the second step.
        var client = app.CreateNoRedirectClient();
        var first = await MotCuaApp.PostLoginAsync(client, "hai.buoc", MotCuaApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/dang-nhap/ma-xac-thuc", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/can-bo")).StatusCode);
        Assert.Contains("/dang-nhap", (await client.GetAsync("/can-bo")).Headers.Location?.ToString(), StringComparison.Ordinal);

        var wrong = await Officers.PostFormAsync(client, first.Headers.Location!.OriginalString, new() { ["Code"] = "000000" == Totp.Code(key, app.Clock.GetUtcNow()) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await Officers.PostFormAsync(client, first.Headers.Location!.OriginalString, new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/can-bo", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/can-bo")).StatusCode);

        // A recovery code works once.
        foreach (var expected in new[] { HttpStatusCode.Redirect, HttpStatusCode.OK })
        {
            var other = app.CreateNoRedirectClient();
            var step = await MotCuaApp.PostLoginAsync(other, "hai.buoc", MotCuaApp.DemoPassword);
            var answer = await Officers.PostFormAsync(other, step.Headers.Location!.OriginalString, new() { ["Code"] = recovery[0] });
            Assert.Equal(expected, answer.StatusCode);
        }
    }

    [Fact]
    public async Task The_token_api_asks_for_the_code_of_an_account_with_two_factor_login()
    {
        await Officers.CreateAsync(app, "hai.buoc.api", Roles.Specialist);
        var (key, _) = await Officers.EnableTwoFactorAsync(app, await app.LoginAsync("hai.buoc.api"));
        using var client = app.CreateClient();

        var without = await client.PostAsJsonAsync("/api/auth/token", new { userName = "hai.buoc.api", password = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        using (var json = JsonDocument.Parse(await without.Content.ReadAsStringAsync()))
        {
            Assert.Contains("twoFactorCode", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var with = await client.PostAsJsonAsync("/api/auth/token", new { userName = "hai.buoc.api", password = MotCuaApp.DemoPassword, twoFactorCode = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task When_required_an_administrator_sets_it_up_before_anything_else()
    {
        using var strict = new MotCuaApp();
        strict.Settings["MotCua:Identity:RequireAdminTwoFactor"] = "true";
        var admin = await strict.LoginAsync("admin");
        var home = await admin.GetAsync("/can-bo");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(AccountRules.TwoFactorPath, home.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"two-factor-required\"", await admin.GetStringAsync(AccountRules.TwoFactorPath), StringComparison.Ordinal);
        using var api = strict.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = MotCuaApp.DemoPassword })).StatusCode);

        // Other officers are not held up.
        Assert.Equal(HttpStatusCode.OK, (await (await strict.LoginAsync("motcua")).GetAsync("/can-bo")).StatusCode);

        await Officers.EnableTwoFactorAsync(strict, admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quan-tri/tai-khoan")).StatusCode);
    }
}
