using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Plans;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Reports;

namespace MotCua.Web.Tests.Home;

/// <summary>
/// What a new back-office user trips on, read from the pages as served: the menu marks the one page you are on, the
/// desk's lists offer an administrator no button that the counter then refuses, and the narrative report reads as
/// Vietnamese when nothing has been resolved yet. The pages only read, so the class shares one app.
/// </summary>
public sealed partial class BackOfficeWalkPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("/lich-lam-viec/tinh-lai-han", "/lich-lam-viec/tinh-lai-han")]
    [InlineData("/lich-lam-viec", "/lich-lam-viec")]
    [InlineData("/quan-tri/co-quan/hop-nhat", "/quan-tri/co-quan/hop-nhat")]
    [InlineData("/quan-tri/co-quan", "/quan-tri/co-quan")]
    [InlineData("/quan-tri/co-quan/danh-sach", "/quan-tri/co-quan")]
    [InlineData("/mot-cua", "/mot-cua")]
    public async Task The_menu_marks_only_the_page_you_are_on(string path, string marked)
    {
        using var admin = await app.LoginAsync("admin");
        var html = await admin.GetStringAsync(path);
        var nav = NavRegex().Match(html).Value;
        var active = ActiveRegex().Matches(nav).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([marked], active);
    }

    [Fact]
    public async Task Every_link_on_the_desk_page_opens_for_an_administrator()
    {
        using var admin = await app.LoginAsync("admin");
        var html = await admin.GetStringAsync("/mot-cua");
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        var links = LinkRegex().Matches(main).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var response = await admin.GetAsync(link);
            Assert.True((int)response.StatusCode < 400, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_narrative_report_says_the_rate_cannot_be_computed_yet_instead_of_an_undefined_figure()
    {
        using var admin = await app.LoginAsync("admin");
        var docx = await admin.GetByteArrayAsync("/bao-cao/ho-so?handler=Word&Ky=custom&From=2020-01-01&To=2020-01-31");
        var text = SeedReportScenarioTests.ReadDocx(docx);
        Assert.Contains("chưa có hồ sơ đã giải quyết để tính tỷ lệ giải quyết trước hạn và đúng hạn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("không xác định", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_names_what_each_entry_is_about_in_Vietnamese()
    {
        using var admin = await app.LoginAsync("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/nhat-ky"));
        Assert.Contains("<td title=\"Agency\">Cơ quan ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Agency ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_in_Word_has_the_official_heading_recipients_and_signature_block()
    {
        int planId;
        string agencyName;
        await using (var db = app.CreateDbContext())
        {
            var plan = await db.Set<ControlPlan>().AsNoTracking().OrderBy(p => p.Id).FirstAsync();
            planId = plan.Id;
            agencyName = await db.Set<Agency>().Where(a => a.Id == plan.AgencyId).Select(a => a.Name).SingleAsync();
        }
        using var focal = await app.LoginAsync("daumoi");
        var docx = await focal.GetByteArrayAsync($"/ke-hoach/{planId}?handler=docx");
        var text = SeedReportScenarioTests.ReadDocx(docx);
        Assert.Contains(agencyName.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.Contains("(Ký, ghi rõ họ tên và đóng dấu)", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("<nav class=\"mainnav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavRegex();

    [GeneratedRegex("<a href=\"([^\"]+)\" class=\"active\"")]
    private static partial Regex ActiveRegex();

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();
}
