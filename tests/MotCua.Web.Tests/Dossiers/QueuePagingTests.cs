using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>/ho-so/hang-doi is paged (issue #10): 50 rows a page, dated by due instant then undated, counts of the whole queue.</summary>
public sealed partial class QueuePagingTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_unit_queue_pages_by_50_in_due_order_and_its_counts_match_the_rows()
    {
        // One real receipt, then 57 copies put in the specialist's unit: overdue, due soon, within time and undated.
        using var desk = await app.ApiClientAsync("motcua");
        var receipt = new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Phân Trang", idNumber = "079085001234", phone = "0905123456" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        };
        var created = await desk.PostAsJsonAsync("/api/dossiers", receipt);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var prefix = "QP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() + "-";
        var now = app.Clock.GetUtcNow();
        var offsets = new List<TimeSpan?>();
        offsets.AddRange(Enumerable.Range(1, 20).Select(i => (TimeSpan?)TimeSpan.FromHours(-i)));       // overdue
        offsets.AddRange([TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);                              // due soon
        offsets.AddRange(Enumerable.Range(0, 30).Select(i => (TimeSpan?)TimeSpan.FromDays(10 + i)));      // within time
        offsets.AddRange(Enumerable.Repeat<TimeSpan?>(null, 5));                                          // undated
        await using (var db = app.CreateDbContext())
        {
            var unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < offsets.Count; i++)
            {
                var copy = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
                copy.Id = 0;
                copy.Code = prefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                copy.Status = DossierStatus.InProcessing;
                copy.CurrentUnitId = unit;
                copy.DueAt = offsets[i] is { } o ? now + o : null;
                db.Dossiers.Add(copy);
            }
            await db.SaveChangesAsync();
        }

        using var specialist = await app.LoginAsync("chuyenvien");
        var seen = new List<string>();
        int? total = null, overdueCount = null, soonCount = null;
        var overdueRows = 0;
        var soonRows = 0;
        for (var page = 1; page < 10; page++)
        {
            var html = WebUtility.HtmlDecode(await specialist.GetStringAsync("/ho-so/hang-doi?trang-don-vi=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var start = html.IndexOf("data-testid=\"unit-queue\"", StringComparison.Ordinal);
            var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
            var header = section[..section.IndexOf("</h2>", StringComparison.Ordinal)];
            total ??= int.Parse(TotalRegex().Match(header).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            overdueCount ??= int.Parse(OverdueRegex().Match(header).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            soonCount ??= int.Parse(SoonRegex().Match(header).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var rows = RowRegex().Matches(section[header.Length..]).Select(m => m.Value).Where(r => r.Contains("href=\"/ho-so/", StringComparison.Ordinal)).ToList();
            Assert.InRange(rows.Count, 1, DossierQueues.PageSize);
            seen.AddRange(rows.Select(r => CodeRegex().Match(r).Groups[1].Value));
            overdueRows += rows.Count(r => r.Contains(">Quá hạn<", StringComparison.Ordinal));
            soonRows += rows.Count(r => r.Contains(">Sắp đến hạn<", StringComparison.Ordinal));
            if (!section.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        var mine = seen.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(offsets.Count, mine.Count);
        // Dated by due instant first (the copies were numbered in that order within each group), undated last.
        var expected = Enumerable.Range(0, offsets.Count).OrderBy(i => offsets[i] is null).ThenBy(i => offsets[i]).Select(i => prefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, mine);
        // The header counts (one SQL aggregate) agree with the rows' own standing, across all pages.
        Assert.Equal(overdueRows, overdueCount);
        Assert.Equal(soonRows, soonCount);
        Assert.True(overdueCount >= 20);
        Assert.True(soonCount >= 2);
    }

    [Fact]
    public async Task The_open_status_list_is_sent_as_literals_so_the_partial_queue_indexes_apply()
    {
        // The planners use IX_Dossiers_Queue_Unit/_Assignee only when the query repeats the index filter as constants
        // (a parameter could hold anything). Session 4 replaced EF.Constant with a constant expression tree to let EF
        // cache the SQL; this keeps the literals from silently becoming a parameter again.
        await using var db = app.CreateDbContext();
        var sql = DossierQueues.OpenOf(db, 1).Where(d => d.CurrentUnitId == 2).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(50).ToQueryString();
        var list = DossierQueues.OpenIndexFilter[DossierQueues.OpenIndexFilter.IndexOf("IN (", StringComparison.Ordinal)..];
        Assert.Contains(list, sql, StringComparison.Ordinal);
    }

    [GeneratedRegex("<span class=\"badge\">([0-9.]+)</span>")]
    private static partial Regex TotalRegex();

    [GeneratedRegex("Quá hạn ([0-9.]+)")]
    private static partial Regex OverdueRegex();

    [GeneratedRegex("Sắp đến hạn ([0-9.]+)")]
    private static partial Regex SoonRegex();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("href=\"/ho-so/([^\"]+)\"")]
    private static partial Regex CodeRegex();
}
