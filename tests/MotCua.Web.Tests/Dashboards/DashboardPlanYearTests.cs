using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dashboards;

/// <summary>The dashboard's plan targets are the current year's (the clock's), never an older plan's shown as this year's.</summary>
public sealed class DashboardPlanYearTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task In_2027_the_dashboard_says_there_is_no_2027_plan_and_links_to_importing_one()
    {
        // The demo installs the 2024 and 2026 plans only.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 12, 6, 2, 0, 0, TimeSpan.Zero));
        using var leader = await app.LoginAsync("lanhdao");
        var html = WebUtility.HtmlDecode(await leader.GetStringAsync("/bang-dieu-khien"));
        Assert.Contains("Chỉ tiêu kế hoạch năm 2027", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch kiểm soát TTHC năm 2027.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ke-hoach/nhap\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("năm 2024", html, StringComparison.Ordinal);
        // No dossier in the month: the 766 index has no score rather than the catalogue's points alone.
        Assert.Contains("data-testid=\"index-2027-12\">chưa có dữ liệu<", html, StringComparison.Ordinal);
    }
}
