using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Evaluation;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// The 766 index, targets, scoring and dashboard over scenarios imported through the real historical import.
/// Each test uses its own months, far from the demo data, so the agency-wide figures are exactly the scenario's.
/// </summary>
public sealed partial class IndexTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";

    private static object Dossier(string channel, string received, string due, string? resolved = null, string? withdrawn = null) => new
    {
        procedureCode = Procedure,
        channel,
        applicant = new { name = "Công ty Thử Nghiệm " + Guid.NewGuid().ToString("N")[..6] },
        receivedAt = received,
        dueAt = due,
        resolvedAt = resolved,
        returnedAt = resolved,
        withdrawnAt = withdrawn,
    };

    private async Task<IReadOnlyList<string>> ImportAsync(params object[] records)
    {
        using var admin = await app.ApiClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    /// <summary>
    /// Early, late, pending overdue, pending within time (online) in official month <paramref name="month"/> (15th of the
    /// month before to the 14th). The two pending ones are withdrawn on the 5th of the next month, so they carry over
    /// into that month only and never into another test's scenario (months at least two apart).
    /// </summary>
    private Task<IReadOnlyList<string>> FourDossiersAsync(int year, int month)
    {
        string At(int m, int d, int h) => new DateTimeOffset(year, m, d, h, 0, 0, TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var prev = month - 1;
        return ImportAsync(
            Dossier("direct", At(prev, 20, 8), At(prev, 25, 17), At(prev, 24, 10)),   // early
            Dossier("direct", At(prev, 21, 8), At(prev, 28, 17), At(month, 2, 9)),     // late
            Dossier("postal", At(month, 2, 8), At(month, 10, 17), withdrawn: At(month + 1, 5, 9)),   // pending, overdue at the end
            Dossier("online", At(month, 3, 8), At(month, 20, 17), withdrawn: At(month + 1, 5, 9)));  // pending within time
    }

    private static string Cell(string html, string testId)
    {
        var m = Regex.Match(html, "data-testid=\"" + Regex.Escape(testId) + "\"[^>]*>([^<]*)<");
        Assert.True(m.Success, "no " + testId);
        return WebUtility.HtmlDecode(m.Groups[1].Value).Trim();
    }

    [Fact]
    public async Task Progress_and_online_share_score_as_the_rules_say_and_the_drill_down_lists_exactly_the_late_dossiers()
    {
        var codes = await FourDossiersAsync(2023, 5);
        using var leader = await app.LoginAsync("lanhdao");
        var html = await leader.GetStringAsync("/chi-so-766?ky=thang&nam=2023&so=5");

        // 2.1: 20 × not late (early + within time) / handled = 20 × 2/4.
        Assert.Equal("10", Cell(html, "earned-2.1"));
        // 3.3: 1 online of 4 = 25% < 50% → 3 of 6.
        Assert.Equal("3", Cell(html, "earned-3.3"));
        // Manual rows are not entered: they are out of the computable maximum.
        Assert.Equal("—", Cell(html, "earned-1.3"));

        var drill = await leader.GetStringAsync("/chi-so-766/2.1?ky=thang&nam=2023&so=5");
        Assert.Contains(codes[1], drill, StringComparison.Ordinal);
        Assert.Contains(codes[2], drill, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], drill, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[3], drill, StringComparison.Ordinal);
        Assert.Contains("2 hồ sơ làm mất điểm", drill, StringComparison.Ordinal);

        var online = await leader.GetStringAsync("/chi-so-766/3.3?ky=thang&nam=2023&so=5");
        Assert.DoesNotContain(codes[3], online, StringComparison.Ordinal);
        Assert.Contains(codes[0], online, StringComparison.Ordinal);

        using var missing = await leader.GetAsync("/chi-so-766/9.9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_api_returns_the_index_with_groups_indicators_and_bounded_lost_items_equal_to_the_core_rules()
    {
        var codes = await FourDossiersAsync(2023, 8);
        using var client = await app.ApiClientAsync("chuyenvien");
        var response = await client.GetAsync("/api/indices/766?from=2023-07-15&to=2023-08-14");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("agency", root.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(100m, root.GetProperty("maxPoints").GetDecimal());
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(6, groups.Count);
        var progress = groups.SelectMany(g => g.GetProperty("indicators").EnumerateArray()).Single(i => i.GetProperty("code").GetString() == "2.1");
        Assert.Equal(10m, progress.GetProperty("earnedPoints").GetDecimal());
        Assert.Equal(2, progress.GetProperty("numerator").GetInt32());
        Assert.Equal(4, progress.GetProperty("denominator").GetInt32());
        Assert.Equal("scored", progress.GetProperty("status").GetString());
        Assert.Equal("dossier", progress.GetProperty("lostItems").GetProperty("kind").GetString());
        Assert.Equal(2, progress.GetProperty("lostItems").GetProperty("total").GetInt32());
        Assert.Equal(new[] { codes[1], codes[2] }.Order(StringComparer.Ordinal),
            progress.GetProperty("lostItems").GetProperty("items").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal));
        var manual = groups.SelectMany(g => g.GetProperty("indicators").EnumerateArray()).Single(i => i.GetProperty("code").GetString() == "6.4");
        Assert.Equal("notEntered", manual.GetProperty("status").GetString());

        // The web answer is the Core rules over the same facts (the reference).
        await using var db = app.CreateDbContext();
        var agencyId = await db.Agencies.Select(a => a.Id).FirstAsync();
        var period = ReportPeriod.Custom(new DateOnly(2023, 7, 15), new DateOnly(2023, 8, 14));
        var inputs = await IndexQueries.LoadAsync(ReportingDb.ForPrimary(db), agencyId, period, null, default);
        var expected = Index766.Compute(inputs.Input, period);
        Assert.Equal(expected.EarnedPoints, root.GetProperty("earnedPoints").GetDecimal());
        Assert.Equal(expected.ComputedMaxPoints, root.GetProperty("computedMaxPoints").GetDecimal());
    }

    [Theory]
    [InlineData("/api/indices/766", "from")]
    [InlineData("/api/indices/766?from=2025-01-01", "to")]
    [InlineData("/api/indices/766?from=01/01/2025&to=2025-03-31", "from")]
    [InlineData("/api/indices/766?from=2025-03-31&to=2025-01-01", "to")]
    [InlineData("/api/indices/766?from=2023-01-01&to=2025-03-31", "to")]
    [InlineData("/api/indices/766?from=2025-01-01&to=2025-03-31&unit=999999", "unit")]
    public async Task Bad_parameters_answer_a_Vietnamese_problem(string url, string field)
    {
        using var client = await app.ApiClientAsync("motcua");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Tham số không hợp lệ.", root.GetProperty("title").GetString());
        Assert.True(root.GetProperty("errors").TryGetProperty(field, out var messages), field);
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task Manual_points_are_validated_stored_audited_and_counted_in_the_index()
    {
        using var focal = await app.LoginAsync("daumoi");
        const string query = "ky=quy&nam=2022&so=3";
        var token = await MotCuaApp.AntiforgeryTokenAsync(focal, "/chi-so-766/nhap-diem?" + query);

        using var tooMany = await focal.PostAsync("/chi-so-766/nhap-diem?" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Points[1.3]"] = "9", ["Points[6.4]"] = "abc", ["__RequestVerificationToken"] = token,
        }));
        var refused = await tooMany.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("Điểm chỉ tiêu 1.3 phải từ 0 đến 8", refused, StringComparison.Ordinal);
        Assert.Contains("Điểm chỉ tiêu 6.4 phải là số", refused, StringComparison.Ordinal);

        using var saved = await focal.PostAsync("/chi-so-766/nhap-diem?" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Points[1.3]"] = "7,5", ["Points[6.4]"] = "", ["Note"] = "Theo kết quả đánh giá quý III/2022", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("data-testid=\"saved\"", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var row = await db.IndexManualScores.SingleAsync(m => m.PeriodKey == "2022-Q3" && m.IndicatorCode == "1.3");
            Assert.Equal(7.5m, row.Points);
            Assert.Equal(0, row.ScopeUnitId);
            Assert.Equal("daumoi", row.EnteredBy);
            Assert.False(await db.IndexManualScores.AnyAsync(m => m.PeriodKey == "2022-Q3" && m.IndicatorCode == "6.4"));
            var audit = await db.AuditEntries.Where(a => a.Action == "index766.manual-points").ToListAsync();
            Assert.Single(audit);
        }

        var html = await focal.GetStringAsync("/chi-so-766?" + query);
        Assert.Equal("7,5", Cell(html, "earned-1.3"));
        Assert.Equal("—", Cell(html, "earned-6.4"));

        // A one-stop officer reads the index but may not enter points.
        using var desk = await app.LoginAsync("motcua");
        using var denied = await desk.GetAsync("/chi-so-766/nhap-diem?" + query);
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, denied.StatusCode.ToString());
    }

    [Fact]
    public async Task The_targets_page_puts_the_2024_plan_targets_next_to_the_live_figures()
    {
        // Official year 2024 = 15/12/2023–14/12/2024: three online dossiers of four = 75% < 90%.
        await ImportAsync(
            Dossier("online", "2024-06-03T08:00:00+07:00", "2024-06-10T17:00:00+07:00", "2024-06-05T10:00:00+07:00"),
            Dossier("online", "2024-06-04T08:00:00+07:00", "2024-06-11T17:00:00+07:00", "2024-06-05T10:00:00+07:00"),
            Dossier("online", "2024-06-05T08:00:00+07:00", "2024-06-12T17:00:00+07:00", "2024-06-06T10:00:00+07:00"),
            Dossier("direct", "2024-06-06T08:00:00+07:00", "2024-06-13T17:00:00+07:00", "2024-06-07T10:00:00+07:00"));
        using var leader = await app.LoginAsync("lanhdao");
        var html = await leader.GetStringAsync("/chi-tieu?nam=2024");
        Assert.Equal("75%", Cell(html, "actual-online_dossiers"));
        var row = Regex.Match(html, "data-testid=\"target-online_dossiers\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("≥ 90%", row, StringComparison.Ordinal);
        Assert.Contains("3 / 4", row, StringComparison.Ordinal);
        Assert.Contains("Chưa đạt", row, StringComparison.Ordinal);

        using var bad = await leader.GetAsync("/chi-tieu?nam=abc");
        Assert.Contains("Năm phải là số từ 2000 đến 2100.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scoring_page_shows_the_grade_the_rules_give_for_the_scenario()
    {
        await FourDossiersAsync(2023, 11);
        using var leader = await app.LoginAsync("lanhdao");
        var html = await leader.GetStringAsync("/cham-diem-mot-cua?ky=thang&nam=2023&so=11");

        await using var db = app.CreateDbContext();
        var agencyId = await db.Agencies.Select(a => a.Id).FirstAsync();
        var period = ReportPeriod.Month(2023, 11);
        var reporting = ReportingDb.ForPrimary(db);
        var inputs = await IndexQueries.LoadAsync(reporting, agencyId, period, null, default);
        var expected = OneStopEvaluation.Compute(inputs.Facts, inputs.Procedures, inputs.Ballots, await IndexQueries.PaknByUnitAsync(reporting, agencyId, period, default), period)[0];
        // Indicator 1 over the two resolved dossiers: early (2) and late (0) average 1.
        Assert.Equal(1m, expected.Indicators[0].SystemScore);
        Assert.Equal(expected.SystemTotal.ToString("0.##", new CultureInfo("vi-VN")), Cell(html, "system-total-agency"));
        var grade = Regex.Match(html, "data-testid=\"system-grade-agency\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(expected.SystemGrade?.Name ?? "Chưa đủ 9 tiêu chí", grade, StringComparison.Ordinal);
        Assert.Contains("Xuất sắc", html, StringComparison.Ordinal); // the bands are explained

        using var bad = await leader.GetAsync("/cham-diem-mot-cua?ky=quy&nam=2023&so=7");
        Assert.Contains("Quý phải từ 1 đến 4.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_renders_charts_figures_and_overdue_by_unit()
    {
        // Received 03/03/2025 (official month 3/2025), due 07/03, still open on 10/03: overdue now.
        var codes = await ImportAsync(
            Dossier("online", "2025-03-03T08:00:00+07:00", "2025-03-07T17:00:00+07:00"),
            Dossier("direct", "2025-03-03T09:00:00+07:00", "2025-03-20T17:00:00+07:00", "2025-03-05T10:00:00+07:00"));
        using var leader = await app.LoginAsync("lanhdao");
        var home = await leader.GetStringAsync("/can-bo");
        Assert.Contains("href=\"/bang-dieu-khien\"", home, StringComparison.Ordinal);

        var html = await leader.GetStringAsync("/bang-dieu-khien");
        Assert.Equal(4, Regex.Count(html, "<svg class=\"chart\""));
        Assert.Contains("Hồ sơ tiếp nhận và giải quyết theo tháng", html, StringComparison.Ordinal);
        Assert.True(int.Parse(Cell(html, "kf-received"), NumberStyles.AllowThousands, new CultureInfo("vi-VN")) >= 2);
        Assert.True(int.Parse(Cell(html, "kf-overdue"), NumberStyles.AllowThousands, new CultureInfo("vi-VN")) >= 1);
        Assert.Contains("data-testid=\"overdue-by-unit\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"months\"", html, StringComparison.Ordinal);
        // The demo's plan is 2024's; in 2025 the dashboard says this year has none rather than showing last year's.
        Assert.Contains("Chỉ tiêu kế hoạch năm 2025", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-plan\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(codes);
    }
}
