using System.Net;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Security;

namespace MotCua.Web.Tests.Home;

/// <summary>The reports page is in the menu of every officer it lets in, so nobody has to type its address.</summary>
public sealed class ReportsMenuTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("motcua")]
    [InlineData("chuyenvien")]
    [InlineData("lanhdao")]
    [InlineData("daumoi")]
    public async Task Every_officer_the_reports_page_lets_in_finds_it_in_the_menu(string user)
    {
        Assert.True(AuthorizationMatrix.Rules["* /bao-cao"].Allows(user));
        using var client = await app.LoginAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bao-cao")).StatusCode);
        var html = await client.GetStringAsync("/can-bo");
        var nav = html[html.IndexOf("<nav", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Contains("href=\"/bao-cao\"", nav, StringComparison.Ordinal);
    }
}
