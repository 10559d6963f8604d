using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// Property test of the SQL report: random seeded scenarios (imported history with receipts, completions, returns,
/// withdrawals, refusals after receipt, desk refusals, open pauses, dossiers carried across periods; plus live dossiers
/// stopped and withdrawn through the workflow), then for several periods, every grouping and both finish modes the SQL
/// rows must equal Core's reference <see cref="DossierReport.Compute"/> over the projected facts, and every row must
/// reconcile. Runs on whichever provider the run uses (test.sh runs SQLite and PostgreSQL).
/// </summary>
public sealed class ReportReconciliationTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static string Iso(DateTimeOffset at) => at.ToOffset(Vn).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body), HttpStatusCode.OK);
    }

    private static object Record(Random rng, string procedure, DateTimeOffset now)
    {
        // Receipts from 1/11/2024 to the day before "now" (10/03/2025), during office hours.
        var start = new DateTimeOffset(2024, 11, 1, 8, 0, 0, Vn);
        var received = start.AddDays(rng.Next(0, (int)(now - start).TotalDays - 1)).AddMinutes(rng.Next(0, 480));
        var due = received.Date.AddDays(rng.Next(1, 25)).AddHours(17);
        var dueAt = new DateTimeOffset(due, Vn);
        string? resolved = null, returned = null, withdrawn = null, refused = null, dueText = Iso(dueAt);
        object[]? pauses = null;
        DateTimeOffset Later(DateTimeOffset from, int maxDays)
        {
            var at = from.AddHours(rng.Next(1, Math.Max(2, maxDays * 24)));
            // Never after "now": then somewhere between the earlier instant and now.
            return at < now ? at : from.AddTicks((long)((now - from).Ticks * rng.NextDouble()));
        }
        switch (rng.Next(0, 9))
        {
            case 0:
                break; // still open
            case 1:
            case 2:
                resolved = Iso(Later(received, 30));
                break;
            case 3:
            case 4:
                var r = Later(received, 30);
                resolved = Iso(r);
                returned = Iso(Later(r, 5));
                break;
            case 5:
                withdrawn = Iso(Later(received, 20));
                break;
            case 6:
                refused = Iso(Later(received, 20));
                break;
            case 7:
                refused = Iso(received.AddMinutes(10)); // refused at the desk: never received
                dueText = null;
                break;
            default:
                pauses = [new { from = Iso(received.AddHours(rng.Next(1, 72))), to = (string?)null, reason = "supplement" }];
                break;
        }
        return new
        {
            procedureCode = procedure,
            channel = rng.Next(0, 3) switch { 0 => "direct", 1 => "online", _ => "postal" },
            applicant = new { name = "Người nộp " + rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), phone = "0905123456" },
            receivedAt = Iso(received),
            dueAt = dueText,
            resolvedAt = resolved,
            returnedAt = returned,
            withdrawnAt = withdrawn,
            refusedAt = refused,
            pauses,
        };
    }

    [Fact]
    public async Task Sql_report_equals_the_reference_and_every_row_reconciles_over_random_scenarios()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var admin = await app.ApiClientAsync("admin"); // the import is the administrator's
        int agencyId;
        List<string> procedures;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedures = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10))
                .OrderBy(v => v.FieldId).ThenBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).Take(40).ToListAsync();
        }
        Assert.True(procedures.Count >= 4, "the demo catalogue has procedures in force");
        var now = app.Clock.GetUtcNow();

        foreach (var seed in new[] { 7, 11, 2025 })
        {
            var rng = new Random(seed);
            var picked = procedures.OrderBy(_ => rng.Next()).Take(5).ToList();
            var records = Enumerable.Range(0, 60).Select(_ => Record(rng, picked[rng.Next(picked.Count)], now)).ToList();
            await ReadAsync(await admin.PostAsJsonAsync("/api/dossiers/import", records), HttpStatusCode.OK);
        }

        // Live dossiers: one stopped, one withdrawn, one still open, received "now" through the workflow.
        foreach (var (action, extra) in new (string?, object?)[] { ("stop", new { note = "Dừng theo đề nghị" }), ("withdraw", new { note = "Rút hồ sơ" }), (null, null) })
        {
            var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "1.000173", channel = "direct", applicant = new { name = "Công ty Sống", phone = "0905123456" },
                papers = new[] { new { name = "Đơn", present = true } },
            }), HttpStatusCode.Created);
            if (action is not null)
            {
                app.Clock.Advance(TimeSpan.FromMinutes(30));
                await ActAsync(desk, created.GetProperty("code").GetString()!, action, extra);
            }
        }

        ReportPeriod[] periods =
        [
            ReportPeriod.Month(2025, 1), ReportPeriod.Month(2025, 2), ReportPeriod.Month(2025, 3), ReportPeriod.Quarter(2025, 1),
            ReportPeriod.Month(2025, 3, ReportingRegime.Calendar), ReportPeriod.Custom(new DateOnly(2024, 12, 1), new DateOnly(2025, 3, 31)),
            ReportPeriod.Custom(new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 3)),
        ];
        await using var ctx = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(ctx);
        var checkedRows = 0;
        foreach (var period in periods)
        {
            var facts = await DossierFacts.LoadAsync(reporting, agencyId, period, null, default);
            foreach (var mode in new[] { CountFinishAt.Completion, CountFinishAt.Return })
            {
                var options = new ReportOptions { CountFinishAt = mode };
                foreach (var groupBy in Enum.GetValues<GroupBy>())
                {
                    var expected = DossierReport.Compute(facts, period, groupBy, options);
                    var actual = await ReportQueries.DossierReportAsync(reporting, agencyId, period, groupBy, options, null, default);
                    var where = $"{period.Key} {mode} {groupBy}";
                    Assert.True(expected.Rows.SequenceEqual(actual.Rows), where + ": rows differ\nexpected " + string.Join("\n", expected.Rows) + "\nactual " + string.Join("\n", actual.Rows));
                    Assert.Equal(expected.Total, actual.Total);
                    Assert.All(actual.Rows, r => Assert.True(r.Reconciles, where + " " + r));
                    Assert.True(actual.Total.Reconciles, where);
                    checkedRows += actual.Rows.Count;
                }
            }
        }
        // The scenarios are not empty: carried-over, resolved, pending, withdrawn, refused, stopped and desk refusals all occur.
        var q1 = await ReportQueries.DossierReportAsync(reporting, agencyId, ReportPeriod.Custom(new DateOnly(2024, 12, 1), new DateOnly(2025, 3, 31)), GroupBy.Agency, null, null, default);
        var t = q1.Total;
        Assert.True(t.CarriedOver > 0 && t.Resolved > 0 && t.Pending > 0 && t.Withdrawn > 0 && t.Refused > 0 && t.Stopped > 0 && t.RefusedAtDesk > 0, t.ToString());
        Assert.True(t.ResolvedLate > 0 && t.PendingOverdue > 0 && t.ReceivedOnline > 0 && t.ReceivedPostal > 0, t.ToString());
        Assert.True(checkedRows > 50);
    }
}
