using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The one save of a dossier change: its scope rule holds even for a handler that skipped the load's check, the
/// historical import goes through it, and a transition's API answer is logged in the transition's own save.
/// </summary>
public sealed class DossierStoreTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string SpecialistUnit = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ReceiveAsync(HttpClient desk)
    {
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Công ty Phạm Vi " + Guid.NewGuid().ToString("N")[..6], phone = "0905123456" },
            papers = new[] { new { name = "Đơn", present = true } },
        }), HttpStatusCode.Created);
        return created.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task A_handler_that_skips_the_load_check_still_cannot_save_another_units_dossier()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk);
        long fee;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<DossierStore>();
            var specialist = await StatementLog.PrincipalAsync(scope.ServiceProvider, "chuyenvien");
            // Found by code within the agency, as a careless handler would, without LoadAsync's scope check.
            var dossier = (await store.FindAsync(specialist, code, CancellationToken.None))!;
            Assert.False(await store.InScopeAsync(specialist, dossier, CancellationToken.None));
            fee = dossier.FeeAmount;
            dossier.FeeAmount = fee + 1_000_000;
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => store.SaveChangeAsync(dossier, DossierChange.Fees, specialist,
                new DossierAuditEntry("dossier.fees", "Sửa phí ngoài phạm vi.", null), CancellationToken.None));
            Assert.Contains("không thuộc đơn vị của bạn", refused.Message, StringComparison.Ordinal);
        }
        await using var db = app.CreateDbContext();
        Assert.Equal(fee, await db.Dossiers.Where(d => d.Code == code).Select(d => d.FeeAmount).SingleAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityId == code && e.Action == "dossier.fees"));
    }

    [Fact]
    public async Task The_scope_is_checked_on_the_dossier_as_loaded_so_a_transfer_out_of_the_unit_still_saves()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == SpecialistUnit).Select(u => u.Id).SingleAsync();
        }
        var version = (await ReadAsync(await desk.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK)).GetProperty("rowVersion").GetInt64();
        var moved = await ReadAsync(await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = unit, rowVersion = version }), HttpStatusCode.OK);
        Assert.Equal(unit, moved.GetProperty("currentUnitId").GetInt32());
        Assert.Equal("transfer", moved.GetProperty("events").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.NotEmpty(moved.GetProperty("papers").EnumerateArray());
    }

    [Fact]
    public async Task The_answer_to_an_action_is_logged_in_the_actions_own_save()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk);
        var version = (await ReadAsync(await desk.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK)).GetProperty("rowVersion").GetInt64();
        await ReadAsync(await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "stop", note = "Dừng theo đề nghị", rowVersion = version }), HttpStatusCode.OK);
        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.Where(e => e.EntityId == code).OrderBy(e => e.Id).Select(e => new { e.Action, e.Data }).ToListAsync();
        // Added before the one save, the read precedes the action's own entry; a read logged after the save would follow it.
        var read = entries.FindIndex(e => e.Action == PersonalDataReads.DossierRead && e.Data!.Contains("\"api-action\"", StringComparison.Ordinal));
        Assert.True(read >= 0, string.Join(", ", entries.Select(e => e.Action)));
        Assert.Equal(entries.Count - 2, read);
        Assert.StartsWith("dossier.", entries[^1].Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imported_dossiers_pass_the_subscribers_of_the_one_save_counted_in_reports_without_notices()
    {
        using var admin = await app.ApiClientAsync("admin");
        var who = "Nhập Qua Kho " + Guid.NewGuid().ToString("N")[..6];
        var ok = await ReadAsync(await admin.PostAsJsonAsync("/api/dossiers/import", new[]
        {
            new
            {
                procedureCode = "1.000173", channel = "direct", applicant = new { name = who, phone = "0905000111" },
                receivedAt = "2024-05-06T08:30:00+07:00", dueAt = "2024-05-20T08:30:00+07:00",
                resolvedAt = "2024-05-17T16:00:00+07:00", returnedAt = "2024-05-20T10:00:00+07:00",
            },
        }), HttpStatusCode.OK);
        var code = ok.GetProperty("codes")[0].GetString()!;
        await using var db = app.CreateDbContext();
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        var row = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == id);
        Assert.True(row.Counted);
        Assert.NotEqual(DossierProjection.Open, row.ClosedAt);
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.DossierCode == code));
        var imports = await db.AuditEntries.Where(e => e.Action == "dossier.import").Select(e => e.Data).ToListAsync();
        Assert.Contains(imports, d => d!.Contains(code, StringComparison.Ordinal));
    }
}
