using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>The report projection follows a dossier through the real workflow, and the facts reports read are right.</summary>
public sealed class DossierFactsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
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

    [Fact]
    public async Task A_dossier_taken_from_receipt_to_completion_projects_to_the_right_fact()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Dự Án " + Guid.NewGuid().ToString("N")[..6], phone = "0905123456" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        }), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        await using (var db = app.CreateDbContext())
        {
            var atReceipt = await db.ReportDossiers.AsNoTracking().SingleAsync(r => db.Set<Dossier>().Any(d => d.Id == r.DossierId && d.Code == code));
            Assert.True(atReceipt.Counted);
            Assert.Equal(DossierProjection.Open, atReceipt.ClosedAt);
            Assert.Null(atReceipt.ClosedKind);
        }

        int tdc;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = tdc });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        app.Clock.Advance(TimeSpan.FromHours(2));
        await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await ActAsync(leader, code, "approve");

        await using var ctx = app.CreateDbContext();
        var dossier = await ctx.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        Assert.NotNull(dossier.CompletedAt);
        var row = await ctx.ReportDossiers.AsNoTracking().SingleAsync(r => r.DossierId == dossier.Id);
        Assert.Equal(dossier.CompletedAt!.Value.UtcTicks, row.ClosedAt);
        Assert.Equal(ClosingKind.Resolved, row.ClosedKind);
        Assert.Equal(DossierProjection.Open, row.ClosedAtReturn); // not yet handed over
        var version = await ctx.ProcedureVersions.Include(v => v.Field).SingleAsync(v => v.Id == dossier.ProcedureVersionId);
        var plannedUnit = dossier.StepPlan.FirstOrDefault(s => s.UnitId is not null)?.UnitId;

        var period = ReportPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
        var facts = await DossierFacts.LoadAsync(ReportingDb.ForPrimary(ctx), dossier.AgencyId, period, null, default);
        var fact = Assert.Single(facts, f => f.Code == code);
        Assert.Equal(dossier.Id.ToString(CultureInfo.InvariantCulture), fact.Id);
        Assert.Equal(DossierChannel.Direct, fact.Channel);
        Assert.Equal(dossier.ReceivedAt, fact.ReceivedAt);
        Assert.Equal(dossier.DueAt, fact.DueAt);
        Assert.Equal(dossier.CompletedAt, fact.CompletedAt);
        Assert.Null(fact.ReturnedAt);
        Assert.Equal((plannedUnit ?? tdc).ToString(CultureInfo.InvariantCulture), fact.UnitKey);
        Assert.Equal(version.ProcedureId.ToString(CultureInfo.InvariantCulture), fact.ProcedureKey);
        Assert.Equal(dossier.ProcedureName, fact.ProcedureName);
        Assert.Equal(version.FieldId.ToString(CultureInfo.InvariantCulture), fact.FieldKey);
        Assert.Equal(version.Field!.Name, fact.FieldName);
        Assert.Equal(version.OnlineLevel, fact.OnlineLevel);
        Assert.True(fact.IsCounted);
        Assert.NotEmpty(fact.Steps);

        var standing = DossierReport.Classify(fact, period);
        Assert.NotNull(standing);
        Assert.Equal(PeriodOpening.ReceivedDirect, standing.Value.Opening);
        Assert.True(standing.Value.IsResolved);
        Assert.Equal(dossier.CompletedAt, standing.Value.FinishedAt);

        // Counting the hand-over instead, the same dossier is still pending at the period's end.
        var byReturn = DossierReport.Classify(fact, period, new ReportOptions { CountFinishAt = CountFinishAt.Return });
        Assert.True(byReturn!.Value.IsPending);

        // A month before the receipt does not see it at all.
        var before = await DossierFacts.LoadAsync(ReportingDb.ForPrimary(ctx), dossier.AgencyId, ReportPeriod.Custom(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), null, default);
        Assert.DoesNotContain(before, f => f.Code == code);
    }
}
