using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>/ho-so/hang-doi is paged: 50 rows a page, dated by due instant then undated, counts of the whole queue.</summary>
public sealed partial class QueuePagingTests(MotCuaApp app, ITestOutputHelper output) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_unit_queue_pages_by_50_in_due_order_and_its_counts_match_the_rows()
    {
        // One real receipt, then 57 copies put in the specialist's unit: overdue, due soon, within time and undated.
        var offsets = new List<TimeSpan?>();
        offsets.AddRange(Enumerable.Range(1, 20).Select(i => (TimeSpan?)TimeSpan.FromHours(-i)));       // overdue
        offsets.AddRange([TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);                              // due soon
        offsets.AddRange(Enumerable.Range(0, 30).Select(i => (TimeSpan?)TimeSpan.FromDays(10 + i)));      // within time
        offsets.AddRange(Enumerable.Repeat<TimeSpan?>(null, 5));                                          // undated
        var prefix = await CopiesInUnitAsync(app, offsets);

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
        // (a parameter could hold anything). The list is built as a constant expression tree so EF can cache the SQL;
        // this keeps the literals from silently becoming a parameter.
        await using var db = app.CreateDbContext();
        var sql = DossierQueues.OpenOf(db, 1).Where(d => d.CurrentUnitId == 2).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(50).ToQueryString();
        var list = DossierQueues.OpenIndexFilter[DossierQueues.OpenIndexFilter.IndexOf("IN (", StringComparison.Ordinal)..];
        Assert.Contains(list, sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counts_stop_one_row_past_the_cap_per_standing_and_say_so()
    {
        // Cap 3 on the real database: 5 overdue and 4 undated are "3+", 3 due soon (exactly the cap) and 2 within time
        // stay exact. The copies are assigned to a name of their own, so the queue holds them only.
        var now = app.Clock.GetUtcNow();
        var soon = now.AddDays(1);
        var assignee = "cap-" + Guid.NewGuid().ToString("N")[..8];
        var offsets = new List<TimeSpan?>();
        offsets.AddRange(Enumerable.Range(1, 5).Select(i => (TimeSpan?)TimeSpan.FromHours(-i)));        // overdue
        offsets.AddRange(Enumerable.Range(1, 3).Select(i => (TimeSpan?)TimeSpan.FromHours(i)));         // due soon (<= soon)
        offsets.AddRange([TimeSpan.FromDays(3), TimeSpan.FromDays(4)]);                                   // within time
        offsets.AddRange(Enumerable.Repeat<TimeSpan?>(null, 4));                                          // undated
        await CopiesAsync(app, offsets, d => d.Assignee = assignee);

        await using var db = app.CreateDbContext();
        var agency = await db.Agencies.Select(a => a.Id).FirstAsync();
        var queue = DossierQueues.OpenOf(db, agency).Where(d => d.Assignee == assignee);

        var capped = await DossierQueues.CountsAsync(db, queue, now, soon, cap: 3);
        Assert.Equal(new CappedCount(3, true), capped.Overdue);
        Assert.Equal(new CappedCount(3, false), capped.DueSoon);
        Assert.Equal(new CappedCount(2, false), capped.WithinTime);
        Assert.Equal(new CappedCount(3, true), capped.Undated);
        Assert.Equal(new CappedCount(8, true), capped.Dated);
        Assert.Equal(new CappedCount(11, true), capped.Total);
        Assert.Equal(3, capped.Listed);

        var exact = await DossierQueues.CountsAsync(db, queue, now, soon);
        Assert.Equal(new QueueCounts(new(2, false), new(3, false), new(5, false), new(4, false), DossierQueues.CountCap), exact);
        Assert.Equal(new CappedCount(14, false), exact.Total);
        Assert.Equal(14, exact.Listed);

        var empty = await DossierQueues.CountsAsync(db, queue.Where(d => d.Id < 0), now, soon, cap: 3);
        Assert.Equal(new CappedCount(0, false), empty.Total);
    }

    [Fact]
    public async Task A_queue_past_the_cap_shows_capped_figures_and_lists_only_the_first_cap_dossiers()
    {
        // An app of its own with a cap of 60 (more than one page of 50): 65 overdue, 2 due soon, 3 within time and
        // 4 undated in the specialist's unit. Overdue reads "60+", the others are exact, the total "69+"; the pages
        // list the first 60 dossiers by due instant (the 60 most overdue), so there are "2+" pages and no third.
        await using var capped = new MotCuaApp();
        capped.Settings[QueueModel.CountCapSetting] = "60";
        var now = capped.Clock.GetUtcNow();
        var offsets = new List<TimeSpan?>();
        offsets.AddRange(Enumerable.Range(0, 65).Select(i => (TimeSpan?)TimeSpan.FromHours(-100 + i)));  // overdue, in due order
        offsets.AddRange([TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);                              // due soon
        offsets.AddRange(Enumerable.Range(0, 3).Select(i => (TimeSpan?)TimeSpan.FromDays(10 + i)));       // within time
        offsets.AddRange(Enumerable.Repeat<TimeSpan?>(null, 4));                                          // undated
        var prefix = await CopiesInUnitAsync(capped, offsets);
        using var specialist = await capped.LoginAsync("chuyenvien");

        var (header, rows, rest) = await UnitQueueAsync(specialist, 1);
        Assert.Equal("69", TotalRegex().Match(header).Groups[1].Value);
        Assert.Contains("<span class=\"badge\" title=\"Hơn 69 hồ sơ\">69+</span>", header, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge red\" title=\"Hơn 60 hồ sơ\">Quá hạn 60+</span>", header, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge amber\">Sắp đến hạn 2</span>", header, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge green\">Trong hạn 3</span>", header, StringComparison.Ordinal);
        Assert.Contains("Hàng đợi có hơn 69 hồ sơ; danh sách liệt kê 60 hồ sơ đầu theo hạn giải quyết.", rest, StringComparison.Ordinal);
        Assert.Contains("Trang 1/2+", rest, StringComparison.Ordinal);
        Assert.Equal(DossierQueues.PageSize, rows.Count);

        // Page 2 is the last one, whatever is asked: the 10 dossiers up to the cap, still overdue ones.
        foreach (var asked in new[] { 2, 3, 40 })
        {
            var (_, last, tail) = await UnitQueueAsync(specialist, asked);
            Assert.Contains("Trang 2/2+", tail, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"next\"", tail, StringComparison.Ordinal);
            Assert.Equal(Enumerable.Range(50, 10).Select(i => prefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)),
                last.Select(r => CodeRegex().Match(r).Groups[1].Value));
            Assert.All(last, r => Assert.Contains(">Quá hạn<", r, StringComparison.Ordinal));
        }
        Assert.Equal(Enumerable.Range(0, 50).Select(i => prefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Select(r => CodeRegex().Match(r).Groups[1].Value));

        // The specialist's own queue is empty: exact, no note.
        var html = WebUtility.HtmlDecode(await specialist.GetStringAsync("/ho-so/hang-doi"));
        var mine = html[html.IndexOf("data-testid=\"my-queue\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"unit-queue\"", StringComparison.Ordinal)];
        Assert.Contains("<span class=\"badge\">0</span>", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("my-queue-capped", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counts_are_one_cached_statement_of_four_limited_ranges_on_the_open_index()
    {
        // Each standing is a range of the partial queue index (open-status literals repeated), read with a LIMIT of
        // cap + 1 rows so the database stops early; instants and the cap are parameters, so the SQL text is the same
        // on every request and EF generates it once.
        await using var db = app.CreateDbContext();
        var queue = DossierQueues.OpenOf(db, 1).Where(d => d.CurrentUnitId == 2);
        var now = app.Clock.GetUtcNow();
        var sql = DossierQueues.CountsQuery(db, queue, now, now.AddDays(2), DossierQueues.CountCap).ToQueryString();
        output.WriteLine(sql);
        var list = DossierQueues.OpenIndexFilter[DossierQueues.OpenIndexFilter.IndexOf("IN (", StringComparison.Ordinal)..];
        Assert.Equal(4, Occurrences(sql, list));
        Assert.Equal(4, Occurrences(sql, "COUNT(*)"));             // count(*)::int on PostgreSQL
        Assert.Equal(4, Occurrences(StatementOf(sql), "LIMIT @limit"));
        Assert.DoesNotContain("10001", StatementOf(sql), StringComparison.Ordinal);
        var other = DossierQueues.CountsQuery(db, queue, now.AddDays(-40), now.AddDays(9), 3).ToQueryString();
        Assert.Equal(StatementOf(sql), StatementOf(other));

        static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.OrdinalIgnoreCase).Length) / part.Length;
        // Without the parameter values ToQueryString puts first ("-- @p='…'" on PostgreSQL, ".param set" on SQLite).
        static string StatementOf(string text) => string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("-- @", StringComparison.Ordinal) && !l.StartsWith(".param", StringComparison.Ordinal)));
    }

    /// <summary>The unit queue's section of one page: its header, its table rows and what follows the table.</summary>
    private static async Task<(string Header, List<string> Rows, string Tail)> UnitQueueAsync(HttpClient client, int page)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/ho-so/hang-doi?trang-don-vi=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var start = html.IndexOf("data-testid=\"unit-queue\"", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        var header = section[..section.IndexOf("</h2>", StringComparison.Ordinal)];
        var tableEnd = section.IndexOf("</table>", StringComparison.Ordinal);
        var rows = RowRegex().Matches(section[header.Length..]).Select(m => m.Value).Where(r => r.Contains("href=\"/ho-so/", StringComparison.Ordinal)).ToList();
        return (header, rows, tableEnd < 0 ? "" : section[tableEnd..]);
    }

    /// <summary>Copies of one real receipt, in process in the specialist's unit, numbered prefix + 00, 01… in the order given.</summary>
    private static async Task<string> CopiesInUnitAsync(MotCuaApp app, IReadOnlyList<TimeSpan?> offsets)
    {
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        return await CopiesAsync(app, offsets, d => d.CurrentUnitId = unit);
    }

    private static async Task<string> CopiesAsync(MotCuaApp app, IReadOnlyList<TimeSpan?> offsets, Action<Dossier> place)
    {
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
        await using var db = app.CreateDbContext();
        for (var i = 0; i < offsets.Count; i++)
        {
            var copy = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
            copy.Id = 0;
            copy.Code = prefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            copy.Status = DossierStatus.InProcessing;
            copy.DueAt = offsets[i] is { } o ? now + o : null;
            place(copy);
            db.Dossiers.Add(copy);
        }
        await db.SaveChangesAsync();
        return prefix;
    }

    [GeneratedRegex("<span class=\"badge\"[^>]*>([0-9.]+)\\+?</span>")]
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
