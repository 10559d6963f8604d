using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reconciliation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reconciliation;

/// <summary>
/// Property test of the ledger: over generated dossiers (random channels, outcomes, receipts around the 15th cut-off,
/// portal messages acknowledged before or after the cut-off, pending or failed), the ledger's totals per system equal
/// Biểu 06 as the report computes it (<see cref="ReportQueries"/>) and the 766 index's counts (<see cref="IndexSql"/>)
/// for the same period and scope; and the ledger computed in the database (<see cref="LedgerSql"/>) equals Core's over the
/// same dossiers. Runs on whichever provider the run uses (test.sh runs both).
/// </summary>
public sealed class LedgerTotalsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static string Iso(DateTimeOffset at) => at.ToOffset(Vn).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static object Record(Random rng, string procedure, DateTimeOffset now)
    {
        // Receipts cluster around the 14th/15th of each month, where the official and calendar periods part.
        var month = new DateTimeOffset(2024, 9, 1, 8, 0, 0, Vn).AddMonths(rng.Next(0, 6));
        var day = rng.Next(0, 3) == 0 ? rng.Next(0, 28) : rng.Next(11, 18);
        var received = month.AddDays(day).AddMinutes(rng.Next(0, 600));
        if (received >= now)
        {
            received = now.AddDays(-rng.Next(1, 20));
        }
        var due = new DateTimeOffset(received.Date.AddDays(rng.Next(1, 25)).AddHours(17), Vn);
        DateTimeOffset Later(DateTimeOffset from, int maxDays)
        {
            var at = from.AddHours(rng.Next(1, Math.Max(2, maxDays * 24)));
            return at < now ? at : from.AddTicks((long)((now - from).Ticks * rng.NextDouble()));
        }
        string? resolved = null, returned = null, withdrawn = null, refused = null;
        switch (rng.Next(0, 6))
        {
            case 0:
                break;
            case 1:
            case 2:
                var r = Later(received, 30);
                resolved = Iso(r);
                returned = Iso(Later(r, 5));
                break;
            case 3:
                resolved = Iso(Later(received, 30));
                break;
            case 4:
                withdrawn = Iso(Later(received, 20));
                break;
            default:
                refused = Iso(Later(received, 20));
                break;
        }
        return new
        {
            procedureCode = procedure,
            channel = rng.Next(0, 3) switch { 0 => "direct", 1 => "online", _ => "postal" },
            applicant = new { name = "Người nộp " + rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), phone = "0905318274" },
            receivedAt = Iso(received),
            dueAt = Iso(due),
            resolvedAt = resolved,
            returnedAt = returned,
            withdrawnAt = withdrawn,
            refusedAt = refused,
        };
    }

    [Fact]
    public async Task Ledger_totals_equal_the_report_and_the_index_for_every_period_and_scope()
    {
        int agencyId;
        List<string> procedures;
        List<int> units;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedures = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10))
                .OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).Take(20).ToListAsync();
            units = await db.Units.Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        }
        var now = app.Clock.GetUtcNow();
        using (var admin = await app.ApiClientAsync("admin"))
        {
            var rng = new Random(26);
            var records = Enumerable.Range(0, 160).Select(_ => Record(rng, procedures[rng.Next(procedures.Count)], now)).ToList();
            var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        // Portal messages as the outbox would leave them: acknowledged (some after a cut-off, some with an old status), pending, failed.
        await using (var db = app.CreateDbContext())
        {
            var rng = new Random(7);
            var rows = await db.ReportDossiers.Where(r => r.AgencyId == agencyId).ToDictionaryAsync(r => r.DossierId);
            foreach (var d in await db.Dossiers.Where(d => d.AgencyId == agencyId && d.Imported).OrderBy(d => d.Id).ToListAsync())
            {
                var row = rows[d.Id];
                var unit = rng.Next(0, units.Count + 1);
                row.UnitId = unit == units.Count ? null : units[unit];
                var received = d.ReceivedAt!.Value;
                switch (rng.Next(0, 6))
                {
                    case 3:
                        // The portal holds MotCua's status; sometimes a later push of it is still on its way.
                        var ackAt = received.AddDays(rng.Next(0, 40));
                        ackAt = ackAt < now ? ackAt : now.AddMinutes(-5);
                        db.OutboxMessages.Add(LedgerReasonTests.Message(agencyId, d.Code, MotCua.Core.Dossiers.NationalStatus.From(d.Status)!.Code, ackAt, OutboxStatus.Delivered, ackAt));
                        if (rng.Next(0, 3) == 0)
                        {
                            db.OutboxMessages.Add(LedgerReasonTests.Message(agencyId, d.Code, MotCua.Core.Dossiers.NationalStatus.From(d.Status)!.Code, ackAt.AddMinutes(1), OutboxStatus.Pending, null));
                        }
                        row.SyncedAt = ackAt.UtcTicks;
                        break;
                    case 0:
                        break; // never sent
                    case 1:
                        db.OutboxMessages.Add(LedgerReasonTests.Message(agencyId, d.Code, 4, received, OutboxStatus.Pending, null));
                        break;
                    case 2:
                        db.OutboxMessages.Add(LedgerReasonTests.Message(agencyId, d.Code, 4, received, OutboxStatus.Dead, null));
                        break;
                    default:
                        var acks = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => received.AddDays(rng.Next(0, 40))).Where(a => a < now).ToList();
                        foreach (var at in acks)
                        {
                            db.OutboxMessages.Add(LedgerReasonTests.Message(agencyId, d.Code, rng.Next(2, 11), at, OutboxStatus.Delivered, at));
                        }
                        row.SyncedAt = acks.Count == 0 ? null : acks.Min().UtcTicks;
                        break;
                }
            }
            await db.SaveChangesAsync();
            Assert.True(await ReportRollup.RebuildAsync(db, default) > 0);
            // The latest acknowledged code on each report row, as the outbox processor records it.
            foreach (var code in await db.OutboxMessages.Where(m => m.AcknowledgedAt != null).Select(m => m.DossierCode!).Distinct().ToListAsync())
            {
                await ReportSyncListener.RecordPortalCodeAsync(db, agencyId, code, default);
            }
        }

        ReportPeriod[] periods =
        [
            ReportPeriod.Quarter(2024, 4), ReportPeriod.Month(2024, 12), ReportPeriod.Month(2025, 1), ReportPeriod.Quarter(2025, 1),
            ReportPeriod.Quarter(2024, 4, ReportingRegime.Calendar), ReportPeriod.Custom(new DateOnly(2024, 10, 3), new DateOnly(2025, 2, 20)),
        ];
        await using var ctx = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(ctx);
        var differences = 0;
        foreach (var p in periods)
        {
            var period = p.AsOf(now);
            foreach (int? unit in new int?[] { null, units[0], units[1] })
            {
                var where = period.Key + " unit " + (unit?.ToString(CultureInfo.InvariantCulture) ?? "agency");
                var ledger = await Ledger.LoadAsync(reporting, agencyId, period, unit, default);
                var report = (await ReportQueries.DossierReportAsync(reporting, agencyId, period, GroupBy.Agency, null, unit, default)).Total;
                var index = (await IndexSql.CountAsync(reporting, agencyId, period, unit, default)).For(null);
                var t = ledger.Totals;
                Assert.True(report.Total == t.ReportCounted, $"{where}: Biểu 06 total {report.Total}, ledger {t.ReportCounted}");
                Assert.Equal((report.Received, report.Resolved, report.Pending, report.ClosedWithoutResult, report.RefusedAtDesk),
                    (t.ReportReceived, t.ReportResolved, t.ReportPending, t.ReportClosedWithoutResult, ledger.RefusedAtDesk));
                Assert.Equal((index.Standings, index.Received, index.Standings - index.Late, index.Synced),
                    (t.IndexCounted, t.IndexReceived, t.IndexNotLate, t.IndexSynced));
                differences += t.Differences;
                await AssertSqlEqualsCoreAsync(reporting, agencyId, period, unit, ledger, where);
            }
        }

        // The data is not degenerate: Q4/2024 has dossiers each system counts differently, for several reasons.
        var q4 = await Ledger.LoadAsync(reporting, agencyId, ReportPeriod.Quarter(2024, 4).AsOf(now), null, default);
        Assert.True(q4.Totals.IndexSynced > 0 && q4.Totals.IndexSynced < q4.Totals.IndexReceived, q4.Totals.ToString());
        Assert.True(q4.Totals.IndexNotLate < q4.Totals.IndexCounted, q4.Totals.ToString());
        Assert.True(q4.ByReason.Count >= 5, string.Join(", ", q4.ByReason.Keys));
        Assert.True(differences > 0);
    }

    /// <summary>
    /// The database's ledger (<see cref="LedgerSql"/>) gives what Core gives over the same dossiers: the totals, the count
    /// per reason, the differing lines in order, and each reason's pages.
    /// </summary>
    private static async Task AssertSqlEqualsCoreAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unit, LedgerView core, string where)
    {
        static string Describe(LedgerLine l) => l.Input.Fact.Code + ": " + string.Join(" | ", l.Differences.Select(d => d.Reason + " " + d.Text + " " + d.Action));
        var all = await LedgerSql.PageAsync(reporting, agencyId, period, unit, null, 0, 100_000, default);
        Assert.True(core.Totals == all.Totals, $"{where}: Core {core.Totals}, SQL {all.Totals}");
        Assert.Equal(core.RefusedAtDesk, all.RefusedAtDesk);
        Assert.Equal(core.ByReason.OrderBy(x => x.Key).ToList(), all.ByReason.OrderBy(x => x.Key).ToList());
        Assert.Equal(core.Differing(null).Select(Describe).ToList(), all.Lines.Select(Describe).ToList());
        Assert.Equal(core.Totals.Differences, all.Matching);
        foreach (var reason in Enum.GetValues<LedgerReason>())
        {
            var page = await LedgerSql.PageAsync(reporting, agencyId, period, unit, reason, 2, 3, default);
            var expected = core.Differing(reason).ToList();
            Assert.True(expected.Count == page.Matching, $"{where} {reason}: Core {expected.Count}, SQL {page.Matching}");
            Assert.Equal(expected.Skip(2).Take(3).Select(Describe).ToList(), page.Lines.Select(Describe).ToList());
        }
        var second = await LedgerSql.PageAsync(reporting, agencyId, period, unit, null, 5, 4, default);
        Assert.Equal(core.Differing(null).Skip(5).Take(4).Select(Describe).ToList(), second.Lines.Select(Describe).ToList());
    }
}
