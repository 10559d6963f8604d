using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Shared;

/// <summary>The OpenAPI document maps every endpoint: served publicly only in Development or when configured.</summary>
public sealed class OpenApiAccessTests
{
    [Fact]
    public async Task Outside_Development_the_document_is_not_served_unless_configured()
    {
        await using var app = new MotCuaApp();
        app.Settings["MotCua:OpenApi:Access"] = "";
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        using var admin = await app.ApiClientAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Set_to_Officers_it_needs_a_login()
    {
        await using var app = new MotCuaApp();
        app.Settings["MotCua:OpenApi:Access"] = "Officers";
        using var anonymous = app.CreateNoRedirectClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        using var officer = await app.ApiClientAsync("motcua");
        var response = await officer.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
