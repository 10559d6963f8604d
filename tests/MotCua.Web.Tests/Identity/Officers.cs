using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>Officer accounts made for one test, and the account pages driven as a browser does.</summary>
internal static partial class Officers
{
    /// <summary>An account in the demo agency created directly (as the demo seed does: no forced password change).</summary>
    public static async Task<AppUser> CreateAsync(MotCuaApp app, string userName, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin");
        var user = new AppUser { UserName = userName, FullName = "Cán bộ " + userName, AgencyId = admin.AgencyId, UnitId = admin.UnitId };
        Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, path.Split('?')[0]);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next) =>
        PostFormAsync(client, AccountRules.ChangePasswordPath, new()
        {
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = next,
        });

    /// <summary>Turns two-factor login on through the page, answering with the code of the key it shows; returns the key and recovery codes.</summary>
    public static async Task<(byte[] Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(MotCuaApp app, HttpClient client)
    {
        var page = await client.GetStringAsync(AccountRules.TwoFactorPath);
        var key = Totp.FromBase32(WebUtility.HtmlDecode(KeyRegex().Match(page).Groups[1].Value));
        Assert.NotEmpty(key);
        var response = await PostFormAsync(client, AccountRules.TwoFactorPath + "?handler=Enable", new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã bật xác thực hai bước", html, StringComparison.Ordinal);
        var codes = CodeRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    public static string? LoginError(string html) => ErrorRegex().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("data-testid=\"two-factor-key\">([^<]+)<")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodeRegex();

    [GeneratedRegex("data-testid=\"login-error\">([^<]+)<")]
    private static partial Regex ErrorRegex();
}
