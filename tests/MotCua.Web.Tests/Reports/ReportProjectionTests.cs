using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// The report row and the roll-up follow a dossier inside its own save: a closing transition moves both, a save that
/// rolls back moves neither, and a transition that changes no classification neither reads nor writes the report tables.
/// </summary>
public sealed class ReportProjectionTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
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

    private async Task<(string Code, long Id)> ReceiveAsync(HttpClient desk)
    {
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Công ty Chiếu Số " + Guid.NewGuid().ToString("N")[..6], phone = "0905123456" },
            papers = new[] { new { name = "Đơn", present = true } },
        }), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        await using var db = app.CreateDbContext();
        return (code, await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
    }

    /// <summary>The roll-up's stopped closings (both finish modes) and its row count.</summary>
    private async Task<(int Stopped, int ReturnStopped, int Rows)> RollupAsync()
    {
        await using var db = app.CreateDbContext();
        var stopped = await db.ReportDayCounts.SumAsync(r => r.Stopped);
        var returnStopped = await db.ReportDayCounts.SumAsync(r => r.ReturnStopped);
        var rows = await db.ReportDayCounts.CountAsync() + await db.ReportMonthCounts.CountAsync();
        return (stopped, returnStopped, rows);
    }

    [Fact]
    public async Task A_transition_that_closes_a_dossier_moves_its_report_row_and_the_rollup()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var (code, id) = await ReceiveAsync(desk);
        await using (var db = app.CreateDbContext())
        {
            var open = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == id);
            Assert.True(open.Counted);
            Assert.Equal(DossierProjection.Open, open.ClosedAt);
        }
        var before = await RollupAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await ActAsync(desk, code, "stop", new { note = "Dừng theo đề nghị" });

        await using (var db = app.CreateDbContext())
        {
            var closedAt = (await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id)).ClosedAt!.Value.UtcTicks;
            var row = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == id);
            Assert.Equal((closedAt, ClosingKind.Stopped), (row.ClosedAt, row.ClosedKind));
            Assert.Equal((closedAt, ClosingKind.Stopped), (row.ClosedAtReturn, row.ClosedKindReturn));
        }
        var after = await RollupAsync();
        Assert.Equal(before.Stopped + 1, after.Stopped);
        Assert.Equal(before.ReturnStopped + 1, after.ReturnStopped);
    }

    [Fact]
    public async Task A_dossier_save_that_rolls_back_leaves_neither_the_report_row_nor_the_rollup()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var (_, id) = await ReceiveAsync(desk);
        var before = await RollupAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            var now = app.Clock.GetUtcNow();
            dossier.Status = DossierStatus.Stopped;
            dossier.ClosedAt = now;
            dossier.Version++;
            await ReportRollupTests.OnSavingAsync(scope.ServiceProvider, db, dossier);
            Assert.NotEmpty(db.ChangeTracker.Entries<ReportDayCount>());
            // Another officer's change commits first: this save fails on the dossier's version and takes its report rows with it.
            await using (var other = app.CreateDbContext())
            {
                Assert.Equal(1, await other.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1)));
            }
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        await using (var db = app.CreateDbContext())
        {
            var row = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == id);
            Assert.Equal(DossierProjection.Open, row.ClosedAt);
            Assert.Null(row.ClosedKind);
        }
        Assert.Equal(before, await RollupAsync());
    }

    [Fact]
    public async Task A_transition_that_changes_no_classification_leaves_the_report_tables_alone()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var (code, id) = await ReceiveAsync(desk);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit });
        ReportDossier rowBefore;
        await using (var db = app.CreateDbContext())
        {
            rowBefore = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == id);
            Assert.NotNull(rowBefore.UnitId);
        }
        var before = await RollupAsync();

        // The assign runs in-process so its statements can be counted: a change that keeps the classification neither
        // reads nor writes the report tables (the skip on the tracked original values).
        using var statements = new StatementLog();
        IReadOnlyList<string> sent;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var leaderUser = await StatementLog.PrincipalAsync(scope.ServiceProvider, "lanhdao");
            var act = scope.ServiceProvider.GetRequiredService<ActOnDossier>();
            WorkflowOutcome? outcome = null;
            sent = await statements.CaptureAsync(async () =>
                outcome = await act.ApplyAsync(code, DossierAction.Assign, new ActionInput(Assignee: "chuyenvien"), null, leaderUser, CancellationToken.None));
            Assert.True(outcome!.Succeeded, outcome.Message);
        }
        Assert.Contains(sent, s => s.Contains("Dossiers", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Contains("\"Report", StringComparison.Ordinal));

        Assert.Equal(before, await RollupAsync());
        await using (var db = app.CreateDbContext())
        {
            var row = await db.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == id);
            Assert.Equal(
                JsonSerializer.Serialize(rowBefore, JsonOptions),
                JsonSerializer.Serialize(row, JsonOptions));
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };
}
