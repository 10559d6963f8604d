using System.Text.RegularExpressions;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

public sealed class StatisticsTests
{
    [Fact]
    public async Task Public_statistics_count_received_and_resolved_on_time_this_month_and_by_field()
    {
        await using var app = new MotCuaApp(); // its own database: the counts are exact
        using var anonymous = app.CreateClient();
        var before = await anonymous.GetStringAsync("/thong-ke");
        Assert.Contains("Tháng 03/2025", before, StringComparison.Ordinal);

        await LookupAndEvaluationTests.ReturnedDossierAsync(app);
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            await LookupAndEvaluationTests.ReceiveAsync(desk, "Công ty Thống Kê");
        }
        var html = await anonymous.GetStringAsync("/thong-ke");
        var month = Regex.Match(html, "Tiếp nhận: <strong>(\\d+)</strong>.*?Đã giải quyết: <strong>(\\d+)</strong>.*?data-testid=\"stats-rate\">([^<]+)<", RegexOptions.Singleline);
        Assert.True(month.Success, html);
        Assert.Equal(2, int.Parse(month.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - CountIn(before));
        Assert.Equal("1", month.Groups[2].Value);
        Assert.Equal("100,0%", month.Groups[3].Value);
        Assert.Contains("data-testid=\"stats-fields\"", html, StringComparison.Ordinal);
    }

    private static int CountIn(string html) =>
        int.Parse(Regex.Match(html, "Tiếp nhận: <strong>(\\d+)</strong>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

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
        Assert.Contains("tỉnh Khánh Hòa " + code, System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync("/thong-ke?co-quan=" + code)), StringComparison.Ordinal);
        Assert.DoesNotContain("tỉnh Khánh Hòa", System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync("/thong-ke")), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/thong-ke?co-quan=KHONGCO")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/cai-cach-hanh-chinh?co-quan=" + code)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/cai-cach-hanh-chinh?co-quan=KHONGCO")).StatusCode);
    }
}

