using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Evaluation;
using MotCua.Core.Indices;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>The procedure flags reports, the 766 index and the one-stop scoring read are projected from the catalogue.</summary>
public sealed class ProcedureFlagsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly ReportPeriod March = ReportPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));

    [Fact]
    public async Task Disclosure_posting_eligibility_and_one_stop_decision_come_from_the_catalogue()
    {
        using var admin = await app.LoginAsync("admin");
        // Signed 9 days before taking effect: within the provincial 5-day lead. The other one, 2 days before: late.
        var onTime = await CataloguePages.SaveDraftAsync(app, admin, "9.FLAG01", "Thủ tục công bố đúng hạn", "5");
        var late = await CataloguePages.SaveDraftAsync(app, admin, "9.FLAG02", "Thủ tục công bố muộn", "5");
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "101/QĐ-UBND", "2025-03-01", "2025-03-10", [onTime])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "102/QĐ-UBND", "2025-03-08", "2025-03-10", [late])).StatusCode);

        // Posting and eligibility are recorded on the procedure page; a date in the future is refused in Vietnamese.
        var future = await CataloguePages.PostAsync(admin, $"/quan-tri/thu-tuc/{onTime}?handler=Disclosure",
            new Dictionary<string, string> { ["PostedOn"] = "2025-04-01" }, $"/quan-tri/thu-tuc/{onTime}");
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("Ngày niêm yết không được sau ngày hôm nay.", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await CataloguePages.PostAsync(admin, $"/quan-tri/thu-tuc/{onTime}?handler=Disclosure",
            new Dictionary<string, string> { ["PostedOn"] = "2025-03-10", ["NotEligibleForFullOnline"] = "true" }, $"/quan-tri/thu-tuc/{onTime}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The approving step of the on-time procedure's process is done by the one-stop desk.
        await using (var db = app.CreateDbContext())
        {
            var desk = await db.Units.Where(u => u.Kind == UnitKind.OneStopDesk).Select(u => u.Id).FirstAsync();
            var division = await db.Units.Where(u => u.Kind == UnitKind.Division).Select(u => u.Id).FirstAsync();
            foreach (var (procedureId, approver) in new[] { (onTime, desk), (late, division) })
            {
                var versionId = await db.ProcedureVersions.Where(v => v.ProcedureId == procedureId && v.State == VersionState.Published).Select(v => v.Id).SingleAsync();
                var process = new InternalProcess { ProcedureVersionId = versionId, State = ProcessState.InForce, InForceFrom = new DateOnly(2025, 3, 10) };
                process.Steps.Add(new ProcessStep { Seq = 1, Kind = StepKind.Receive, UnitId = desk, DurationValue = 0.5m, DurationUnit = TimeUnit.WorkingDays });
                process.Steps.Add(new ProcessStep { Seq = 2, Kind = StepKind.Approve, UnitId = approver, DurationValue = 4.5m, DurationUnit = TimeUnit.WorkingDays });
                db.InternalProcesses.Add(process);
            }
            await db.SaveChangesAsync();
        }

        var agencyId = await CataloguePages.AgencyIdAsync(app);
        await using var ctx = app.CreateDbContext();
        var procedures = await DossierFacts.ProceduresAsync(ReportingDb.ForPrimary(ctx), agencyId, March, default);
        var a = Assert.Single(procedures, p => p.Key == onTime.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var b = Assert.Single(procedures, p => p.Key == late.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(a.DisclosedOnTime);
        Assert.False(b.DisclosedOnTime);
        Assert.True(a.PostedAtOffice);
        Assert.False(b.PostedAtOffice);
        Assert.True(a.PublishedElectronically);
        Assert.False(a.EligibleForFullOnline); // partial online, listed as not eligible
        Assert.True(b.EligibleForFullOnline);
        Assert.True(a.DecidedAtOneStop);
        Assert.False(b.DecidedAtOneStop);
        // The seeded catalogue was imported without decisions and never posted: no evidence of either.
        var imported = procedures.Where(p => p != a && p != b).ToList();
        Assert.NotEmpty(imported);
        Assert.All(imported, p => Assert.False(p.DisclosedOnTime));
        Assert.All(imported, p => Assert.False(p.PostedAtOffice));
        Assert.All(imported, p => Assert.True(p.PublishedElectronically));

        // 766 indicator 1.1 counts exactly the one procedure announced on time.
        var index = Index766.Compute(new Index766Input([], procedures, []), March);
        var disclosure = index.Indicator("1.1");
        Assert.Equal(1, disclosure!.Numerator);
        Assert.Equal(procedures.Count, disclosure.Denominator);

        // One-stop scoring indicator 6: a procedure neither on time nor posted scores 0 for the agency.
        var scoring = OneStopEvaluation.Compute([], procedures, [], new Dictionary<string, PaknCounts>(StringComparer.Ordinal), March);
        var agency = Assert.Single(scoring, e => e.Key == OneStopEvaluation.AgencyKey);
        Assert.Equal(0m, agency.Indicators.Single(i => i.Indicator.Number == 6).SystemScore);

        // Only the posted procedure is posted when the period closes after the posting; none before it.
        var early = await DossierFacts.ProceduresAsync(ReportingDb.ForPrimary(ctx), agencyId, ReportPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 9)), default);
        Assert.DoesNotContain(early, p => p.Key == a.Key);

        // The report page and the narrative draft count the one posted procedure.
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/bao-cao/ho-so?Ky=custom&From=2025-03-01&To=2025-03-31"));
        var total = procedures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"data-testid=\"posted\">1/{total}<", html, StringComparison.Ordinal);
        var docx = await admin.GetByteArrayAsync("/bao-cao/ho-so?handler=Word&Ky=custom&From=2025-03-01&To=2025-03-31");
        Assert.Contains($"01/{total} TTHC đang có hiệu lực được niêm yết công khai", SeedReportScenarioTests.ReadDocx(docx), StringComparison.Ordinal);
    }
}
