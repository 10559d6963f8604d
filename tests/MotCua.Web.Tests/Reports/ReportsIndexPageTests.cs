using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>The reports page speaks to officers: the reports they can open, described in Vietnamese, no API calls.</summary>
public sealed class ReportsIndexPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("chuyenvien")]
    [InlineData("lanhdao")]
    public async Task The_reports_page_lists_reports_not_api_calls(string user)
    {
        using var officer = await app.LoginAsync(user);
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync("/bao-cao"));
        Assert.Contains("href=\"/bao-cao/ho-so\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/chi-so-766\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("groupBy", html, StringComparison.Ordinal);
    }
}
