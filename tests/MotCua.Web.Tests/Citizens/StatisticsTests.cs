using System.Text.RegularExpressions;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

public sealed class StatisticsTests
{
    [Fact]
    public async Task Public_statistics_count_received_and_resolved_on_time_this_quarter_and_by_field()
    {
        await using var app = new MotCuaApp(); // its own database: the counts are exact
        using var anonymous = app.CreateClient();
        var before = await anonymous.GetStringAsync("/thong-ke");
        Assert.Contains("Quý I/2025", before, StringComparison.Ordinal); // 10/3/2025 lies in 15/12/2024–14/3/2025

        await LookupAndEvaluationTests.ReturnedDossierAsync(app);
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            await LookupAndEvaluationTests.ReceiveAsync(desk, "Công ty Thống Kê");
        }
        var html = await anonymous.GetStringAsync("/thong-ke");
        Assert.Equal(2, Figure(html, "stats-received") - Figure(before, "stats-received"));
        Assert.Equal(1, Figure(html, "stats-resolved") - Figure(before, "stats-resolved"));
        Assert.Equal(1, Figure(html, "stats-ontime") - Figure(before, "stats-ontime"));
        Assert.Contains("data-testid=\"stats-fields\"", html, StringComparison.Ordinal);
    }

    private static int Figure(string html, string testId) =>
        int.Parse(Regex.Match(html, $"data-testid=\"{testId}\">([\\d.]+)<").Groups[1].Value.Replace(".", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Statistics_and_news_pages_show_the_agency_named_in_the_link()
    {
        await using var app = new MotCuaApp();
        var code = "KH" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var db = app.CreateDbContext())
        {
            db.Agencies.Add(new Features.Organisation.Agency { Code = code, Name = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa " + code });
            await db.SaveChangesAsync();
        }
        using var anonymous = app.CreateClient();
        // The page lists every agency to choose from; the results paragraph names the one shown.
        Assert.Contains("tỉnh Khánh Hòa " + code, ResultsOf(await anonymous.GetStringAsync("/thong-ke?co-quan=" + code)), StringComparison.Ordinal);
        Assert.DoesNotContain("tỉnh Khánh Hòa", ResultsOf(await anonymous.GetStringAsync("/thong-ke")), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/thong-ke?co-quan=KHONGCO")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/cai-cach-hanh-chinh?co-quan=" + code)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/cai-cach-hanh-chinh?co-quan=KHONGCO")).StatusCode);
    }

    private static string ResultsOf(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"stats-period\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
}
