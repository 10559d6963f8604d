using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

public sealed class TokenApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task Right_password_returns_a_token_that_opens_the_officer_api()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "chuyenvien", password = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("accessToken").GetString();
        var expiresAt = json.RootElement.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(expiresAt > app.Clock.GetUtcNow());

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var units = await api.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
        Assert.Contains("Chi cục Tiêu chuẩn Đo lường Chất lượng", await units.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_401_ProblemDetails()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "chuyenvien", password = "Sai@12345" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(MotCua.Web.Features.Identity.IdentityModule.LoginFailed, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_a_400_validation_problem()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var token = await app.TokenAsync("daumoi");
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/units")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(9));
        var late = await api.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }

    [Fact]
    public async Task Api_without_credentials_gets_401_ProblemDetails_not_a_login_page()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        using var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/auth/token", doc, StringComparison.Ordinal);
    }
}
