using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// The public statistics count a quarter that has not ended as of now: a dossier due tomorrow is still within time, one
/// already past its due instant is overdue, and the page and the API say the figures are provisional; an ended quarter's
/// figures stay the same whenever they are read. Each test has its own app, because the clock moves.
/// </summary>
public sealed class StatisticsAsOfTests
{
    private const string Quarter = "co-quan=SKHCN&ky=quy&nam=2025&so=1";
    private const string PastQuarter = "co-quan=SKHCN&ky=quy&nam=2024&so=4";

    internal static DateTimeOffset Local(int month, int day, int hour) => new(2025, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    /// <summary>
    /// Two direct dossiers received 03/03/2025 and still being handled at the default clock (10/03/2025 09:00): one due
    /// tomorrow, one due last Friday.
    /// </summary>
    internal static async Task ImportPendingAsync(MotCuaApp app)
    {
        string procedureCode;
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedureCode = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10))
                .OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).FirstAsync();
        }
        static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var records = new[] { Local(3, 11, 17), Local(3, 7, 17) }.Select((due, i) => new
        {
            procedureCode,
            channel = "direct",
            applicant = new { name = "Người chờ kết quả " + i.ToString(CultureInfo.InvariantCulture), phone = "0905318274" },
            receivedAt = Iso(Local(3, 3, 9 + i)),
            dueAt = Iso(due),
        }).ToList();
        using var admin = await app.ApiClientAsync("admin");
        var imported = await admin.PostAsJsonAsync("/api/dossiers/import", records);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
    }

    internal static int Figure(string html, string testId)
    {
        var m = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\">([\\d.]+)<");
        Assert.True(m.Success, "no " + testId);
        return int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static (int Pending, int Overdue) Pending(string html) => (Figure(html, "stats-pending"), Figure(html, "stats-overdue"));

    private static async Task<JsonElement> ApiAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/public/statistics?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static (int Pending, int Overdue) Pending(JsonElement answer)
    {
        var counts = answer.GetProperty("counts");
        return (counts.GetProperty("pendingWithinTime").GetInt32(), counts.GetProperty("pendingOverdue").GetInt32());
    }

    [Fact]
    public async Task A_running_quarter_counts_a_dossier_due_tomorrow_within_time_and_says_the_figures_are_provisional()
    {
        await using var app = new MotCuaApp();
        using var anonymous = app.CreateClient();
        var before = await anonymous.GetStringAsync("/thong-ke?" + Quarter);
        var apiBefore = Pending(await ApiAsync(anonymous, Quarter));

        await ImportPendingAsync(app);

        var html = await anonymous.GetStringAsync("/thong-ke?" + Quarter);
        var (pending, overdue) = Pending(html);
        // Judged at the quarter's end (14/03) both would be overdue; as of now only the one due last Friday is.
        Assert.Equal((1, 1), (pending - Pending(before).Pending, overdue - Pending(before).Overdue));
        Assert.Contains("Số liệu tạm tính đến 09:00 ngày 10/03/2025", html, StringComparison.Ordinal);

        var answer = await ApiAsync(anonymous, Quarter);
        Assert.Equal((pending, overdue), Pending(answer));
        Assert.Equal((apiBefore.Pending + 1, apiBefore.Overdue + 1), Pending(answer));
        var period = answer.GetProperty("period");
        Assert.True(period.GetProperty("provisional").GetBoolean());
        var asOf = period.GetProperty("asOf").GetDateTimeOffset();
        Assert.InRange(asOf - app.Clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromSeconds(1));

        // Last quarter has ended: final, no provisional line, no as-of instant.
        Assert.DoesNotContain("data-testid=\"provisional\"", await anonymous.GetStringAsync("/thong-ke?" + PastQuarter), StringComparison.Ordinal);
        var past = (await ApiAsync(anonymous, PastQuarter)).GetProperty("period");
        Assert.False(past.GetProperty("provisional").GetBoolean());
        Assert.Equal(JsonValueKind.Null, past.GetProperty("asOf").ValueKind);
    }

    [Fact]
    public async Task An_ended_quarter_reads_the_same_whenever_it_is_read()
    {
        await using var app = new MotCuaApp();
        using var anonymous = app.CreateClient();
        await ImportPendingAsync(app);

        // Q1/2025 ends 14/03: read after it, then again two weeks later.
        app.Clock.SetUtcNow(Local(3, 20, 9));
        var first = await anonymous.GetStringAsync("/thong-ke?" + Quarter);
        var firstApi = await ApiAsync(anonymous, Quarter);
        Assert.DoesNotContain("data-testid=\"provisional\"", first, StringComparison.Ordinal);
        Assert.False(firstApi.GetProperty("period").GetProperty("provisional").GetBoolean());
        // Both imported dossiers are past their due instants at the quarter's end.
        Assert.True(Pending(first).Overdue >= 2);

        app.Clock.SetUtcNow(Local(4, 3, 15));
        var later = await anonymous.GetStringAsync("/thong-ke?" + Quarter);
        Assert.Contains("data-testid=\"stats-overdue\"", Figures(first), StringComparison.Ordinal);
        Assert.Equal(Figures(first), Figures(later));
        Assert.Equal(firstApi.GetProperty("counts").GetRawText(), (await ApiAsync(anonymous, Quarter)).GetProperty("counts").GetRawText());
    }

    private static string Figures(string html) =>
        Regex.Match(html, "data-testid=\"stats-counts\">(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value;
}
