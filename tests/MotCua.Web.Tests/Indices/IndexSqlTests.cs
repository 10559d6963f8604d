using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Indices;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// Property test of the 766 index's SQL path: random seeded scenarios (imported history, then channels, fees and
/// online payments, digitisation, electronic results, units and national-portal acknowledgements varied per dossier),
/// then for several periods, the agency and each unit, every measure's numerator, denominator and failing dossiers from
/// <see cref="IndexSql"/> must equal Core's reference <see cref="Index766.Measure"/> over the projected facts, and the
/// scored index must equal <see cref="Index766.Compute"/>. Runs on whichever provider the run uses (test.sh runs both).
/// </summary>
public sealed class IndexSqlTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static string Iso(DateTimeOffset at) => at.ToOffset(Vn).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static object Record(Random rng, string procedure, DateTimeOffset now)
    {
        var start = new DateTimeOffset(2024, 11, 1, 8, 0, 0, Vn);
        var received = start.AddDays(rng.Next(0, (int)(now - start).TotalDays - 1)).AddMinutes(rng.Next(0, 480));
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
            applicant = new { name = "Người nộp " + rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), phone = "0905123456" },
            receivedAt = Iso(received),
            dueAt = Iso(due),
            resolvedAt = resolved,
            returnedAt = returned,
            withdrawnAt = withdrawn,
            refusedAt = refused,
        };
    }

    [Fact]
    public async Task Sql_measures_equal_the_core_reference_for_the_agency_and_every_unit()
    {
        int agencyId;
        List<string> procedures;
        List<(int Id, string Name)> units;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedures = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10))
                .OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).Take(30).ToListAsync();
            units = (await db.Units.Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync())
                .Select(u => (u.Id, u.Name)).ToList();
        }
        var now = app.Clock.GetUtcNow();
        using (var admin = await app.ApiClientAsync("admin"))
        {
            foreach (var seed in new[] { 3, 19 })
            {
                var rng = new Random(seed);
                var picked = procedures.OrderBy(_ => rng.Next()).Take(6).ToList();
                var records = Enumerable.Range(0, 70).Select(_ => Record(rng, picked[rng.Next(picked.Count)], now)).ToList();
                var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }
        }

        // What the import does not say, varied per dossier as live handling would leave it.
        await using (var db = app.CreateDbContext())
        {
            var rng = new Random(42);
            var reportRows = await db.ReportDossiers.Where(r => r.AgencyId == agencyId).ToDictionaryAsync(r => r.DossierId);
            foreach (var d in await db.Dossiers.Where(d => d.AgencyId == agencyId && d.Imported).OrderBy(d => d.Id).ToListAsync())
            {
                var row = reportRows[d.Id];
                d.FeeAmount = rng.Next(0, 3) == 0 ? 0 : 100_000;
                d.PaymentStatus = rng.Next(0, 3) switch { 0 => PaymentStatus.Unpaid, 1 => PaymentStatus.PaidAtDesk, _ => PaymentStatus.PaidOnline };
                d.ComponentsDigitised = rng.Next(0, 2) == 0;
                d.ResultDigitised = rng.Next(0, 4) == 0;
                d.ReusedDigitisedData = rng.Next(0, 3) == 0;
                d.ReturnMethod = d.CompletedAt is null ? null : rng.Next(0, 3) switch { 0 => ResultDelivery.Online, 1 => ResultDelivery.ByPost, _ => ResultDelivery.AtDesk };
                var unit = rng.Next(0, units.Count + 1);
                DossierProjection.Apply(row, DossierProjection.Classify(DossierProjection.State.Of(d)));
                row.UnitId = unit == units.Count ? null : units[unit].Id;
                row.UnitName = unit == units.Count ? null : units[unit].Name;
                if (rng.Next(0, 3) > 0 && d.ReceivedAt is { } received)
                {
                    // One to three acknowledged portal updates; the dossier keeps the first, as the outbox processor does.
                    var acks = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => received.AddDays(rng.Next(0, 40))).ToList();
                    foreach (var at in acks)
                    {
                        db.OutboxMessages.Add(new OutboxMessage
                        {
                            AgencyId = agencyId, Kind = "national-sync", Channel = OutboxChannel.NationalPortal, Recipient = "dvcqg", DossierCode = d.Code,
                            Body = "{}", Status = OutboxStatus.Delivered, CreatedAt = at, NextAttemptAt = at, DeliveredAt = at, AcknowledgedAt = at,
                        });
                    }
                    row.SyncedAt = acks.Min().UtcTicks;
                }
            }
            await db.SaveChangesAsync();
            // Edited beside the dossier's save, so the roll-up is built again from the rows as they now are.
            Assert.True(await ReportRollup.RebuildAsync(db, default) > 0);
        }

        ReportPeriod[] periods =
        [
            ReportPeriod.Month(2025, 1), ReportPeriod.Month(2025, 2), ReportPeriod.Quarter(2025, 1),
            ReportPeriod.Custom(new DateOnly(2024, 12, 1), new DateOnly(2025, 3, 31)),
        ];
        await using var ctx = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(ctx);
        var checkedMeasures = 0;
        foreach (var period in periods)
        {
            var facts = await DossierFacts.LoadAsync(reporting, agencyId, period, null, default);
            var procedureFacts = await IndexQueries.ProceduresAsync(reporting, agencyId, period, default);
            var ballots = await IndexQueries.BallotsAsync(reporting, agencyId, period, null, default);
            var input = new Index766Input(facts, procedureFacts, ballots);
            var counts = await IndexSql.CountAsync(reporting, agencyId, period, null, default);

            // The agency.
            checkedMeasures += await AssertSameAsync(reporting, agencyId, period, null, Index766.Measure(input, period),
                counts.Measures(null, procedureFacts, ballots, period), period.Key + " agency");
            var view = await Index766View.ComputeAsync(reporting, agencyId, period, null, default);
            Assert.Equal(Index766.Compute(input, period).Groups.SelectMany(g => g.Indicators).Select(i => (i.Definition.Code, i.EarnedPoints, i.LostItems.Count)),
                view.Result.Groups.SelectMany(g => g.Indicators).Select(i => (i.Definition.Code, i.EarnedPoints, i.LostCount)));

            // Each unit, from the agency's grouped counts and from a unit-filtered query, against Core's per-unit split.
            var expectedByUnit = Index766.ComputeByUnit(input, period).Skip(1).ToList();
            var actualByUnit = view.ByUnit();
            Assert.Equal(expectedByUnit.Select(r => r.ScopeKey), actualByUnit.Select(r => r.ScopeKey));
            foreach (var (expected, actual) in expectedByUnit.Zip(actualByUnit))
            {
                Assert.Equal(expected.Groups.SelectMany(g => g.Indicators).Select(i => (i.Definition.Code, i.Numerator, i.Denominator, i.EarnedPoints, i.LostItems.Count)),
                    actual.Groups.SelectMany(g => g.Indicators).Select(i => (i.Definition.Code, i.Numerator, i.Denominator, i.EarnedPoints, i.LostCount)));
            }
            foreach (var (unitId, _) in units.Where(u => counts.ByUnit.ContainsKey(u.Id.ToString(CultureInfo.InvariantCulture))).Take(2))
            {
                var key = unitId.ToString(CultureInfo.InvariantCulture);
                var unitFacts = await DossierFacts.LoadAsync(reporting, agencyId, period, unitId, default);
                var unitProcedures = procedureFacts.Where(p => p.UnitKey == key).ToList();
                var unitBallots = await IndexQueries.BallotsAsync(reporting, agencyId, period, unitId, default);
                var unitCounts = await IndexSql.CountAsync(reporting, agencyId, period, unitId, default);
                checkedMeasures += await AssertSameAsync(reporting, agencyId, period, unitId,
                    Index766.Measure(new Index766Input(unitFacts, unitProcedures, unitBallots), period),
                    unitCounts.Measures(null, unitProcedures, unitBallots, period), period.Key + " unit " + key);
            }
        }
        Assert.True(checkedMeasures > 60, checkedMeasures.ToString(CultureInfo.InvariantCulture));

        // The scenario is not degenerate: every dossier measure has both passing and failing dossiers in Q1.
        var q1 = await IndexSql.CountAsync(reporting, agencyId, ReportPeriod.Quarter(2025, 1), null, default);
        var all = q1.For(null);
        Assert.True(all.Late > 0 && all.Late < all.Standings && all.Synced > 0 && all.Synced < all.Received && all.Online > 0 && all.FeePaidOnline > 0
            && all.FeePaidOnline < all.FeeCharged && all.ResolvedElectronic > 0 && all.ResolvedElectronic < all.Resolved && all.Digitised > 0, all.ToString());
        Assert.True(q1.ByUnit.Count >= 3, "dossiers spread over units");
    }

    private static async Task<int> AssertSameAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId,
        IReadOnlyDictionary<Index766Measure, MeasureCount> expected, IReadOnlyDictionary<Index766Measure, MeasureCount> actual, string where)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (measure, e) in expected)
        {
            var a = actual[measure];
            Assert.True((e.Numerator, e.Denominator, e.Failing, e.Kind) == (a.Numerator, a.Denominator, a.Failing, a.Kind),
                $"{where} {measure}: expected {e.Numerator}/{e.Denominator} failing {e.Failing}, SQL {a.Numerator}/{a.Denominator} failing {a.Failing}");
            IEnumerable<string> listed = e.Kind == LostItemKind.Dossier
                ? (await IndexSql.LostDossierIdsAsync(reporting, agencyId, period, unitId, measure, 0, 100_000, default)).Select(id => id.ToString(CultureInfo.InvariantCulture))
                : a.FailingItems!;
            Assert.True(e.FailingItems!.Order(StringComparer.Ordinal).SequenceEqual(listed.Order(StringComparer.Ordinal)), $"{where} {measure}: failing items differ");
        }
        // Paging the failing dossiers gives the same rows as one page.
        var late = await IndexSql.LostDossierIdsAsync(reporting, agencyId, period, unitId, Index766Measure.DossiersNotLate, 0, 100_000, default);
        var paged = new List<long>();
        for (var skip = 0; skip < late.Count; skip += 3)
        {
            paged.AddRange(await IndexSql.LostDossierIdsAsync(reporting, agencyId, period, unitId, Index766Measure.DossiersNotLate, skip, 3, default));
        }
        Assert.Equal(late, paged);
        return expected.Count;
    }
}
