using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reconciliation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Reconciliation;

namespace MotCua.Web.Tests.Data;

/// <summary>
/// An installation upgraded to the ledger's codes: the migration fills them in for the dossiers and messages it finds, so
/// the ledger computed in the database gives what Core gives from the messages themselves from the first day.
/// </summary>
public sealed class LedgerPortalCodesMigrationTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task The_upgrade_copies_the_pushed_codes_out_of_old_messages_and_marks_each_report_row_with_both_codes()
    {
        await using var app = new MotCuaApp();
        int agencyId;
        string procedure;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedure = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10)).OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).FirstAsync();
        }
        var at = new DateTimeOffset(2024, 11, 5, 9, 0, 0, Vn);
        List<string> codes;
        using (var admin = await app.ApiClientAsync("admin"))
        {
            static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            var records = Enumerable.Range(0, 3).Select(i => new
            {
                procedureCode = procedure,
                channel = "direct",
                applicant = new { name = "Nguyễn Văn Nâng Cấp", phone = "0905318274" },
                receivedAt = Iso(at.AddHours(i)),
                dueAt = Iso(at.AddDays(10)),
                resolvedAt = Iso(at.AddDays(5)),
                returnedAt = Iso(at.AddDays(6)),
            }).ToList();
            var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            codes = json.RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        }
        var (legacy, twice, never) = (codes[0], codes[1], codes[2]);
        var done = at.AddDays(6);

        await using (var db = app.CreateDbContext())
        {
            // Before the upgrade: a message whose code is only in its body, and a dossier acknowledged twice.
            var old = LedgerReasonTests.Message(agencyId, legacy, 10, done, OutboxStatus.Delivered, done.AddMinutes(5));
            old.NationalStatusCode = null;
            db.OutboxMessages.AddRange(
                old,
                LedgerReasonTests.Message(agencyId, twice, 2, at, OutboxStatus.Delivered, at.AddMinutes(5)),
                LedgerReasonTests.Message(agencyId, twice, 10, done, OutboxStatus.Delivered, done.AddMinutes(5)));
            await db.SaveChangesAsync();
            // The first acknowledgement, which the outbox already kept on the report row before the upgrade.
            await ReportRollup.RecordSyncAsync(db, agencyId, legacy, done.AddMinutes(5).UtcTicks, default);
            await ReportRollup.RecordSyncAsync(db, agencyId, twice, at.AddMinutes(5).UtcTicks, default);

            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var upgrade = all.Single(m => m.EndsWith("_LedgerPortalCodes", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(upgrade) - 1]);
            await migrator.MigrateAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(10, await db.OutboxMessages.Where(m => m.DossierCode == legacy).Select(m => m.NationalStatusCode).SingleAsync());
            var dossiers = db.Dossiers;
            var rows = await db.ReportDossiers.Join(dossiers, r => r.DossierId, d => d.Id, (r, d) => new { d.Code, r.NationalCode, r.PortalCode })
                .Where(r => codes.Contains(r.Code))
                .ToDictionaryAsync(r => r.Code, r => (r.NationalCode, r.PortalCode));
            Assert.Equal((10, 10), rows[legacy]);
            Assert.Equal((10, 10), rows[twice]); // the later acknowledgement
            Assert.Equal((10, (int?)null), rows[never]);

            var reporting = ReportingDb.ForPrimary(db);
            var period = ReportPeriod.Quarter(2024, 4).AsOf(app.Clock.GetUtcNow());
            var core = await Ledger.LoadAsync(reporting, agencyId, period, null, default);
            var sql = await LedgerSql.PageAsync(reporting, agencyId, period, null, null, 0, 100, default);
            Assert.Equal(core.Totals, sql.Totals);
            Assert.Equal(never, Assert.Single(sql.Lines).Input.Fact.Code);
        }
    }
}
