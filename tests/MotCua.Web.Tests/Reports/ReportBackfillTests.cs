using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>Dossiers stored before the report projection come into the reports after the backfill.</summary>
public sealed class ReportBackfillTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Range = "/api/reports/dossiers?from=2025-03-01&to=2025-03-31&groupBy=procedure";

    private static async Task<int> ReceivedDirectAsync(HttpClient client, int procedureId)
    {
        var response = await client.GetAsync(Range);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var key = procedureId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return JsonDocument.Parse(text).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("key").GetString() == key)
            .Sum(r => r.GetProperty("receivedDirect").GetInt32());
    }

    [Fact]
    public async Task A_dossier_whose_report_columns_were_cleared_comes_back_after_the_backfill()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Hồi Tố " + Guid.NewGuid().ToString("N")[..6], phone = "0905123456" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        int procedureId;
        long dossierId;
        await using (var db = app.CreateDbContext())
        {
            dossierId = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            procedureId = await db.ReportDossiers.Where(r => r.DossierId == dossierId).Select(r => r.ProcedureId).SingleAsync();
        }
        var before = await ReceivedDirectAsync(desk, procedureId);
        Assert.True(before >= 1);

        // As a row copied from a dossier stored before the projection existed: defaults in every column.
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.ReportDossiers.Where(r => r.DossierId == dossierId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProcedureId, 0).SetProperty(r => r.FieldId, 0).SetProperty(r => r.FieldName, "")
                .SetProperty(r => r.UnitId, (int?)null).SetProperty(r => r.UnitName, (string?)null)
                .SetProperty(r => r.Counted, false).SetProperty(r => r.ClosedAt, 0L).SetProperty(r => r.ClosedAtReturn, 0L)));
            // An installation upgraded from then builds its report roll-up from the rows as they are.
            Assert.True(await ReportRollup.RebuildAsync(db, default) >= 0);
        }
        Assert.Equal(before - 1, await ReceivedDirectAsync(desk, procedureId));

        await using (var db = app.CreateDbContext())
        {
            Assert.True(await ReportBackfill.RunAsync(db, default) >= 1);
            Assert.Equal(0, await ReportBackfill.RunAsync(db, default)); // idempotent: nothing left to pin
            var row = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == dossierId);
            Assert.Equal(procedureId, row.ProcedureId);
            Assert.True(row.Counted);
            Assert.Equal(DossierProjection.Open, row.ClosedAt);
        }
        Assert.Equal(before, await ReceivedDirectAsync(desk, procedureId));
    }
}
