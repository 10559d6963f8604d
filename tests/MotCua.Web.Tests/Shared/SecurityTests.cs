using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Shared;

public sealed class SecurityTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/dang-nhap")]
    [InlineData("/api/calendar/2025")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_cookie_is_http_only()
    {
        var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "motcua", MotCuaApp.DemoPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_attempts_are_throttled_with_a_Vietnamese_429()
    {
        await using var limited = new MotCuaApp();
        limited.Settings["MotCua:RateLimits:LoginPerMinute"] = "3";
        using var client = limited.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/token", new { userName = "motcua", password = "Sai@12345" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        using var json = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Contains("quá nhiều yêu cầu", json.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
