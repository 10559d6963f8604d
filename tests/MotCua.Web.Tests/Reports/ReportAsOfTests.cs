using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// A period that has not ended is reported as of now: a dossier due after now but before the period's end is within time
/// in the report (API, page, Excel, narrative) and the 766 index, and overdue once the clock passes its due instant; an
/// ended period is judged at its end, as before. Runs on whichever provider the run uses (test.sh runs both).
/// </summary>
public sealed class ReportAsOfTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, Vn);

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_dossier_due_tomorrow_is_within_time_today_and_overdue_once_its_due_instant_has_passed()
    {
        // The fake clock: 10/03/2025 09:00 in Vietnam, inside official Q1/2025 (15/12/2024 – 14/03/2025).
        Assert.Equal(Local(3, 10, 9), app.Clock.GetUtcNow());
        int agencyId;
        string procedureCode;
        int procedureId;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            var version = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10))
                .OrderByDescending(v => v.Procedure!.Code).Select(v => new { v.Procedure!.Code, v.ProcedureId }).FirstAsync();
            (procedureCode, procedureId) = (version.Code, version.ProcedureId);
        }
        var key = procedureId.ToString(CultureInfo.InvariantCulture);

        // Tomorrow (after now, before the quarter's end), this morning (before now) and this evening (after now, same day).
        var dues = new[] { Local(3, 11, 17), Local(3, 10, 8), Local(3, 10, 16) };
        using (var admin = await app.ApiClientAsync("admin"))
        {
            var records = dues.Select((due, i) => new
            {
                procedureCode,
                channel = "direct",
                applicant = new { name = "Người nộp hạn " + i.ToString(CultureInfo.InvariantCulture), phone = "0905318274" },
                receivedAt = Iso(Local(3, 3, 9 + i)),
                dueAt = Iso(due),
            }).ToList();
            var imported = await admin.PostAsJsonAsync("/api/dossiers/import", records);
            Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }
        string[] codes;
        await using (var db = app.CreateDbContext())
        {
            var byDue = await db.ReportDossiers.Where(r => r.AgencyId == agencyId && r.ProcedureId == procedureId)
                .Join(db.Dossiers, r => r.DossierId, d => d.Id, (r, d) => new { d.Code, d.DueAt }).ToListAsync();
            codes = [.. dues.Select(due => byDue.Single(d => d.DueAt == due).Code)];
        }
        var (tomorrow, thisMorning, thisEvening) = (codes[0], codes[1], codes[2]);

        // Sessions expire as the clock moves: each step signs in again.
        var officer = await app.LoginAsync("admin");
        var api = await app.ApiClientAsync("admin");

        // Today: only the one due this morning is overdue.
        await AssertReportAsync(api, officer, key, withinTime: 2, overdue: 1, provisional: true);
        await AssertIndexLateAsync(api, late: [thisMorning], notLate: [tomorrow, thisEvening], provisional: true);
        await AssertSqlEqualsCoreAsync(agencyId);
        var page = await officer.GetStringAsync("/bao-cao/ho-so?Ky=2025-Q1");
        Assert.Contains("Số liệu tạm tính đến 09:00 ngày 10/03/2025", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"provisional\"", await officer.GetStringAsync("/chi-so-766?ky=quy&nam=2025&so=1"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"provisional\"", await officer.GetStringAsync("/chi-so-766/2.1?ky=quy&nam=2025&so=1"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"provisional\"", await officer.GetStringAsync("/bang-dieu-khien"), StringComparison.Ordinal);
        var narrative = SeedReportScenarioTests.ReadDocx(await officer.GetByteArrayAsync("/bao-cao/ho-so?handler=Word&Ky=2025-Q1"));
        Assert.Contains("(Số liệu tạm tính đến 09:00 ngày 10/03/2025)", narrative, StringComparison.Ordinal);

        // This evening, after the second one's due instant: two overdue, the one due tomorrow still within time.
        app.Clock.SetUtcNow(Local(3, 10, 16, 30));
        (officer, api) = await SignInAgainAsync(officer, api);
        await AssertReportAsync(api, officer, key, withinTime: 1, overdue: 2, provisional: true);
        await AssertIndexLateAsync(api, late: [thisMorning, thisEvening], notLate: [tomorrow], provisional: true);
        await AssertSqlEqualsCoreAsync(agencyId);

        // The day after tomorrow: all three are overdue.
        app.Clock.SetUtcNow(Local(3, 12, 9));
        (officer, api) = await SignInAgainAsync(officer, api);
        await AssertReportAsync(api, officer, key, withinTime: 0, overdue: 3, provisional: true);
        await AssertIndexLateAsync(api, late: [thisMorning, thisEvening, tomorrow], notLate: [], provisional: true);

        // After the quarter: judged at its end, final, and the page no longer says provisional.
        app.Clock.SetUtcNow(Local(3, 20, 9));
        (officer, api) = await SignInAgainAsync(officer, api);
        await AssertReportAsync(api, officer, key, withinTime: 0, overdue: 3, provisional: false);
        await AssertIndexLateAsync(api, late: [thisMorning, thisEvening, tomorrow], notLate: [], provisional: false);
        await AssertSqlEqualsCoreAsync(agencyId);
        Assert.DoesNotContain("data-testid=\"provisional\"", await officer.GetStringAsync("/bao-cao/ho-so?Ky=2025-Q1"), StringComparison.Ordinal);
        officer.Dispose();
        api.Dispose();
    }

    private async Task<(HttpClient Officer, HttpClient Api)> SignInAgainAsync(HttpClient officer, HttpClient api)
    {
        officer.Dispose();
        api.Dispose();
        return (await app.LoginAsync("admin"), await app.ApiClientAsync("admin"));
    }

    /// <summary>The procedure's row of Q1 through the API and the Excel form, and whether both say the figures are provisional.</summary>
    private static async Task AssertReportAsync(HttpClient api, HttpClient officer, string key, int withinTime, int overdue, bool provisional)
    {
        var text = await api.GetStringAsync("/api/reports/dossiers?period=2025-Q1&groupBy=procedure");
        var row = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);
        Assert.Equal((withinTime, overdue), (row.GetProperty("pendingWithinTime").GetInt32(), row.GetProperty("pendingOverdue").GetInt32()));
        Assert.Equal(provisional, row.GetProperty("asOf").ValueKind == JsonValueKind.String);

        var cells = SeedReportScenarioTests.ReadSheet(await officer.GetByteArrayAsync("/bao-cao/ho-so?handler=Excel&Ky=2025-Q1&GroupBy=procedure"));
        Assert.Equal(provisional, cells.Any(c => c.Value.StartsWith("(Số liệu tạm tính đến ", StringComparison.Ordinal)));
        var name = row.GetProperty("name").GetString();
        var line = cells.Single(c => c.Column == 2 && c.Value == name).Row;
        string At(int column) => cells.Single(c => c.Row == line && c.Column == column).Value;
        Assert.Equal((withinTime.ToString(CultureInfo.InvariantCulture), overdue.ToString(CultureInfo.InvariantCulture)), (At(13), At(14)));
    }

    /// <summary>Indicator 2.1 of the 766 index for Q1: which of the dossiers lost its points.</summary>
    private static async Task AssertIndexLateAsync(HttpClient api, string[] late, string[] notLate, bool provisional)
    {
        var text = await api.GetStringAsync("/api/indices/766?from=2024-12-15&to=2025-03-14");
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal(provisional, root.GetProperty("period").GetProperty("provisional").GetBoolean());
        var progress = root.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "2.1");
        var lost = progress.GetProperty("lostItems").GetProperty("items").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.All(late, code => Assert.Contains(code, lost));
        Assert.All(notLate, code => Assert.DoesNotContain(code, lost));
    }

    /// <summary>The database's report (roll-up and correction for the cut-off's day) equals Core's over the facts, as of now.</summary>
    private async Task AssertSqlEqualsCoreAsync(int agencyId)
    {
        await using var db = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(db);
        foreach (var period in new[] { ReportPeriod.Quarter(2025, 1), ReportPeriod.Month(2025, 3) }.Select(p => p.AsOf(app.Clock.GetUtcNow())))
        {
            var facts = await DossierFacts.LoadAsync(reporting, agencyId, period, null, default);
            var expected = DossierReport.Compute(facts, period, GroupBy.Procedure);
            var actual = await ReportQueries.DossierReportAsync(reporting, agencyId, period, GroupBy.Procedure, null, null, default);
            Assert.Equal(expected.Rows.Select(r => r with { Name = "" }), actual.Rows.Select(r => r with { Name = "" }));
            Assert.Equal(expected.Total, actual.Total);
        }
    }
}
