using System.Text.RegularExpressions;
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
}
