using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organisation;

/// <summary>
/// Property test of reports across a merge, over generated data: 50 seeds, each a pair of agencies of one province
/// with random imported dossiers (open, resolved, returned, withdrawn, refused, desk-refused) and a random merge date.
/// After the merge (through the merge service, open dossiers handed over), for a period spanning the date B's report
/// is A's plus B's from before, for a period that ended before it B's is unchanged, A's reports are unchanged for both,
/// B's 766 counts add up the same way, and no dossier appears twice among B's facts. Runs on both providers (test.sh).
/// </summary>
public sealed class AgencyMergeReportPropertyTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const int Seeds = 50;
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
        string? resolved = null, returned = null, withdrawn = null, refused = null, dueText = Iso(due);
        switch (rng.Next(0, 7))
        {
            case 0:
            case 1:
                break; // open
            case 2:
                resolved = Iso(Later(received, 30));
                break;
            case 3:
                var r = Later(received, 30);
                resolved = Iso(r);
                returned = Iso(Later(r, 5));
                break;
            case 4:
                withdrawn = Iso(Later(received, 20));
                break;
            case 5:
                refused = Iso(Later(received, 20));
                break;
            default:
                refused = Iso(received.AddMinutes(10));
                dueText = null;
                break;
        }
        return new
        {
            procedureCode = procedure,
            channel = rng.Next(0, 3) switch { 0 => "direct", 1 => "online", _ => "postal" },
            applicant = new { name = "Người nộp " + rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), phone = "0905123456" },
            receivedAt = Iso(received), dueAt = dueText, resolvedAt = resolved, returnedAt = returned, withdrawnAt = withdrawn, refusedAt = refused,
        };
    }

    private static ClaimsPrincipal AdminOf(int agencyId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, "admin"),
        new Claim(ClaimTypes.Role, Roles.Admin),
        new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
    ], "Test"));

    private static async Task<(DossierReportRow Total, IndexDossierCounts Index)> MeasureAsync(AppDbContext db, int agencyId, ReportPeriod period)
    {
        var reporting = ReportingDb.ForPrimary(db);
        var report = await ReportQueries.DossierReportAsync(reporting, agencyId, period, GroupBy.Procedure, null, null, default);
        var index = await IndexSql.CountAsync(reporting, agencyId, period, null, default);
        return (report.Total with { Key = "", Name = "" }, index.For(null));
    }

    private static DossierReportRow Plus(DossierReportRow a, DossierReportRow b) => LineageReports.Combine(
        [new DossierReport(ReportPeriod.Month(2025, 1), GroupBy.Agency, ReportOptions.Default, [], a), new DossierReport(ReportPeriod.Month(2025, 1), GroupBy.Agency, ReportOptions.Default, [], b)]).Total;

    [Fact]
    public async Task Reports_of_both_agencies_reconcile_across_a_merge_and_no_dossier_counts_twice()
    {
        using var admin = await app.ApiClientAsync("admin");
        var now = app.Clock.GetUtcNow();
        List<string> procedures;
        var pairs = new List<(int A, int B)>();
        await using (var db = app.CreateDbContext())
        {
            var skhcn = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedures = await CatalogueQueries.InForceOn(db, skhcn, new DateOnly(2025, 3, 10)).OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).Take(6).ToListAsync();
            for (var i = 0; i < Seeds; i++)
            {
                var a = new Agency { Code = $"PA{i}", Name = $"Sở tiền thân {i}", ProvinceCode = "66" };
                var b = new Agency { Code = $"PB{i}", Name = $"Sở hợp nhất {i}", ProvinceCode = "66" };
                db.Agencies.AddRange(a, b);
                await db.SaveChangesAsync();
                pairs.Add((a.Id, b.Id));
            }
        }

        // Dossiers imported into the demo department, then given to the pairs: each seed decides its pair's share.
        var before = await IdsAsync();
        var rng = new Random(20250701);
        for (var batch = 0; batch < 10; batch++)
        {
            var records = Enumerable.Range(0, 60).Select(_ => Record(rng, procedures[rng.Next(procedures.Count)], now)).ToList();
            var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        await using (var db = app.CreateDbContext())
        {
            var imported = (await db.Dossiers.Select(d => d.Id).ToListAsync()).Except(before).Order().ToList();
            foreach (var (id, k) in imported.Select((id, k) => (id, k)))
            {
                var seedRng = new Random(k);
                var (a, b) = pairs[k % Seeds];
                var agency = seedRng.Next(0, 2) == 0 ? a : b;
                await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.AgencyId, agency));
                await db.ReportDossiers.Where(r => r.DossierId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AgencyId, agency));
            }
            Assert.True(await ReportRollup.RebuildAsync(db, default) > 0);
        }

        var spanning = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (a, b) = pairs[seed];
            var pick = new Random(seed);
            var date = new DateOnly(2024, 12, 1).AddDays(pick.Next(0, 98));
            var around = ReportPeriod.Custom(date.AddDays(-pick.Next(1, 60)), date.AddDays(pick.Next(0, 30)));
            var earlier = ReportPeriod.Custom(new DateOnly(2024, 11, 1), date.AddDays(-1));
            Dictionary<string, (DossierReportRow Total, IndexDossierCounts Index)> was = [];
            await using (var db = app.CreateDbContext())
            {
                foreach (var (name, agency, period) in new[] { ("A around", a, around), ("B around", b, around), ("A earlier", a, earlier), ("B earlier", b, earlier) })
                {
                    was[name] = await MeasureAsync(db, agency, period);
                }
            }

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var merges = scope.ServiceProvider.GetRequiredService<AgencyMergeService>();
                var request = new MergeRequest(a, b, date, MergeAccountHandling.KeepUnits, null, null);
                var (preview, error) = await merges.PreviewAsync(request, AdminOf(b), recordingHistory: true, default);
                Assert.True(preview is not null, error);
                var (merge, confirmError) = await merges.ConfirmAsync(request, preview.Stamp, AdminOf(b), recordingHistory: true, default);
                Assert.True(merge is not null, confirmError);
            }

            await using (var db = app.CreateDbContext())
            {
                var where = $"seed {seed}, merge on {date:dd/MM/yyyy}";
                var bAround = await MeasureAsync(db, b, around);
                Assert.Equal(Plus(was["A around"].Total, was["B around"].Total), bAround.Total);
                Assert.Equal(was["A around"].Index.Plus(was["B around"].Index), bAround.Index);
                Assert.Equal(was["B earlier"], await MeasureAsync(db, b, earlier));
                Assert.Equal(was["A around"], await MeasureAsync(db, a, around));
                Assert.Equal(was["A earlier"], await MeasureAsync(db, a, earlier));
                Assert.True(bAround.Total.Reconciles, where);
                var facts = await DossierFacts.LoadAsync(ReportingDb.ForPrimary(db), b, around, null, default);
                Assert.Equal(facts.Count, facts.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
                Assert.Equal(0, await db.Dossiers.CountAsync(d => d.AgencyId == a && d.Status == MotCua.Core.Dossiers.DossierStatus.Received));
                spanning += was["A around"].Total.Total > 0 ? 1 : 0;
            }
        }
        // The generated data is not empty: most seeds have dossiers of the predecessor in the spanning period.
        Assert.True(spanning > Seeds / 2, spanning.ToString(CultureInfo.InvariantCulture));

        async Task<HashSet<long>> IdsAsync()
        {
            await using var db = app.CreateDbContext();
            return [.. await db.Dossiers.Select(d => d.Id).ToListAsync()];
        }
    }
}
